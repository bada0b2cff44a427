/**
 * Young collections paced by received bytes: one scavenge asked of V8 per
 * YOUNG_EVERY_BYTES received, after the turn that crossed it, none below it,
 * the count started again by a collection of V8's own, nothing without
 * --expose-gc; and, in a process that has it, the call is one V8 takes and
 * runs as a young-generation collection.
 */
import t, { type Test } from 'tap'
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { PerformanceObserver } from 'node:perf_hooks'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { noteReceived, YOUNG_EVERY_BYTES } from '../../../daemon/network/young-collections.ts'

const turn = async (): Promise<void> => { await new Promise(resolve => setImmediate(resolve)) }

/**
 * Puts a spy in the place of `gc` for the test, and sends the count past a
 * threshold once (the count is watched from its first threshold on); returns
 * the calls asked of the spy after that.
 */
async function spyGc (t: Test): Promise<unknown[]> {
  const calls: unknown[] = []
  const before = globalThis.gc
  globalThis.gc = ((options: unknown) => { calls.push(options) }) as typeof globalThis.gc
  t.teardown(() => { globalThis.gc = before })
  noteReceived(YOUNG_EVERY_BYTES)
  await turn()
  calls.length = 0
  return calls
}

t.test('one scavenge per YOUNG_EVERY_BYTES received, after the turn that crossed it', async t => {
  const calls = await spyGc(t)
  // Each count below is made within one turn: a collection of V8's own (seen between
  // turns) starts the count again, and the test process may make one at any time.

  noteReceived(YOUNG_EVERY_BYTES - 1)
  await turn()
  t.equal(calls.length, 0, 'none below the threshold')

  noteReceived(YOUNG_EVERY_BYTES / 2)
  noteReceived(YOUNG_EVERY_BYTES / 2)
  t.equal(calls.length, 0, 'not inside the caller: after its turn')
  noteReceived(YOUNG_EVERY_BYTES) // more in the same turn: still one
  await turn()
  t.same(calls, [{ type: 'minor' }], 'one young collection')

  noteReceived(YOUNG_EVERY_BYTES - 1)
  await turn()
  t.equal(calls.length, 1, 'the count starts again after a collection')
  noteReceived(YOUNG_EVERY_BYTES)
  await turn()
  t.equal(calls.length, 2, 'and the next threshold asks again')
})

t.test("a collection of V8's own starts the count again", async t => {
  const calls = await spyGc(t)

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
  noteReceived(YOUNG_EVERY_BYTES)
  await turn()
  t.equal(calls.length, 1, 'the next threshold asks again')
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
