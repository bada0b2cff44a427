/** The pure parts of the process driver: /proc parsing, cgroup plans, log tails. */
import { spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Writable } from 'node:stream'
import t from 'tap'
import {
  type TaskCgroup, GATE_CLOSED_EXIT, GATE_WORD, cpuQuotaUs, decodeCgroup, encodeCgroup, gateArgv, isValidParent,
  limitWrites, parentDirs, parseOomKills, taskCgroup
} from '../../../daemon/runtime/process/cgroup-plan.ts'
import { lastLines, tailFile } from '../../../daemon/runtime/process/logs.ts'
import { parseStat } from '../../../daemon/runtime/process/procfs.ts'
import { removeDir, tempDir } from './helpers.ts'

const MiB = 1024 * 1024

t.test('parseStat finds fields after the command name, whatever it holds', async t => {
  const fields = (comm: string): string => `4242 (${comm}) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 10`
  for (const comm of ['sleep', 'my prog', 'a) S 1 (b', ')']) {
    t.same(parseStat(fields(comm)), { pid: 4242, state: 'S', pgrp: 4242, startTime: 987654 }, JSON.stringify(comm))
  }
  t.equal(parseStat(''), undefined)
  t.equal(parseStat('garbage'), undefined)
  t.equal(parseStat('12 (x) Z'), undefined, 'too short')
})

t.test('cgroup layout and limits', async t => {
  const v1 = { version: 1 as const, memoryRoot: '/cg/memory', cpuRoot: '/cg/cpu' }
  const v2 = { version: 2 as const, root: '/cg' }
  t.same(taskCgroup(v1, 'trellis', 'web.0'), { version: 1, dirs: ['/cg/memory/trellis/web.0', '/cg/cpu/trellis/web.0'] })
  t.same(taskCgroup(v2, 'trellis', 'web.0'), { version: 2, dirs: ['/cg/trellis/web.0'] })
  t.same(parentDirs(v2, 'a/b'), ['/cg/a', '/cg/a/b'])
  t.same(parentDirs(v1, 'trellis'), ['/cg/memory/trellis', '/cg/cpu/trellis'])

  const table: Array<[number, number | undefined]> = [[0, undefined], [-1, undefined], [NaN, undefined], [Infinity, undefined], [0.001, 1_000], [0.5, 50_000], [2, 200_000]]
  for (const [cpu, quota] of table) t.equal(cpuQuotaUs(cpu), quota, `cpu ${cpu}`)

  const cg1 = taskCgroup(v1, 'trellis', 'x')
  t.same(limitWrites(cg1, { cpu: 0.5, memory: 64 * MiB }).map(w => [w.dir, w.file, w.value, w.optional]), [
    ['/cg/memory/trellis/x', 'memory.limit_in_bytes', String(64 * MiB), false],
    ['/cg/memory/trellis/x', 'memory.memsw.limit_in_bytes', String(64 * MiB), true],
    ['/cg/cpu/trellis/x', 'cpu.cfs_period_us', '100000', false],
    ['/cg/cpu/trellis/x', 'cpu.cfs_quota_us', '50000', false]
  ])
  const cg2 = taskCgroup(v2, 'trellis', 'x')
  t.same(limitWrites(cg2, { cpu: 1.5, memory: 64 * MiB }).map(w => [w.file, w.value]), [
    ['memory.max', String(64 * MiB)], ['memory.swap.max', '0'], ['cpu.max', '150000 100000']
  ])
  t.same(limitWrites(cg2, { cpu: 0, memory: 0 }), [], 'zero means no limit')
})

t.test('parent names', async t => {
  for (const ok of ['trellis', 'trellis/test-1', 'a.b_c']) t.ok(isValidParent(ok), ok)
  for (const bad of ['', '/abs', 'a/../b', '..', 'a//b', 'sp ace', "q'uote", '.hidden']) t.notOk(isValidParent(bad), JSON.stringify(bad))
})

t.test('parseOomKills reads v1 oom_control and v2 memory.events', async t => {
  t.equal(parseOomKills('oom_kill_disable 0\nunder_oom 0\noom_kill 2\n'), 2)
  t.equal(parseOomKills('low 0\nhigh 0\nmax 5\noom 1\noom_kill 1\noom_group_kill 0\n'), 1)
  t.equal(parseOomKills('oom_kill_disable 0\nunder_oom 0\n'), undefined, 'old kernels lack the counter')
})

t.test('the gate runs the command verbatim once opened, and nothing of it when closed', async t => {
  const argv = gateArgv(['/bin/echo', 'one two', '$HOME', "'; rm -rf /"])
  const run = async (word: string | undefined): Promise<{ code: unknown, out: string }> => {
    const child = spawn(argv[0], argv.slice(1), { stdio: ['ignore', 'pipe', 'inherit', 'pipe'] })
    let out = ''
    child.stdout!.on('data', (d: Buffer) => { out += d.toString() })
    const gate = child.stdio[3] as Writable
    if (word === undefined) gate.end()
    else gate.end(`${word}\n`)
    const code = await new Promise(resolve => child.once('close', resolve))
    return { code, out }
  }
  t.same(await run(undefined), { code: GATE_CLOSED_EXIT, out: '' }, 'a gate closed without a word (the daemon died) runs nothing')
  t.same(await run('no'), { code: GATE_CLOSED_EXIT, out: '' }, 'any other word keeps it closed')
  t.same(await run(GATE_WORD), { code: 0, out: "one two $HOME '; rm -rf /\n" }, 'once opened, the arguments pass through untouched')
})

t.test('cgroups round-trip through a handle', async t => {
  const cg: TaskCgroup = { version: 2, dirs: ['/sys/fs/cgroup/trellis/x'] }
  t.same(decodeCgroup(encodeCgroup(cg)), cg)
  t.equal(decodeCgroup(encodeCgroup(undefined)), undefined)
  t.equal(decodeCgroup({ cgroupVersion: 1, cgroups: 'not json' }), undefined)
  t.equal(decodeCgroup({ cgroupVersion: 1, cgroups: '["relative"]' }), undefined)
  t.equal(decodeCgroup({ cgroupVersion: 3, cgroups: '["/x"]' }), undefined)
})

t.test('log tails', async t => {
  t.same(lastLines('a\nb\nc\n', 2), ['b', 'c'])
  t.same(lastLines('a\nb\nc', 2), ['b', 'c'], 'no trailing newline')
  t.same(lastLines('a\n', 5), ['a'])
  t.same(lastLines('', 5), [])
  t.same(lastLines('a\nb\n', 0), [])
  t.same(lastLines('a\n\nb\n', 3), ['a', '', 'b'], 'empty lines count')

  const dir = await tempDir()
  t.teardown(async () => await removeDir(dir))
  const big = join(dir, 'big.log')
  const lines = Array.from({ length: 50_000 }, (_, i) => `line ${i} ${'x'.repeat(i % 97)}`)
  await writeFile(big, lines.join('\n') + '\n')
  t.same(await tailFile(big, 3), lines.slice(-3), 'reads only the end of a big file')
  t.same(await tailFile(big, 5_000), lines.slice(-5_000), 'across many chunks')
  t.same(await tailFile(join(dir, 'missing.log'), 3), [], 'a missing log has no lines')
})
