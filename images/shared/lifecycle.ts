/**
 * Clean stop on SIGTERM (the daemon's "please stop") and SIGINT: stop
 * accepting, let in-flight requests finish for a short grace period, release
 * resources, exit 0. A second signal while stopping is ignored; the daemon
 * escalates to SIGKILL if it runs out of patience.
 */
import type { Server } from 'node:http'
import type { Log } from './log.ts'
import { describeError } from './log.ts'

/** How long in-flight requests get to finish once a stop is asked for. */
export const GRACE_MS = 3000 // ms

/** How often idle keep-alive connections are closed while draining. */
const IDLE_SWEEP_MS = 50 // ms

/**
 * How long a stopping server keeps its open connections before it closes
 * the idle ones, answering every request meanwhile with `Connection: close`.
 * Closing an idle keep-alive connection at once races a client's next
 * request on it, which then fails ("other side closed") although the app is
 * serving; told to close, a busy client opens a new connection itself, and
 * the forwarders send that one to an instance that is staying.
 */
const LINGER_MS = 300 // ms

/**
 * Closes `server`: lingers LINGER_MS telling clients to reconnect, then
 * refuses new connections, closes keep-alive connections as soon as they go
 * idle, and cuts whatever is left after `graceMs`. Resolves when every
 * connection is gone.
 */
export async function closeServer (server: Server, graceMs = GRACE_MS): Promise<void> {
  server.prependListener('request', (_req, res) => { res.setHeader('connection', 'close') })
  if (server.listening) await new Promise(resolve => setTimeout(resolve, LINGER_MS))
  const closed = new Promise<void>(resolve => server.close(() => resolve()))
  // server.close() closes idle connections only once; a connection that
  // finishes its request later would otherwise linger for keepAliveTimeout.
  const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS)
  const cut = setTimeout(() => server.closeAllConnections(), graceMs)
  server.closeIdleConnections()
  try {
    await closed
  } finally {
    clearInterval(sweep)
    clearTimeout(cut)
  }
}

/** Calls `stop` on SIGTERM or SIGINT, then exits 0 (1 if `stop` failed). */
export function stopOnSignal (log: Log, stop: () => Promise<void>): void {
  let stopping = false
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return
    stopping = true
    log('stopping', { signal })
    stop().then(
      () => { log('stopped'); process.exit(0) },
      (err: unknown) => { log('stop.failed', describeError(err)); process.exit(1) }
    )
  }
  process.on('SIGTERM', onSignal)
  process.on('SIGINT', onSignal)
}
