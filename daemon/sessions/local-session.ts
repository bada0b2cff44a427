/**
 * A session on the node that runs the instance: a program on a
 * pseudo-terminal (node-pty) or on pipes, or a VM's serial console socket.
 * The session server drives it through LocalSession and hears from it
 * through SessionSink, whichever it is.
 */
import { spawn } from 'node:child_process'
import { connect } from 'node:net'
import { constants } from 'node:os'
import type { IPty } from 'node-pty'
import { Channel, type ChannelId } from '../../controller/client/session-protocol.ts'
import { SessionStartError } from './errors.ts'
import type { SessionEnd } from './wire.ts'

/** After hanging up on a session's program, how long it has before SIGKILL. */
export const HANGUP_GRACE_MS = 2_000 // ms

/** What a running session is told. */
export interface LocalSession {
  /** Bytes for its input; false when it wants no more until SessionSink.drained. */
  write (data: Buffer): boolean
  /** Its input ended (a program on pipes sees end of file). */
  endInput (): void
  /** The terminal changed size (nothing to do without one). */
  resize (cols: number, rows: number): void
  /** Stop reading output until resume: the client is slow. */
  pause (): void
  resume (): void
  /** The client went away: hang up (SIGHUP, SIGKILL after HANGUP_GRACE_MS) or disconnect. */
  close (): void
}

/** What a session reports. end is called once, after the last output. */
export interface SessionSink {
  output (channel: ChannelId, data: Buffer): void
  /** Input may flow again after write returned false. */
  drained (): void
  end (end: SessionEnd): void
}

/** node-pty's module, loaded when first needed: it is an optional dependency built at install. */
export type PtyModule = typeof import('node-pty')

/** How to start a program session. */
export interface ProgramSessionInit {
  argv: string[]
  env: Record<string, string>
  cwd: string
  /** On a pseudo-terminal of this size, else on pipes. */
  tty?: { cols: number, rows: number, term: string }
  /** Required with tty. */
  pty?: PtyModule
}

const SIGNAL_NAMES = new Map(Object.entries(constants.signals).map(([name, n]) => [n, name]))

/**
 * Starts a program in its own session and process group, on a terminal or
 * on pipes (stdout and stderr kept apart). Throws SessionStartError when the
 * terminal cannot be made.
 */
export function startProgram (init: ProgramSessionInit, sink: SessionSink): LocalSession {
  return init.tty === undefined ? onPipes(init, sink) : onTerminal(init, init.tty, sink)
}

function onTerminal (init: ProgramSessionInit, tty: { cols: number, rows: number, term: string }, sink: SessionSink): LocalSession {
  if (init.pty === undefined) throw new SessionStartError('no pseudo-terminal: node-pty is not installed on this node')
  let term: IPty
  try {
    term = init.pty.spawn(init.argv[0]!, init.argv.slice(1), { name: tty.term, cols: tty.cols, rows: tty.rows, cwd: init.cwd, env: init.env, encoding: null })
  } catch (err) {
    throw new SessionStartError(`cannot start ${init.argv[0] ?? ''} on a terminal: ${(err as Error).message}`, { cause: err })
  }
  const hangup = hangUpper(term.pid)
  // encoding null: node-pty hands over Buffers, though its types say string
  term.onData(data => { sink.output(Channel.stdout, data as unknown as Buffer) })
  term.onExit(({ exitCode, signal }) => {
    hangup.exited()
    sink.end(signal !== undefined && signal > 0 ? { code: null, signal: SIGNAL_NAMES.get(signal) ?? String(signal) } : { code: exitCode, signal: null })
  })
  return {
    write: data => { term.write(data); return true },
    endInput: () => {},
    resize: (cols, rows) => { try { term.resize(cols, rows) } catch { /* it exited a moment ago */ } },
    pause: () => { term.pause() },
    resume: () => { term.resume() },
    close: () => { hangup.now() }
  }
}

function onPipes (init: ProgramSessionInit, sink: SessionSink): LocalSession {
  // detached: a session and process group of its own, which a hang-up reaches as a whole
  const child = spawn(init.argv[0]!, init.argv.slice(1), { cwd: init.cwd, env: init.env, detached: true, stdio: ['pipe', 'pipe', 'pipe'] })
  const hangup = hangUpper(child.pid)
  let failed: Error | undefined
  child.on('error', err => { failed = err })
  child.stdout.on('data', (d: Buffer) => { sink.output(Channel.stdout, d) })
  child.stderr.on('data', (d: Buffer) => { sink.output(Channel.stderr, d) })
  child.stdin.on('error', () => {}) // EPIPE: the program stopped reading; its exit says the rest
  child.stdin.on('drain', () => { sink.drained() })
  // 'close': the program exited and its output is all read
  child.once('close', (code, signal) => {
    hangup.exited()
    if (failed !== undefined && child.pid === undefined) sink.end({ code: null, signal: null, error: { code: 'ERR_SESSION_START', message: `cannot start ${init.argv[0] ?? ''}: ${failed.message}` } })
    else sink.end({ code, signal })
  })
  return {
    write: data => child.stdin.writable ? child.stdin.write(data) : true,
    endInput: () => { child.stdin.end() },
    resize: () => {},
    pause: () => { child.stdout.pause(); child.stderr.pause() },
    resume: () => { child.stdout.resume(); child.stderr.resume() },
    close: () => { hangup.now() }
  }
}

/**
 * Hangs up on a program's process group as a terminal does (SIGHUP), then
 * SIGKILLs what is left of it after HANGUP_GRACE_MS. Nothing is sent once
 * the program is known to have exited, so a reused pid is never hit.
 */
function hangUpper (pid: number | undefined): { now: () => void, exited: () => void } {
  let done = pid === undefined
  let timer: NodeJS.Timeout | undefined
  const signal = (s: NodeJS.Signals): void => {
    if (done) return
    try { process.kill(-pid!, s) } catch { /* the group is gone */ }
  }
  return {
    now: () => {
      if (done || timer !== undefined) return
      signal('SIGHUP')
      timer = setTimeout(() => { signal('SIGKILL') }, HANGUP_GRACE_MS)
      timer.unref()
    },
    exited: () => {
      done = true
      if (timer !== undefined) clearTimeout(timer)
    }
  }
}

/**
 * Attaches to a VM's serial console (a Unix stream socket QEMU serves, one
 * client at a time): the guest's output on stdout, typed bytes to the
 * guest. Ends when QEMU closes the socket (the VM stopped); close()
 * detaches, leaving the VM and its console as they were.
 */
export function attachSerial (path: string, sink: SessionSink): LocalSession {
  const socket = connect(path)
  let connected = false
  let error: Error | undefined
  socket.once('connect', () => { connected = true })
  socket.on('data', (d: Buffer) => { sink.output(Channel.stdout, d) })
  socket.on('error', err => { error = err })
  socket.on('drain', () => { sink.drained() })
  socket.once('close', () => {
    sink.end(connected ? { code: null, signal: null } : { code: null, signal: null, error: { code: 'ERR_SESSION_START', message: `cannot reach the serial console: ${error?.message ?? 'closed'}` } })
  })
  return {
    write: data => socket.write(data),
    endInput: () => {},
    resize: () => {},
    pause: () => { socket.pause() },
    resume: () => { socket.resume() },
    close: () => { socket.destroy() }
  }
}
