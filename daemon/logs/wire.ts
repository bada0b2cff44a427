/**
 * The frames of `/trellis/logs/1` (proto/logs.proto): one LogRequest, then
 * LogChunks until the server ends. Checked here so the server and the
 * asking node agree on what is acceptable.
 */
import { trellis } from '../../proto/gen/trellis.js'
import { BadLogRequestError } from './errors.ts'
import type { LogLine, StreamChoice } from './read.ts'

/** The protocol id on the Transport. */
export const LOGS_PROTOCOL = '/trellis/logs/1'
/** Largest request frame a server reads, bytes. */
export const MAX_LOG_REQUEST_BYTES = 4 * 1024
/** Largest answer frame either side sends or accepts, bytes: a chunk of lines, each at most MAX_LINE_BYTES. */
export const MAX_LOG_CHUNK_BYTES = 1024 * 1024
/** A chunk is cut once its lines reach this many bytes of text. */
export const CHUNK_TEXT_BYTES = 256 * 1024
/** Most lines one request may ask for by count. */
export const MAX_TAIL_LINES = 10_000

/** Instance ids are file names in the logs folder: the process driver's rule. */
const INSTANCE_ID = /^[A-Za-z0-9_][A-Za-z0-9._@-]{0,252}$/

/** What one node asks of another about one instance's log. */
export interface LogQuery {
  instance: string
  tail?: number
  since?: number
  stream: StreamChoice
  follow: boolean
}

/** Throws BadLogRequestError when a query could name a file outside the logs or ask for too much. */
export function checkQuery (q: LogQuery): LogQuery {
  if (!INSTANCE_ID.test(q.instance)) throw new BadLogRequestError(`instance ${JSON.stringify(q.instance)} is not an instance id`)
  if (q.tail !== undefined && (!Number.isSafeInteger(q.tail) || q.tail < 1 || q.tail > MAX_TAIL_LINES)) throw new BadLogRequestError(`tail must be 1..${MAX_TAIL_LINES}`)
  if (q.since !== undefined && (!Number.isSafeInteger(q.since) || q.since < 0)) throw new BadLogRequestError('since must be ms since the epoch')
  if (q.stream !== 'stdout' && q.stream !== 'stderr' && q.stream !== 'both') throw new BadLogRequestError(`stream must be stdout, stderr or both, not ${JSON.stringify(q.stream)}`)
  return q
}

export function encodeQuery (q: LogQuery): Uint8Array {
  return trellis.logs.LogRequest.encode({ instance: q.instance, tail: q.tail ?? 0, since: q.since ?? 0, stream: q.stream, follow: q.follow }).finish()
}

/** Decodes and checks a request frame; BadLogRequestError for anything a correct node would not send. */
export function decodeQuery (b: Uint8Array): LogQuery {
  let r: trellis.logs.LogRequest
  try {
    r = trellis.logs.LogRequest.decode(b)
  } catch (err) {
    throw new BadLogRequestError('not a log request', { cause: err })
  }
  const tail = Number(r.tail)
  const since = Number(r.since)
  return checkQuery({ instance: r.instance, tail: tail === 0 ? undefined : tail, since: since === 0 ? undefined : since, stream: (r.stream === '' ? 'both' : r.stream) as StreamChoice, follow: r.follow })
}

/** Cuts lines into chunks of about CHUNK_TEXT_BYTES of text each, encoded. */
export function encodeLines (lines: LogLine[]): Uint8Array[] {
  const out: Uint8Array[] = []
  let part: trellis.logs.ILogLine[] = []
  let bytes = 0
  for (const l of lines) {
    part.push({ at: l.at, stderr: l.stream === 'stderr', text: l.text })
    bytes += l.text.length + 16
    if (bytes >= CHUNK_TEXT_BYTES) { out.push(trellis.logs.LogChunk.encode({ lines: part }).finish()); part = []; bytes = 0 }
  }
  if (part.length > 0) out.push(trellis.logs.LogChunk.encode({ lines: part }).finish())
  return out
}

export function encodeError (code: string, message: string): Uint8Array {
  return trellis.logs.LogChunk.encode({ error: code, message }).finish()
}

/** Decodes an answer frame: lines, or the server's error. */
export function decodeChunk (b: Uint8Array): { lines: LogLine[], error?: { code: string, message: string } } {
  const c = trellis.logs.LogChunk.decode(b)
  if (c.error !== '') return { lines: [], error: { code: c.error, message: c.message } }
  return { lines: c.lines.map(l => ({ at: Number(l.at ?? 0), stream: l.stderr === true ? 'stderr' : 'stdout', text: l.text ?? '' })) }
}
