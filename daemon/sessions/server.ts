import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { readFrames, type Transport } from '../network/index.ts'
import { findOnPath } from '../resources/index.ts'
import type { InstanceSpec, TaskEntry } from '../runtime/index.ts'
import { enterArgv } from './enter.ts'
import { BadSessionMessageError, ConsoleBusyError, NotRunningError, SessionStartError, SessionUnsupportedError } from './errors.ts'
import { attachSerial, startProgram, type LocalSession, type PtyModule, type SessionSink } from './local-session.ts'
import { controlFrame, dataFrames, decodeFrame, MAX_FRAME_BYTES, SESSION_PROTOCOL, type SessionEnd, type SessionFrame, type SessionOpen } from './wire.ts'

/** How long a stream may take to say what it opens, ms. */
export const OPEN_TIMEOUT_MS = 10_000 // ms
/** Shells a console opens when the image declares no console command, the first found on the instance's PATH. */
const SHELLS = ['bash', 'sh']

/** What a SessionServer reads. */
export interface SessionServerComponents {
  transport: Transport
  /** What an instance supervised here runs with (environment, working directory, console command); undefined when none is. */
  spec: (instance: string) => Pick<InstanceSpec, 'task' | 'console'> | undefined
  /** How to enter the instance's running task; undefined when it has none (starting, restarting). */
  entry: (instance: string) => TaskEntry | undefined
  logger: Logger
}

/**
 * Serves `/trellis/exec/1` on the node that runs instances: each stream
 * opens one console or exec session into a local instance, then carries its
 * input, output, resizes and end (wire.ts). A process instance's session
 * runs in the instance's environment and working directory, as its user, in
 * its cgroup (enter.ts), on a pseudo-terminal or on pipes; a VM's console is
 * its serial port. The stream going away hangs the session up.
 *
 *   stream ──open──▶ spec + entry ──▶ program (pty | pipes) or serial socket
 *          ◀─stdout/stderr── … ◀─end (exit code | error)
 */
export class SessionServer {
  readonly #c: SessionServerComponents
  readonly #log: Logger
  readonly #streams = new Set<Duplex>()
  /** Serial consoles with a client: QEMU serves one at a time. */
  readonly #serialInUse = new Set<string>()
  #pty?: Promise<PtyModule | undefined>
  #setpriv?: Promise<string | undefined>
  #started = false
  #closed = false

  constructor (components: SessionServerComponents) {
    this.#c = components
    this.#log = components.logger.child({ component: 'sessions' })
  }

  /** Starts answering the protocol; idempotent. */
  start (): void {
    if (this.#started || this.#closed) return
    this.#started = true
    this.#c.transport.handle(SESSION_PROTOCOL, (stream, from) => { this.accept(stream, from) })
  }

  /** Ends every session (the streams go, the programs are hung up) and stops answering. */
  close (): void {
    if (this.#closed) return
    this.#closed = true
    if (this.#started) this.#c.transport.unhandle(SESSION_PROTOCOL)
    for (const s of this.#streams) s.destroy()
  }

  /** Serves one session stream: from another node over the mesh, or from this node's gateway over a loopback pair. */
  accept (stream: Duplex, from: string): void {
    if (this.#closed) { stream.destroy(); return }
    this.#streams.add(stream)
    stream.on('error', () => {})
    const log = this.#log.child({ peer: from })
    let session: LocalSession | undefined
    let phase: 'open' | 'starting' | 'running' = 'open'
    const early: SessionFrame[] = []
    let ended = false
    let outputHeld = false
    const timer = setTimeout(() => { stream.destroy() }, OPEN_TIMEOUT_MS)
    const sink: SessionSink = {
      output: (channel, data) => {
        if (stream.destroyed) return
        let ok = true
        for (const f of dataFrames(channel, data)) ok = stream.write(f)
        if (ok || outputHeld) return
        outputHeld = true
        session?.pause()
        stream.once('drain', () => { outputHeld = false; session?.resume() })
      },
      drained: () => { stream.resume() },
      end: end => {
        if (ended) return
        ended = true
        log.info({ code: end.code, signal: end.signal, error: end.error?.code }, 'session ended')
        if (!stream.destroyed) stream.end(controlFrame({ end }))
      }
    }
    const apply = (f: SessionFrame): void => {
      // after its end the program takes nothing more; the client hears the end and goes
      if (session === undefined || ended) return
      if (f.kind === 'data') {
        if (f.channel !== 0) throw new BadSessionMessageError('only stdin flows to the session')
        if (!session.write(f.bytes)) stream.pause()
      } else if ('resize' in f.control) session.resize(f.control.resize.cols, f.control.resize.rows)
      else if ('eof' in f.control) session.endInput()
      else throw new BadSessionMessageError('after open, a client sends only stdin, resize and eof')
    }
    readFrames(stream, MAX_FRAME_BYTES, payload => {
      const f = decodeFrame(payload)
      if (phase === 'running') { apply(f); return }
      if (phase === 'starting') { early.push(f); return }
      if (f.kind !== 'control' || !('open' in f.control)) throw new BadSessionMessageError('the first frame opens the session')
      clearTimeout(timer)
      phase = 'starting'
      const open = f.control.open
      log.info({ instance: open.instance, console: open.console, tty: open.tty !== undefined }, 'session opened')
      this.#open(open, sink).then(s => {
        session = s
        phase = 'running'
        if (stream.destroyed) { s.close(); return }
        try {
          for (const e of early.splice(0)) apply(e)
        } catch (err) {
          log.warn({ err }, 'closed a session stream that broke the protocol')
          stream.destroy()
        }
      }, (err: unknown) => { sink.end(failure(err)) })
    }).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'ERR_BAD_SESSION_MESSAGE' || (err as { code?: string }).code === 'ERR_FRAME_TOO_LARGE') log.warn({ err }, 'closed a session stream that broke the protocol')
    })
    stream.once('close', () => {
      clearTimeout(timer)
      this.#streams.delete(stream)
      if (!ended) session?.close()
    })
  }

  async #open (open: SessionOpen, sink: SessionSink): Promise<LocalSession> {
    const id = open.instance
    const spec = this.#c.spec(id)
    if (spec === undefined) throw new NotRunningError(`instance ${id} does not run on this node`)
    const entry = this.#c.entry(id)
    if (entry === undefined) throw new NotRunningError(`instance ${id} has no running task on this node (it is starting, restarting or stopped)`)
    if (entry.kind === 'serial') {
      if (!open.console) throw new SessionUnsupportedError(`instance ${id} is a vm: exec runs commands in process appliances; its serial console is open to trellis console`)
      if (this.#serialInUse.has(entry.socket)) throw new ConsoleBusyError(`the serial console of ${id} has a client already: it takes one at a time`)
      this.#serialInUse.add(entry.socket)
      return attachSerial(entry.socket, { ...sink, end: end => { this.#serialInUse.delete(entry.socket); sink.end(end) } })
    }
    // the driver says whom the task runs as; should it not know (a handle without a uid), the spec's user, never root
    const target = entry.user === undefined && spec.task.user !== undefined && process.getuid?.() === 0 ? { ...entry, user: spec.task.user } : entry
    const command = open.console ? spec.console ?? [await shell(spec.task.env.PATH)] : open.command
    const setpriv = await (this.#setpriv ??= findOnPath('setpriv', process.env.PATH ?? '/usr/bin:/bin'))
    if (target.user !== undefined && setpriv === undefined) throw new SessionStartError('setpriv (Debian package util-linux) is not on this node\'s PATH: it is what drops to the instance\'s user')
    const pty = open.tty === undefined ? undefined : await (this.#pty ??= import('node-pty').then(m => (m.default ?? m) as PtyModule, () => undefined))
    if (open.tty !== undefined && pty === undefined) throw new SessionUnsupportedError('no terminal on this node: node-pty is not installed (it is built at npm install and needs python3, make and a C++ compiler); exec without -t works')
    return startProgram({ argv: enterArgv(target, command, setpriv ?? ''), env: spec.task.env, cwd: spec.task.cwd, ...(open.tty === undefined ? {} : { tty: open.tty, pty }) }, sink)
  }
}

/** The console's shell: the first of SHELLS on the instance's PATH. */
async function shell (path: string | undefined): Promise<string> {
  for (const name of SHELLS) {
    const found = await findOnPath(name, path ?? '/usr/bin:/bin')
    if (found !== undefined) return found
  }
  return '/bin/sh'
}

/** A failure to open, as the end the client hears. */
function failure (err: unknown): SessionEnd {
  const e = err as Error & { code?: string }
  return { code: null, signal: null, error: { code: e.code ?? 'ERR_INTERNAL', message: e.message } }
}
