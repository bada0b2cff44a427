/**
 * The frames of `/trellis/exec/1`, the stream that carries one console or
 * exec session from the node a client talks to, to the node that runs the
 * instance. Each frame travels inside a 32-bit length prefix (daemon/network
 * frames.ts) and starts with a kind byte:
 *
 *   kind 0 stdin  | 1 stdout | 2 stderr  then the bytes (at most MAX_CHUNK_BYTES)
 *   kind 3 control                      then a protobuf trellis.session.Control
 *
 * The data kinds are the WebSocket channel bytes (controller/client
 * session-protocol.ts), so the relaying node passes data frames on without
 * copying them into new ones. Pure.
 */
import { trellis } from '../../proto/gen/trellis.js'
import { Channel, type ChannelId, commandProblem, MAX_CHUNK_BYTES, sizeProblem, TERM_PATTERN } from '../../controller/client/session-protocol.ts'
import { frame } from '../network/index.ts'
import { BadSessionMessageError } from './errors.ts'

/** The protocol id on the Transport. */
export const SESSION_PROTOCOL = '/trellis/exec/1'

/** The kind byte of a control frame (after the data channels). */
const CONTROL = 3
/** Largest frame either side accepts: a kind byte and a chunk; a control frame is smaller. */
export const MAX_FRAME_BYTES = 1 + MAX_CHUNK_BYTES // bytes

const INSTANCE_ID = /^[A-Za-z0-9_][A-Za-z0-9._@-]{0,253}$/

/** What to open on the instance's node. */
export interface SessionOpen {
  instance: string
  /** The console (a shell or the image's console command; a VM's serial port) rather than `command`. */
  console: boolean
  /** exec: argv. console: empty. */
  command: string[]
  /** Terminal (cols, rows, TERM), or none: plain pipes with stdout and stderr apart. */
  tty?: { cols: number, rows: number, term: string }
}

/** How a session ended: how its command exited, or why it could not run. */
export interface SessionEnd {
  code: number | null
  signal: string | null
  error?: { code: string, message: string }
}

/** One control message. */
export type SessionControl =
  | { open: SessionOpen }
  | { resize: { cols: number, rows: number } }
  | { eof: true }
  | { end: SessionEnd }

/** One decoded frame. */
export type SessionFrame =
  | { kind: 'data', channel: ChannelId, bytes: Buffer }
  | { kind: 'control', control: SessionControl }

/** Length-prefixed data frames for `bytes`, cut into chunks of at most MAX_CHUNK_BYTES. */
export function dataFrames (channel: ChannelId, bytes: Uint8Array): Buffer[] {
  const out: Buffer[] = []
  for (let at = 0; at < bytes.byteLength; at += MAX_CHUNK_BYTES) {
    const chunk = bytes.subarray(at, Math.min(bytes.byteLength, at + MAX_CHUNK_BYTES))
    const payload = Buffer.allocUnsafe(1 + chunk.byteLength)
    payload[0] = channel
    payload.set(chunk, 1)
    out.push(frame(payload))
  }
  return out
}

/** A length-prefixed control frame. */
export function controlFrame (control: SessionControl): Buffer {
  const message: trellis.session.Control.$Properties = 'open' in control
    ? { open: { instance: control.open.instance, console: control.open.console, command: control.open.command, tty: control.open.tty !== undefined, cols: control.open.tty?.cols ?? 0, rows: control.open.tty?.rows ?? 0, term: control.open.tty?.term ?? '' } }
    : 'end' in control
      ? { end: { ...(control.end.code === null ? {} : { code: control.end.code }), signal: control.end.signal ?? '', errorCode: control.end.error?.code ?? '', errorMessage: control.end.error?.message ?? '' } }
      : control
  const body = trellis.session.Control.encode(message).finish()
  const payload = Buffer.allocUnsafe(1 + body.byteLength)
  payload[0] = CONTROL
  payload.set(body, 1)
  return frame(payload)
}

/**
 * Decodes one frame's payload (the length prefix already taken off). Throws
 * BadSessionMessageError for anything a correct peer would not send: an
 * unknown kind, an empty chunk, a control message that does not decode or
 * holds values out of range.
 */
export function decodeFrame (payload: Buffer): SessionFrame {
  const kind = payload[0]
  if (kind === Channel.stdin || kind === Channel.stdout || kind === Channel.stderr) {
    if (payload.length < 2) throw new BadSessionMessageError('an empty data frame')
    return { kind: 'data', channel: kind, bytes: payload.subarray(1) }
  }
  if (kind !== CONTROL) throw new BadSessionMessageError(`unknown frame kind ${String(kind)}`)
  let c: trellis.session.Control
  try {
    c = trellis.session.Control.decode(payload.subarray(1))
  } catch (err) {
    throw new BadSessionMessageError('a control frame that does not decode', { cause: err })
  }
  if (c.kind === 'open' && c.open != null) return { kind: 'control', control: { open: checkOpen(c.open) } }
  if (c.kind === 'resize' && c.resize != null) {
    const problem = sizeProblem(c.resize.cols, c.resize.rows)
    if (problem !== undefined) throw new BadSessionMessageError(problem)
    return { kind: 'control', control: { resize: { cols: c.resize.cols!, rows: c.resize.rows! } } }
  }
  if (c.kind === 'eof' && c.eof === true) return { kind: 'control', control: { eof: true } }
  if (c.kind === 'end' && c.end != null) {
    const e = c.end
    return {
      kind: 'control',
      control: { end: { code: e.code ?? null, signal: e.signal === '' || e.signal == null ? null : e.signal, ...(e.errorCode == null || e.errorCode === '' ? {} : { error: { code: e.errorCode, message: e.errorMessage ?? '' } }) } }
    }
  }
  throw new BadSessionMessageError('a control frame with no known message')
}

function checkOpen (o: trellis.session.Open.$Properties): SessionOpen {
  const instance = o.instance ?? ''
  if (!INSTANCE_ID.test(instance)) throw new BadSessionMessageError(`${JSON.stringify(instance)} is not an instance id`)
  const command = o.command ?? []
  if (o.console === true && command.length > 0) throw new BadSessionMessageError('a console runs no command')
  if (o.console !== true) {
    const problem = commandProblem(command)
    if (problem !== undefined) throw new BadSessionMessageError(problem)
  }
  const open: SessionOpen = { instance, console: o.console === true, command }
  if (o.tty === true) {
    const problem = sizeProblem(o.cols, o.rows)
    if (problem !== undefined) throw new BadSessionMessageError(problem)
    const term = o.term ?? ''
    if (!TERM_PATTERN.test(term)) throw new BadSessionMessageError(`${JSON.stringify(term)} is not a TERM name`)
    open.tty = { cols: o.cols!, rows: o.rows!, term }
  }
  return open
}
