/**
 * bin/launch in a checkout: trellisd runs on the pinned Node with its V8
 * flags and Node's compile cache, which the idle figures of
 * docs/benchmarks.md depend on. A real daemon, read from /proc.
 */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, startDaemon, waitFor } from '../helpers/daemon.ts'
import { daemonV8Flags } from '../helpers/daemon-v8.ts'

t.test('trellisd through bin/trellisd: the pinned Node, a 2 MB semi-space cap, gc exposed, V8 single-threaded on two cores or fewer, the compile cache in node_modules/.cache', async t => {
  // The launcher keeps a compile cache it is given: take the default it sets when given none.
  const given = process.env.NODE_COMPILE_CACHE
  delete process.env.NODE_COMPILE_CACHE
  t.teardown(() => { if (given !== undefined) process.env.NODE_COMPILE_CACHE = given })
  const d = await startDaemon(fn => t.teardown(fn), { program: join(ROOT, 'bin', 'trellisd') })
  const pid = d.process.pid!
  const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')
  t.equal(argv[0], join(ROOT, 'node_modules', 'node', 'bin', 'node'), 'the pinned Node, exec\'d in place of the launcher')
  const script = argv.indexOf(join(ROOT, 'daemon', 'main.ts'))
  // V8 single-threaded on a machine of two cores or fewer, as this one may be; the benches' stand-in daemons run the same list.
  const flags = daemonV8Flags()
  t.same(argv.slice(script - flags.length, script), flags, `V8's flags, given to Node before the script, not to trellisd: ${argv.join(' ')}`)
  t.notOk(argv.slice(0, script - flags.length).some(a => a.startsWith('--')), 'and no others')
  const env = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0')
  t.ok(env.includes(`NODE_COMPILE_CACHE=${join(ROOT, 'node_modules', '.cache', 'trellisd')}`), 'the compile cache beside the checkout\'s modules')
})

t.test('a compile cache given is kept, and the daemon writes it once started: a kill -9 leaves it filled', async t => {
  const cache = await mkdtemp(join(tmpdir(), 'trellis-compile-cache-'))
  t.teardown(async () => { await rm(cache, { recursive: true, force: true }) })
  const given = process.env.NODE_COMPILE_CACHE
  process.env.NODE_COMPILE_CACHE = cache
  t.teardown(() => { if (given === undefined) delete process.env.NODE_COMPILE_CACHE; else process.env.NODE_COMPILE_CACHE = given })
  const d = await startDaemon(fn => t.teardown(fn), { program: join(ROOT, 'bin', 'trellisd') })
  t.ok(readFileSync(`/proc/${d.process.pid!}/environ`, 'utf8').split('\0').includes(`NODE_COMPILE_CACHE=${cache}`), 'the cache given, not the default')
  await d.crash()
  const entries = (await readdir(cache, { recursive: true, withFileTypes: true })).filter(e => e.isFile())
  t.ok(entries.length > 100, `the daemon's modules are in the cache after kill -9 (${entries.length} entries)`)
})

t.test('the daemon collects what starting left once, 10 s after it started (daemon/startup-garbage.ts)', async t => {
  const d = await startDaemon(fn => t.teardown(fn), { program: join(ROOT, 'bin', 'trellisd') })
  const line = await waitFor('the startup collection', 30_000, () => d.logTail(200).split('\n').find(l => l.includes('startup garbage collected')), 250)
  const { ms } = JSON.parse(line) as { ms: number }
  t.ok(ms >= 0 && ms < 5_000, `one memory-reducing collection (${ms} ms)`)
})
