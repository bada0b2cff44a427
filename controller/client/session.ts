import type { IncomingMessage } from 'node:http'
import WebSocket from 'ws'
import { ClientError } from './client.ts'
import { Channel, channelMessage, SESSION_SUBPROTOCOL, type ChannelId, type ClientMessage, type ServerMessage, type SessionStart } from './session-protocol.ts'

/** How a session ended: the command's exit, or why there was none (code and message of the error). */
export type SessionResult =
  | { type: 'exit', code: number | null, signal: string | null }
  | { type: 'error', code: string, message: string }

/** Largest stdin chunk sent in one message. */
const STDIN_CHUNK_BYTES = 32 * 1024 // bytes
/** Input bytes queued on the socket before write() asks the writer to wait for onDrain. */
const HIGH_WATER_BYTES = 1024 * 1024 // bytes

/**
 * One console or exec session over the admin API's WebSocket
 * (session-protocol.ts): bytes in, output by channel, resizes, and how it
 * ended. `ended` settles once, when the daemon said how it ended or the
 * socket went away.
 */
export class Session {
  readonly #ws: WebSocket
  readonly ended: Promise<SessionResult>
  #onOutput: (channel: ChannelId, data: Buffer) => void = () => {}
  #onDrain: () => void = () => {}
  #full = false

  constructor (ws: WebSocket) {
    this.#ws = ws
    this.ended = new Promise(resolve => {
      let result: SessionResult | undefined
      ws.on('message', (data: Buffer, binary: boolean) => {
        if (binary) {
          const channel = data[0]
          if (channel === Channel.stdout || channel === Channel.stderr) this.#onOutput(channel, data.subarray(1))
          return
        }
        try { result = JSON.parse(data.toString('utf8')) as ServerMessage } catch { /* not ours to read */ }
      })
      ws.on('error', () => {})
      ws.once('close', (code: number, reason: Buffer) => {
        resolve(result ?? { type: 'error', code: 'ERR_UNREACHABLE', message: `the session closed without saying how it ended (${code}${reason.length > 0 ? ` ${reason.toString()}` : ''})` })
      })
    })
  }

  /** Where output goes; set before the first output can arrive (right after open). */
  onOutput (listener: (channel: ChannelId, data: Buffer) => void): void {
    this.#onOutput = listener
  }

  /** Bytes to the session's input; false when the socket holds much unsent: wait for onDrain before writing more. */
  write (data: Buffer): boolean {
    for (let at = 0; at < data.length; at += STDIN_CHUNK_BYTES) this.#send(channelMessage(Channel.stdin, data.subarray(at, at + STDIN_CHUNK_BYTES)))
    if (this.#ws.bufferedAmount > HIGH_WATER_BYTES) this.#full = true
    return !this.#full
  }

  /** Called once input may flow again after write returned false. */
  onDrain (listener: () => void): void {
    this.#onDrain = listener
  }

  /** Stop taking output until resume (its reader is slow): the daemon holds the program back. */
  pause (): void { this.#ws.pause() }
  resume (): void { this.#ws.resume() }

  resize (cols: number, rows: number): void { this.#control({ type: 'resize', cols, rows }) }
  /** The input ended (exec without a terminal: the command reads end of file). */
  eof (): void { this.#control({ type: 'eof' }) }

  /** Leaves the session: the daemon hangs up on its program. */
  close (): void { this.#ws.close() }

  #control (m: ClientMessage): void { this.#send(JSON.stringify(m)) }

  #send (data: Buffer | string): void {
    if (this.#ws.readyState !== WebSocket.OPEN) return
    this.#ws.send(data, () => {
      if (this.#full && this.#ws.bufferedAmount <= HIGH_WATER_BYTES / 2) { this.#full = false; this.#onDrain() }
    })
  }
}

/**
 * Opens a session: the upgrade, then the start message. An upgrade the
 * daemon refuses (no such instance, a read-only token) rejects with its
 * ClientError, as any API call does.
 */
export async function openSession (init: { url: string, token: string, source?: string }, path: string, start: SessionStart): Promise<Session> {
  const url = init.url.replace(/^http/, 'ws') + path
  const ws = new WebSocket(url, [SESSION_SUBPROTOCOL], { headers: { authorization: `Bearer ${init.token}` }, handshakeTimeout: 30_000 })
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => { resolve() })
    ws.once('unexpected-response', (_req, res: IncomingMessage) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        let e: { code?: string, message?: string, details?: unknown } | undefined
        try { e = (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { error?: typeof e }).error } catch { /* not JSON */ }
        reject(new ClientError(e?.code ?? 'ERR_HTTP', e?.message ?? `HTTP ${res.statusCode ?? 0}`, res.statusCode ?? 0, e?.details))
        ws.terminate()
      })
    })
    ws.once('error', (err: Error & { code?: string }) => {
      reject(new ClientError('ERR_API_UNREACHABLE', `cannot reach trellisd at ${init.url} (${err.code ?? err.message}): is trellisd running? (address ${init.source ?? 'as given'})`, 0, undefined, { cause: err }))
    })
  })
  const session = new Session(ws)
  ws.send(JSON.stringify(start))
  return session
}
