/**
 * Young collections paced by received bytes: one asked per
 * YOUNG_EVERY_BYTES received, after the turn that crossed it, none below it,
 * the count started again by a collection of V8's own (the pacing alone, then
 * wired to the process's gc and its real collections), nothing without
 * --expose-gc; and, in a process that has it, the call is one V8 takes and
 * runs as a young-generation collection.
 */
import t, { type Test } from 'tap'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { PerformanceObserver } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { noteReceived, YOUNG_EVERY_BYTES, YoungCollections } from '../../../daemon/network/young-collections.ts'

const turn = async (): Promise<void> => { await new Promise(resolve => setImmediate(resolve)) }

t.test('one young collection per YOUNG_EVERY_BYTES received, after the turn that crossed it', async t => {
  let calls = 0
  const young = new YoungCollections(() => { calls++ })

  young.note(YOUNG_EVERY_BYTES - 1)
  await turn()
  t.equal(calls, 0, 'none below the threshold')

  young.note(1)
  t.equal(calls, 0, 'not inside the caller: after its turn')
  young.note(YOUNG_EVERY_BYTES) // more in the same turn: still one
  await turn()
  t.equal(calls, 1, 'one young collection')

  young.note(YOUNG_EVERY_BYTES - 1)
  await turn()
  t.equal(calls, 1, 'the count starts again after a collection')
  young.note(1)
  await turn()
  t.equal(calls, 2, 'and the next threshold asks again')
})

t.test("a collection of V8's own starts the count again", async t => {
  let calls = 0
  const young = new YoungCollections(() => { calls++ })

  young.note(YOUNG_EVERY_BYTES - 1)
  young.collected()
  young.note(1)
  await turn()
  t.equal(calls, 0, 'the bytes before it do not count')

  young.note(YOUNG_EVERY_BYTES)
  young.collected() // between the crossing and the turn's end
  await turn()
  t.equal(calls, 0, 'a collection before the turn ends stands in for the one asked')

  young.note(YOUNG_EVERY_BYTES)
  await turn()
  t.equal(calls, 1, 'the next threshold asks again')
})

/** Puts a spy in the place of `gc` for the test; returns the calls it is asked. */
function spyGc (t: Test): unknown[] {
  const calls: unknown[] = []
  const before = globalThis.gc
  globalThis.gc = ((options: unknown) => { calls.push(options) }) as typeof globalThis.gc
  t.teardown(() => { globalThis.gc = before })
  return calls
}

t.test('the process-wide count asks gc for a minor collection', async t => {
  const calls = spyGc(t)
  // A collection of V8's own in this process (seen between turns) may restart the
  // count at any time; one crossing in a few is left alone.
  for (let tries = 0; tries < 10 && calls.length === 0; tries++) {
    noteReceived(YOUNG_EVERY_BYTES)
    await turn()
  }
  t.same(calls.slice(0, 1), [{ type: 'minor' }])
})

t.test("the process-wide count is started again by a real collection of V8's own", async t => {
  const calls = spyGc(t)
  noteReceived(YOUNG_EVERY_BYTES) // the count is watched from its first use on
  await turn()
  calls.length = 0

  // A real collection, as V8 makes one: the gc function of a fresh context.
  setFlagsFromString('--expose-gc')
  const collect = runInNewContext('gc') as (options: { type: 'minor' }) => void
  const seen = new Promise<void>(resolve => {
    const observer = new PerformanceObserver(() => { observer.disconnect(); resolve() })
    observer.observe({ entryTypes: ['gc'] })
  })
  noteReceived(YOUNG_EVERY_BYTES - 1)
  collect({ type: 'minor' })
  const tick = setInterval(() => {}, 5) // GC entries reach observers when the loop next wakes
  await seen
  clearInterval(tick)
  await turn()
  noteReceived(1)
  await turn()
  t.equal(calls.length, 0, 'the bytes before it do not count')
})

t.test('without --expose-gc nothing is asked and nothing throws', async t => {
  const before = globalThis.gc
  globalThis.gc = undefined
  t.teardown(() => { globalThis.gc = before })
  t.doesNotThrow(() => { noteReceived(4 * YOUNG_EVERY_BYTES) })
  await turn()
})

t.test('with --expose-gc, V8 runs it as a young collection', async t => {
  const module = fileURLToPath(new URL('../../../daemon/network/young-collections.ts', import.meta.url))
  const script = `
    const { PerformanceObserver, constants } = await import('node:perf_hooks')
    const { noteReceived, YOUNG_EVERY_BYTES } = await import(${JSON.stringify(module)})
    const kinds = []
    const seen = new Promise(resolve => {
      new PerformanceObserver(list => {
        for (const e of list.getEntries()) kinds.push(e.detail.kind)
        if (kinds.includes(constants.NODE_PERFORMANCE_GC_MINOR)) resolve()
      }).observe({ entryTypes: ['gc'] })
    })
    // GC entries reach the observer only when the loop next wakes, and it holds no handle:
    // a short interval keeps the process up and wakes it, until one is seen (or 10 s pass).
    const tick = setInterval(() => {}, 10)
    const give = setTimeout(() => { process.stdout.write('none: ' + kinds.join(',')); process.exit(1) }, 10000)
    noteReceived(YOUNG_EVERY_BYTES)
    await seen
    clearInterval(tick)
    clearTimeout(give)
    process.stdout.write('minor')
  `
  const out = await new Promise<string>((resolve, reject) => {
    execFile(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], { timeout: 30_000 }, (err, stdout, stderr) => {
      if (err !== null) reject(new Error(`${err.message}\n${stderr}`))
      else resolve(stdout)
    })
  })
  t.equal(out, 'minor')
})
