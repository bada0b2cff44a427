import t from 'tap'
import { formatBytes, formatCpu, parseBytes, parseCpu, parseDuration } from '../../../controller/graph/index.ts'

t.test('sizes', async t => {
  const good: Array<[unknown, number]> = [
    [0, 0], [4096, 4096], ['4096', 4096], ['64Mi', 64 * 1024 ** 2], ['1Gi', 1024 ** 3], ['512M', 512e6],
    ['1k', 1000], ['1K', 1000], ['2Ki', 2048], ['1.5Gi', 1.5 * 1024 ** 3], ['1T', 1e12], ['1Ti', 1024 ** 4],
    ['0.1Ki', 103], [' 8Mi ', 8 * 1024 ** 2]
  ]
  for (const [input, bytes] of good) t.same(parseBytes(input), { ok: true, value: bytes }, String(input))
  for (const input of ['64MB', '1GB', '64mi', '128m', '1.5', '-1', '-1Gi', 'Mi', '', '1 Gi', '1e3', 1.5, -1, true, null, {}, '99999999Ei']) {
    t.notOk(parseBytes(input).ok, JSON.stringify(input))
  }
})

t.test('cpu', async t => {
  const good: Array<[unknown, number]> = [[0.5, 0.5], [2, 2], ['500m', 0.5], ['1500m', 1.5], ['0.25', 0.25], ['1m', 0.001], [0, 0], ['0.001', 0.001]]
  for (const [input, cores] of good) t.same(parseCpu(input), { ok: true, value: cores }, String(input))
  for (const input of ['half', '0.5m', '500 m', '-1', -0.5, 0.0005, '1e3', Infinity, NaN, true, null]) {
    t.notOk(parseCpu(input).ok, String(input))
  }
})

t.test('durations', async t => {
  const good: Array<[string, number]> = [['1s', 1000], ['500ms', 500], ['1.5s', 1500], ['2m', 120_000], ['1h', 3_600_000], ['1m30s', 90_000], ['0s', 0]]
  for (const [input, ms] of good) t.same(parseDuration(input), { ok: true, value: ms }, input)
  for (const input of ['1', '1 s', 's', '1d', '-1s', '', 1000, null]) t.notOk(parseDuration(input).ok, String(input))
})

t.test('figures for messages', async t => {
  t.equal(formatBytes(512), '512 B')
  t.equal(formatBytes(192 * 1024 ** 2), '192 MiB')
  t.equal(formatBytes(1.5 * 1024 ** 3), '1.5 GiB')
  t.equal(formatCpu(1), '1 core')
  t.equal(formatCpu(0.25), '0.25 cores')
})
