/**
 * `trellis console` and `trellis exec`: a session into an instance over the
 * admin API's WebSocket, wired to this terminal. On a terminal the local tty
 * is raw (every key goes to the instance, Ctrl-C included) and restored when
 * the session ends; Ctrl-] leaves; the window size follows SIGWINCH.
 */
import { constants } from 'node:os'
import type { Session, SessionResult, TrellisClient } from '../client/index.ts'
import { Channel, DEFAULT_TERM } from '../client/index.ts'
import type { Output } from './commands.ts'

/** The byte Ctrl-] sends: it ends the session, as in telnet. */
export const ESCAPE_BYTE = 0x1d
/** The CLI's exit code when the session could not run (the command's own codes stay apart), as docker and podman do. */
export const SESSION_FAILED_EXIT = 125

/** An interactive terminal in the instance. */
export async function consoleSession (client: TrellisClient, out: Output, app: string, instance: string): Promise<number> {
  return await run(client, out, app, instance, 'console', undefined, true)
}

/** One command in the instance; exits with its code. */
export async function execSession (client: TrellisClient, out: Output, app: string, instance: string, command: string[], tty: boolean): Promise<number> {
  return await run(client, out, app, instance, 'exec', command, tty)
}

async function run (client: TrellisClient, out: Output, app: string, instance: string, kind: 'console' | 'exec', command: string[] | undefined, tty: boolean): Promise<number> {
  const stdin = process.stdin
  const size = terminalSize()
  let session: Session
  try {
    session = await client.session(app, instance, kind, { type: 'start', ...(command === undefined ? {} : { command }), tty, ...size, term: process.env.TERM !== undefined && process.env.TERM !== '' ? process.env.TERM : DEFAULT_TERM })
  } catch (err) {
    const e = err as Error & { code?: string }
    out.error(`trellis: ${e.message}${e.code !== undefined ? ` [${e.code}]` : ''}`)
    return SESSION_FAILED_EXIT
  }
  const raw = tty && stdin.isTTY
  if (raw && kind === 'console') out.error(`connected to ${instance} of ${app}; Ctrl-] leaves`)
  if (raw) stdin.setRawMode(true)
  // a slow reader of our output holds the session's program back, not our memory
  let held = false
  session.onOutput((channel, data) => {
    const to = channel === Channel.stderr ? process.stderr : process.stdout
    if (to.write(data) || held) return
    held = true
    session.pause()
    to.once('drain', () => { held = false; session.resume() })
  })
  const onResize = (): void => {
    const now = terminalSize()
    if (now.cols !== undefined && now.rows !== undefined) session.resize(now.cols, now.rows)
  }
  if (tty && process.stdout.isTTY) process.stdout.on('resize', onResize)
  let left = false
  session.onDrain(() => { stdin.resume() })
  stdin.on('data', (chunk: Buffer) => {
    const escape = raw ? chunk.indexOf(ESCAPE_BYTE) : -1
    if (escape < 0) { if (!session.write(chunk)) stdin.pause(); return }
    if (escape > 0) session.write(chunk.subarray(0, escape))
    left = true
    session.close()
  })
  stdin.once('end', () => { if (!tty) session.eof() })
  const result = await session.ended
  if (raw) stdin.setRawMode(false)
  process.stdout.off('resize', onResize)
  stdin.destroy()
  if (left) { out.error(`\r\nleft ${instance}`); return 0 }
  return exitCodeOf(result, out)
}

/** This terminal's size; none when stdout is no terminal or says 0 × 0 (a pty nobody sized): the daemon's default then. */
function terminalSize (): { cols?: number, rows?: number } {
  const { columns, rows } = process.stdout
  return process.stdout.isTTY && columns > 0 && rows > 0 ? { cols: columns, rows } : {}
}

/** The CLI's exit code for how a session ended: the command's code, 128 + a signal's number, SESSION_FAILED_EXIT when it could not run. */
export function exitCodeOf (result: SessionResult, out: Output): number {
  if (result.type === 'error') {
    out.error(`trellis: ${result.message} [${result.code}]`)
    return SESSION_FAILED_EXIT
  }
  if (result.code !== null) return result.code
  const signal = result.signal === null ? undefined : (constants.signals as Record<string, number>)[result.signal]
  return signal === undefined ? 0 : 128 + signal
}
