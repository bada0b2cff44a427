/**
 * Cleanups that must run however the test process ends: at a normal exit,
 * and when it is signalled — tap sends SIGTERM to a test that outlives its
 * timeout, a developer presses Ctrl-C — where Node would otherwise die
 * without running its 'exit' listeners and leave daemons, mounts and
 * network namespaces behind. Cleanups must be synchronous (they may run in
 * an 'exit' listener).
 */
const cleanups = new Set<() => void>()
const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const
let hooked = false

/** Newest first, as teardowns unwind: what was set up last may stand on what came before (a mount in a bench's dir, a daemon in a namespace). */
function runAll (): void {
  for (const fn of [...cleanups].reverse()) {
    cleanups.delete(fn)
    try { fn() } catch {}
  }
}

function onSignal (signal: NodeJS.Signals): void {
  runAll()
  // Ends as the signal would have (128 + its number); 'exit' listeners, tap's included, still run.
  process.exit(128 + ({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as Record<string, number>)[signal]!)
}

/** Runs `fn` once when the process ends, unless the returned function was called first. */
export function onProcessEnd (fn: () => void): () => void {
  if (!hooked) {
    hooked = true
    process.once('exit', runAll)
    for (const s of SIGNALS) process.once(s, onSignal)
  }
  cleanups.add(fn)
  return () => { cleanups.delete(fn) }
}
