/**
 * Seeded kills: each preset declares a killed node down at every observer
 * within its documented window (docs/failure-detection.md), and the
 * distribution report is sound.
 */
import t from 'tap'
import type { Test } from 'tap'
import { FIELD_DETECTOR, LAN_DETECTOR } from '../../../daemon/membership/index.ts'
import { CLEAN_LAN, LOSSY_FIELD, detectionDistribution, quantile } from '../../sim/membership/index.ts'
import type { DetectorSettings } from '../../../daemon/membership/index.ts'
import type { ChannelOptions, DetectionReport } from '../../sim/membership/index.ts'

const RUNS = 100

function checkWindow (t: Test, label: string, settings: DetectorSettings, channel: ChannelOptions, minMs: number, maxMs: number): DetectionReport {
  const r = detectionDistribution(settings, { channel, runs: RUNS })
  t.equal(r.samples, RUNS * 4, `${label}: every surviving observer of every kill reported`)
  for (const u of r.undetected) t.fail(`${label}: seed ${u.seed}: ${u.observer} never declared n0 down`)
  for (const v of r.falseDowns) t.fail(`${label}: seed ${v.seed}: ${v.observer} declared live ${v.peer} down at ${v.at.toFixed(0)} ms`)
  const outside = r.detections.filter(d => d.afterMs < minMs || d.afterMs > maxMs)
  for (const d of outside) t.fail(`${label}: seed ${d.seed}: ${d.observer} took ${d.afterMs.toFixed(0)} ms, outside ${minMs}–${maxMs} ms`)
  t.equal(outside.length, 0, `${label}: all ${r.samples} detections within ${minMs}–${maxMs} ms (p50 ${r.p50.toFixed(0)}, p99 ${r.p99.toFixed(0)}, max ${r.max.toFixed(0)})`)
  return r
}

t.test('lan preset, clean LAN: down within 1.5–3 s', async t => {
  checkWindow(t, 'lan', LAN_DETECTOR, CLEAN_LAN, 1_500, 3_000)
})

t.test('field preset, 30 % loss + 500 ms jitter, gossip relay: down within 10 s', async t => {
  checkWindow(t, 'field', FIELD_DETECTOR, LOSSY_FIELD, 4_000, 10_000)
})

t.test('field preset, 30 % loss + 500 ms jitter on a single hop: p99 within 12 s', async t => {
  const r = checkWindow(t, 'field, no relay', FIELD_DETECTOR, { ...LOSSY_FIELD, relay: false }, 1_000, 20_000)
  t.ok(r.p99 <= 12_000, `p99 ${r.p99.toFixed(0)} ms`)
})

t.test('field preset over TCP (stream model), 10 % loss + 500 ms jitter: down within 10 s', async t => {
  checkWindow(t, 'field, TCP', FIELD_DETECTOR, { ...LOSSY_FIELD, lossRate: 0.1, streamRtoMs: 1_000 }, 4_000, 10_000)
})

t.test('the report is a sound distribution', async t => {
  const r = detectionDistribution(LAN_DETECTOR, { channel: CLEAN_LAN, runs: 10, firstSeed: 500, nodes: 3 })
  t.equal(r.preset, 'lan')
  t.equal(r.runs, 10)
  t.equal(r.samples, 20, 'two observers per kill in a grid of three')
  t.ok(r.min <= r.p50 && r.p50 <= r.p99 && r.p99 <= r.max, 'ordered')
  t.ok(r.mean >= r.min && r.mean <= r.max)
  t.same(new Set(r.detections.map(d => d.seed)).size, 10, 'every seed accounted for')
  t.same(detectionDistribution(LAN_DETECTOR, { channel: CLEAN_LAN, runs: 10, firstSeed: 500, nodes: 3 }), r, 'replayable')
})

t.test('quantile by nearest rank', async t => {
  const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
  const table: Array<[number, number]> = [[0, 1], [0.1, 1], [0.5, 5], [0.51, 6], [0.99, 10], [1, 10]]
  for (const [q, v] of table) t.equal(quantile(sorted, q), v, `q ${q}`)
  t.ok(Number.isNaN(quantile([], 0.5)), 'nothing to rank')
})
