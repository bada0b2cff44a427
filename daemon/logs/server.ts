import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { frame, readOneFrame, type Transport } from '../network/index.ts'
import { localLog, type LocalLogs } from './source.ts'
import { LOGS_PROTOCOL, MAX_LOG_REQUEST_BYTES, decodeQuery, encodeError, encodeLines } from './wire.ts'

/** How long a new stream may take to send its request, ms. */
const REQUEST_TIMEOUT_MS = 10_000 // ms

/** What a LogServer uses. */
export interface LogServerComponents {
  transport: Transport
  logs: LocalLogs
  logger: Logger
}

/**
 * Serves `/trellis/logs/1`: the lines of the instances this node runs (or
 * ran), to the node an operator asked. One request per stream; a follow
 * goes on until the asker closes the stream. Writes wait for the stream to
 * drain, so a slow reader holds back only its own stream.
 */
export class LogServer {
  readonly #c: LogServerComponents
  readonly #log: Logger
  readonly #streams = new Map<Duplex, AbortController>()
  #started = false
  #closed = false
  /** Lines sent since start, for metrics. */
  linesServed = 0

  constructor (components: LogServerComponents) {
    this.#c = components
    this.#log = components.logger.child({ component: 'log-server' })
  }

  /** Starts answering the protocol; idempotent. */
  start (): void {
    if (this.#started || this.#closed) return
    this.#started = true
    this.#c.transport.handle(LOGS_PROTOCOL, (stream, from) => { void this.#serve(stream, from) })
  }

  /** Stops answering and ends every stream being served. */
  close (): void {
    if (this.#closed) return
    this.#closed = true
    if (this.#started) this.#c.transport.unhandle(LOGS_PROTOCOL)
    for (const [stream, ac] of this.#streams) { ac.abort(); stream.destroy() }
    this.#streams.clear()
  }

  async #serve (stream: Duplex, from: string): Promise<void> {
    const ac = new AbortController()
    this.#streams.set(stream, ac)
    stream.on('error', () => {})
    stream.once('close', () => { ac.abort(); this.#streams.delete(stream) })
    try {
      const payload = await readOneFrame(stream, MAX_LOG_REQUEST_BYTES, AbortSignal.any([ac.signal, AbortSignal.timeout(REQUEST_TIMEOUT_MS)]))
      // A follower's asker never writes again; reading on lets us see it close.
      stream.resume()
      let query
      try {
        query = decodeQuery(payload)
      } catch (err) {
        this.#log.warn({ peer: from, err }, 'refused a malformed log request')
        stream.end(frame(encodeError('ERR_BAD_LOG_REQUEST', (err as Error).message)))
        return
      }
      for await (const lines of localLog(this.#c.logs, query, ac.signal)) {
        for (const chunk of encodeLines(lines)) {
          if (stream.destroyed) return
          if (!stream.write(frame(chunk))) await drained(stream)
        }
        this.linesServed += lines.length
      }
      if (!stream.destroyed) stream.end()
    } catch (err) {
      if (ac.signal.aborted || stream.destroyed) return
      this.#log.warn({ peer: from, err }, 'could not serve a log request')
      stream.end(frame(encodeError('ERR_LOG_INTERNAL', (err as Error).message)))
    } finally {
      ac.abort()
    }
  }
}

/** Resolves once the stream drains or closes. */
function drained (stream: Duplex): Promise<void> {
  return new Promise(resolve => {
    const done = (): void => { stream.off('drain', done); stream.off('close', done); resolve() }
    stream.once('drain', done)
    stream.once('close', done)
  })
}
