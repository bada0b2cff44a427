import type { Transport } from '../network/index.ts'
import { frame, readFrames } from '../network/index.ts'
import { Channel } from './channel.ts'
import { LogLinkError, RemoteLogError } from './errors.ts'
import type { LogLine } from './read.ts'
import { LOGS_PROTOCOL, MAX_LOG_CHUNK_BYTES, decodeChunk, encodeQuery, type LogQuery } from './wire.ts'

/**
 * An instance's lines from the node that runs it, over `/trellis/logs/1`.
 * Ends when the node has sent what was asked (or, following, when the
 * signal aborts); throws LogLinkError when the node cannot be reached or the
 * stream breaks, RemoteLogError when the node refused the request.
 */
export async function * remoteLog (transport: Transport, node: string, q: LogQuery, signal: AbortSignal): AsyncGenerator<LogLine[]> {
  let stream
  try {
    stream = await transport.dial(node, LOGS_PROTOCOL, { signal })
  } catch (err) {
    if (signal.aborted) return
    throw new LogLinkError(`cannot reach node ${node}: ${(err as Error).message}`, { cause: err })
  }
  const chunks = new Channel<LogLine[]>()
  const onAbort = (): void => { stream.destroy(); chunks.end() }
  signal.addEventListener('abort', onAbort, { once: true })
  stream.on('error', () => {})
  readFrames(stream, MAX_LOG_CHUNK_BYTES, payload => {
    const c = decodeChunk(payload)
    if (c.error !== undefined) throw new RemoteLogError(c.error.code, c.error.message)
    chunks.push(c.lines)
  }).then(() => {
    // A follow ends only when we close it: an end from the node means it went away.
    if (q.follow && !signal.aborted) chunks.fail(new LogLinkError(`node ${node} ended the log stream`))
    else chunks.end()
  }, (err: unknown) => {
    chunks.fail(err instanceof RemoteLogError ? err : new LogLinkError(`log stream from node ${node} broke: ${(err as Error).message}`, { cause: err }))
  })
  stream.write(frame(encodeQuery(q)))
  try {
    yield * chunks
  } finally {
    signal.removeEventListener('abort', onAbort)
    stream.destroy()
  }
}
