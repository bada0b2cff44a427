/**
 * The WebSocket protocol of consoles and exec (docs/console-exec.md), shared
 * by the daemon that serves it and the clients that speak it (the CLI, the
 * web console). Pure.
 *
 *   client                                   daemon
 *     ── text {type:'start', …} ──────────────▶   first message, once
 *     ── binary [0, …stdin bytes] ────────────▶
 *     ── text {type:'resize', cols, rows} ────▶
 *     ── text {type:'eof'} ───────────────────▶   stdin ended (exec without a terminal)
 *     ◀──────────── binary [1, …stdout bytes] ──
 *     ◀──────────── binary [2, …stderr bytes] ──   (never on a terminal: it has one stream)
 *     ◀──────── text {type:'exit', code, signal} ─ then close 1000
 *     ◀──────── text {type:'error', code, message} ─ then close 1011
 */

/** The subprotocol a client offers (and the daemon selects): the messages above. */
export const SESSION_SUBPROTOCOL = 'trellis.session.v1'
/**
 * A browser cannot set an Authorization header on a WebSocket: it offers its
 * token as a second subprotocol `trellis.bearer.<token>` beside
 * SESSION_SUBPROTOCOL (never in the URL, which logs and histories keep).
 */
export const BEARER_SUBPROTOCOL_PREFIX = 'trellis.bearer.'

/** The first byte of every binary message: which stream the bytes after it belong to. */
export const Channel = { stdin: 0, stdout: 1, stderr: 2 } as const
export type ChannelId = typeof Channel[keyof typeof Channel]

/** Largest number of bytes after the channel byte in one binary message. */
export const MAX_CHUNK_BYTES = 64 * 1024 // bytes
/** Terminal sizes are 1..MAX_TERMINAL_SIZE characters either way. */
export const MAX_TERMINAL_SIZE = 1000
/** Longest exec command: arguments, and their bytes in all. */
export const MAX_COMMAND_ARGS = 1024
export const MAX_COMMAND_BYTES = 32 * 1024 // bytes
/** What a TERM value may look like: a terminfo name. */
export const TERM_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._+-]{0,63}$/
/** TERM when the client gives none. */
export const DEFAULT_TERM = 'xterm-256color'

/** What a client asks for in its first message. */
export interface SessionStart {
  type: 'start'
  /** exec: the command's argv (required). console: absent. */
  command?: string[]
  /** Run on a terminal. A console always has one; exec has one only when asked. */
  tty?: boolean
  /** The terminal's size in characters (default 80 × 24). */
  cols?: number
  rows?: number
  /** TERM of the terminal (default xterm-256color). */
  term?: string
}

/** Text messages a client sends. */
export type ClientMessage =
  | SessionStart
  | { type: 'resize', cols: number, rows: number }
  | { type: 'eof' }

/** Text messages the daemon sends; each is the last before the socket closes. */
export type ServerMessage =
  | { type: 'exit', code: number | null, signal: string | null }
  | { type: 'error', code: string, message: string }

/** A binary message: the channel byte, then the bytes. */
export function channelMessage (channel: ChannelId, data: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(1 + data.byteLength)
  out[0] = channel
  out.set(data, 1)
  return out
}

/** What is wrong with a terminal size, or undefined when it is fine. */
export function sizeProblem (cols: unknown, rows: unknown): string | undefined {
  const ok = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_TERMINAL_SIZE
  return ok(cols) && ok(rows) ? undefined : `cols and rows must be whole numbers in 1..${MAX_TERMINAL_SIZE}, not ${JSON.stringify(cols)} × ${JSON.stringify(rows)}`
}

/** What is wrong with an exec command, or undefined when it is fine. */
export function commandProblem (command: unknown): string | undefined {
  if (!Array.isArray(command) || command.length === 0) return 'command must be a non-empty list of strings'
  if (command.length > MAX_COMMAND_ARGS) return `command has ${command.length} arguments; at most ${MAX_COMMAND_ARGS}`
  if (!command.every(a => typeof a === 'string' && !a.includes('\0'))) return 'command must hold strings without NUL bytes'
  if (command[0] === '') return 'command[0] must name a program'
  const bytes = command.reduce((n: number, a: string) => n + Buffer.byteLength(a) + 1, 0)
  return bytes > MAX_COMMAND_BYTES ? `command is ${bytes} bytes; at most ${MAX_COMMAND_BYTES}` : undefined
}
