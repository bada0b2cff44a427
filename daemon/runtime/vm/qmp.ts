/**
 * A small client of the QEMU Machine Protocol over a Unix socket
 * (docs/interop/qmp-spec.rst in QEMU): one JSON object per line each way.
 *
 *   connect ──▶ greeting {"QMP": …} ──▶ qmp_capabilities ──▶ commands {"execute", "id"} ⇄ {"return"|"error", "id"}
 *                                                              events {"event", "data"} at any time
 *
 * Answers are matched to commands by id, so events may arrive anywhere in
 * between (QEMU can even send one before the capabilities answer).
 */
import { connect, type Socket } from 'node:net'
import { QmpCommandError, QmpConnectionError } from './errors.ts'

/** How long connect() waits for the socket, the greeting and capabilities negotiation. */
export const QMP_CONNECT_TIMEOUT_MS = 5_000 // ms
/** How long a command may wait for its answer. */
export const QMP_COMMAND_TIMEOUT_MS = 10_000 // ms
/** A line longer than this is not QMP; the connection is dropped rather than buffered without bound. */
const MAX_LINE_BYTES = 1024 * 1024 // bytes

/** An asynchronous event, e.g. SHUTDOWN { guest, reason }, STOP, RESUME, BLOCK_IO_ERROR. */
export interface QmpEvent {
  event: string
  data?: Record<string, unknown>
  timestamp?: { seconds: number, microseconds: number }
}

interface Pending {
  command: string
  resolve: (value: unknown) => void
  reject: (err: Error) => void
  timer: NodeJS.Timeout
}

/** One QMP connection, negotiated and ready for commands. */
export class QmpClient {
  /** QEMU's version as the greeting gives it, e.g. `7.2.22`. */
  readonly version: string
  /** Resolves once the connection is closed, whoever closed it. */
  readonly closed: Promise<void>
  readonly #socket: Socket
  readonly #pending = new Map<number, Pending>()
  readonly #listeners = new Set<(event: QmpEvent) => void>()
  #nextId = 1
  #buffer = ''
  #closeError: Error | undefined

  private constructor (socket: Socket, version: string, rest: string) {
    this.#socket = socket
    this.version = version
    this.#buffer = rest
    this.closed = new Promise(resolve => {
      socket.once('close', () => {
        const err = this.#closeError ?? new QmpConnectionError('QMP connection closed')
        for (const p of this.#pending.values()) { clearTimeout(p.timer); p.reject(err) }
        this.#pending.clear()
        resolve()
      })
    })
    socket.on('error', err => { this.#closeError ??= new QmpConnectionError(`QMP socket: ${err.message}`, { cause: err }) })
    socket.on('data', chunk => { this.#receive(chunk.toString('utf8')) })
    // lines that came with the greeting (early events) are read now, before any listener exists
    this.#receive('')
  }

  /** Connects to a QMP socket, reads the greeting and leaves capabilities negotiation mode. */
  static async connect (path: string, options: { timeoutMs?: number } = {}): Promise<QmpClient> {
    const timeoutMs = options.timeoutMs ?? QMP_CONNECT_TIMEOUT_MS
    const socket = connect({ path })
    const greeting = await readGreeting(socket, path, timeoutMs)
    const client = new QmpClient(socket, greeting.version, greeting.rest)
    try {
      await client.execute('qmp_capabilities', undefined, timeoutMs)
    } catch (err) {
      client.close()
      throw err instanceof QmpConnectionError ? err : new QmpConnectionError(`QMP at ${path}: negotiation failed: ${(err as Error).message}`, { cause: err })
    }
    return client
  }

  /** Runs a command and resolves with its `return` value; QEMU's errors reject with QmpCommandError. */
  async execute<T = unknown> (command: string, args?: Record<string, unknown>, timeoutMs = QMP_COMMAND_TIMEOUT_MS): Promise<T> {
    if (this.#socket.destroyed) throw this.#closeError ?? new QmpConnectionError('QMP connection closed')
    const id = this.#nextId++
    const result = new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#pending.delete(id)
        reject(new QmpConnectionError(`QMP ${command}: no answer within ${timeoutMs} ms`))
      }, timeoutMs)
      this.#pending.set(id, { command, resolve, reject, timer })
    })
    this.#socket.write(JSON.stringify({ execute: command, ...(args === undefined ? {} : { arguments: args }), id }) + '\n')
    return await result as T
  }

  /** Calls `listener` for every event; returns a function that stops it. */
  onEvent (listener: (event: QmpEvent) => void): () => void {
    this.#listeners.add(listener)
    return () => { this.#listeners.delete(listener) }
  }

  /** Closes the connection; QEMU keeps running and accepts the next client. */
  close (): void {
    this.#socket.destroy()
  }

  /** Lets the process exit while the connection is open. */
  unref (): void {
    this.#socket.unref()
  }

  #receive (text: string): void {
    this.#buffer += text
    let nl: number
    while ((nl = this.#buffer.indexOf('\n')) >= 0) {
      const line = this.#buffer.slice(0, nl).trim()
      this.#buffer = this.#buffer.slice(nl + 1)
      if (line !== '') this.#message(line)
      if (this.#socket.destroyed) return
    }
    if (this.#buffer.length > MAX_LINE_BYTES) this.#fail('a QMP line over 1 MiB')
  }

  #message (line: string): void {
    let msg: Record<string, unknown>
    try {
      msg = JSON.parse(line) as Record<string, unknown>
    } catch {
      this.#fail('a line that is not JSON')
      return
    }
    if (typeof msg.event === 'string') {
      for (const l of this.#listeners) l(msg as unknown as QmpEvent)
      return
    }
    const pending = typeof msg.id === 'number' ? this.#pending.get(msg.id) : undefined
    if (pending === undefined) return // an answer to a command that timed out
    this.#pending.delete(msg.id as number)
    clearTimeout(pending.timer)
    if ('return' in msg) { pending.resolve(msg.return); return }
    const error = (msg.error ?? {}) as { class?: string, desc?: string }
    pending.reject(new QmpCommandError(`QMP ${pending.command}: ${error.desc ?? 'failed'}`, { qmpClass: error.class }))
  }

  #fail (what: string): void {
    this.#closeError = new QmpConnectionError(`QMP protocol error: ${what}`)
    this.#socket.destroy()
  }
}

/** Reads up to the greeting's newline; returns QEMU's version and whatever followed it. */
async function readGreeting (socket: Socket, path: string, timeoutMs: number): Promise<{ version: string, rest: string }> {
  return await new Promise((resolve, reject) => {
    let buffer = ''
    const done = (err?: Error, value?: { version: string, rest: string }): void => {
      clearTimeout(timer)
      socket.off('data', onData)
      socket.off('error', onError)
      socket.off('close', onClose)
      if (err !== undefined) { socket.destroy(); reject(err) } else resolve(value!)
    }
    const onData = (chunk: Buffer): void => {
      buffer += chunk.toString('utf8')
      const nl = buffer.indexOf('\n')
      if (nl < 0) {
        if (buffer.length > MAX_LINE_BYTES) done(new QmpConnectionError(`QMP at ${path}: no greeting`))
        return
      }
      try {
        const greeting = JSON.parse(buffer.slice(0, nl)) as { QMP?: { version?: { qemu?: { major: number, minor: number, micro: number } } } }
        const q = greeting.QMP?.version?.qemu
        if (greeting.QMP === undefined) throw new Error('not a QMP greeting')
        // the client attaches its reader in a microtask, before the socket's next data event
        done(undefined, { version: q === undefined ? 'unknown' : `${q.major}.${q.minor}.${q.micro}`, rest: buffer.slice(nl + 1) })
      } catch (err) {
        done(new QmpConnectionError(`QMP at ${path}: bad greeting: ${(err as Error).message}`, { cause: err }))
      }
    }
    const onError = (err: Error): void => { done(new QmpConnectionError(`QMP at ${path}: ${err.message}`, { cause: err })) }
    const onClose = (): void => { done(new QmpConnectionError(`QMP at ${path}: closed before the greeting`)) }
    const timer = setTimeout(() => { done(new QmpConnectionError(`QMP at ${path}: no greeting within ${timeoutMs} ms`)) }, timeoutMs)
    socket.on('data', onData)
    socket.once('error', onError)
    socket.once('close', onClose)
  })
}
