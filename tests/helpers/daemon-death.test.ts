import t from 'tap'
import { deathReport, diedOnItsOwn, startDaemon, waitFor } from './daemon.ts'

t.test('which exits are a daemon dying on its own', async t => {
  t.equal(diedOnItsOwn(1, null), true, 'a non-zero code (an uncaught error)')
  t.equal(diedOnItsOwn(134, null), true, 'a code from a wrapper that saw an abort')
  t.equal(diedOnItsOwn(null, 'SIGABRT'), true, 'an abort (a fatal V8 error)')
  t.equal(diedOnItsOwn(null, 'SIGSEGV'), true, 'a fault')
  t.equal(diedOnItsOwn(0, null), false, 'a clean exit, as after SIGTERM or SIGINT')
  t.equal(diedOnItsOwn(null, 'SIGKILL'), false, 'kill -9, which tests send')
  t.equal(diedOnItsOwn(null, 'SIGTERM'), false, 'SIGTERM, which tests send')
  t.equal(diedOnItsOwn(null, 'SIGINT'), false, 'SIGINT, which tests send')
  t.equal(diedOnItsOwn(null, 'SIGHUP'), true, 'a signal no test sends')
})

t.test('the report names the data dir and the exit, and quotes the log', async t => {
  const report = deathReport('/tmp/trellis-test-x', null, 'SIGABRT', 'first line\nFATAL ERROR: heap')
  t.match(report, /trellisd of \/tmp\/trellis-test-x exited on its own \(SIGABRT\)/)
  t.match(report, /^# {3}FATAL ERROR: heap$/m, 'each log line as a TAP comment')
  t.match(deathReport('/d', 1, null, ''), /\(code 1\)/)
})

t.test('a daemon that crashes prints the end of its log before its data dir goes', async t => {
  const written: string[] = []
  const write = process.stderr.write.bind(process.stderr)
  // Reports are kept from the run's output: this test's daemon dies on purpose.
  process.stderr.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    written.push(String(chunk))
    return String(chunk).includes('exited on its own') || (write as (...a: unknown[]) => boolean)(chunk, ...rest)
  }) as typeof process.stderr.write
  t.teardown(() => { process.stderr.write = write })

  const daemon = await startDaemon(t.teardown)
  const pid = daemon.process.pid!
  const exited = new Promise(resolve => daemon.process.once('exit', resolve))
  // SIGHUP ends a daemon (it has no handler) without the core dump a fault's signal could leave in the checkout.
  process.kill(pid, 'SIGHUP')
  await exited
  const report = await waitFor('the report', 5_000, () => written.find(w => w.includes('exited on its own')))
  t.match(report, `trellisd of ${daemon.dataDir} exited on its own (SIGHUP)`)
  t.match(report, /^# {3}.*"msg":/m, 'lines of the daemon\'s own log')

  written.length = 0
  await daemon.restart()
  await daemon.crash()
  t.equal(written.filter(w => w.includes('exited on its own')).length, 0, 'kill -9 by the test is not reported')
})
