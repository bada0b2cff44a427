import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import type { WebSocket } from 'ws'
import { Channel, type ServerMessage } from '../../controller/client/session-protocol.ts'
import { frame, LoopbackStream, readFrames, type Transport } from '../network/index.ts'
import { openFor, parseClientMessage } from './client-messages.ts'
import { BadSessionMessageError, NotRunningError, UnknownInstanceError } from './errors.ts'
import type { SessionServer } from './server.ts'
import { controlFrame, decodeFrame, MAX_FRAME_BYTES, SESSION_PROTOCOL, type SessionEnd, type SessionOpen } from './wire.ts'

/** How long a client has to send its start message after the upgrade, ms. */
export const START_TIMEOUT_MS = 10_000 // ms
/** How long reaching the instance's node may take, ms. */
const DIAL_TIMEOUT_MS = 10_000 // ms
/** Output bytes a slow client may have queued before the session's output is held. */
const WS_HIGH_WATER_BYTES = 1024 * 1024 // bytes
/** Bytes a loopback session stream buffers each way (a session into an instance on this node). */
const LOOPBACK_HIGH_WATER_BYTES = 64 * 1024 // bytes
/** WebSocket close codes (RFC 6455 §7.4.1). */
const CLOSE_NORMAL = 1000
const CLOSE_ERROR = 1011

/** What a SessionGateway reads. */
export interface SessionGatewayComponents {
  transport: Transport
  /** This node's session server, for instances that run here. */
  server: SessionServer
  selfId: string
  /** The ids of an app's instances; undefined when there is no such app. */
  instances: (app: string) => string[] | undefined
  /**
   * Brings this node's state up to the grid's (a read barrier); rejects when
   * it cannot (no quorum). Absent on a node with nothing to catch up with.
   */
  catchUp?: () => Promise<void>
  /** The node an instance is placed on, by the committed state. */
  placementOf: (instance: string) => string | undefined
  /** A node's name, for messages. */
  nameOf: (node: string) => string
  logger: Logger
}

/**
 * The client's end of a session, on the node whose API it called: takes the
 * WebSocket's start message, opens `/trellis/exec/1` to the node the
 * instance is placed on (or a loopback pair to this node's server), and
 * relays both ways until either side ends. Data messages and data frames
 * share their bytes (wire.ts); control turns JSON into protobuf and back.
 *
 *   WebSocket ──start──▶ open ──▶ node running the instance
 *             ◀─[1|2]…── data ◀──
 *             ◀─exit|error── end ◀──
 */
export class SessionGateway {
  readonly #c: SessionGatewayComponents
  readonly #log: Logger

  constructor (components: SessionGatewayComponents) {
    this.#c = components
    this.#log = components.logger.child({ component: 'sessions' })
  }

  /**
   * The instance a client names (`web.0` or `<app>.web.0`); UnknownInstanceError
   * names what does not exist. A name this node does not know may be one it
   * has not applied yet (an exec sent to it right after an apply through
   * another node): it catches up with the grid once and looks again before
   * saying so. When it cannot catch up, the answer is what it knows.
   */
  async instance (app: string, name: string): Promise<string> {
    try {
      return this.#known(app, name)
    } catch (err) {
      if (!(err instanceof UnknownInstanceError) || this.#c.catchUp === undefined) throw err
      const caughtUp = await this.#c.catchUp().then(() => true, () => false)
      if (!caughtUp) throw err
      return this.#known(app, name)
    }
  }

  #known (app: string, name: string): string {
    const ids = this.#c.instances(app)
    if (ids === undefined) throw new UnknownInstanceError(`app ${app} not found`)
    const id = ids.find(i => i === name || i === `${app}.${name}`)
    if (id === undefined) throw new UnknownInstanceError(`instance ${name} of app ${app} not found (it has ${ids.map(i => i.slice(app.length + 1)).join(', ') || 'none'})`)
    return id
  }

  /** Carries one session on an upgraded WebSocket; the socket's close ends it. */
  attach (ws: WebSocket, instance: string, kind: 'console' | 'exec'): void {
    const log = this.#log.child({ instance, kind })
    let stream: Duplex | undefined
    let state: 'start' | 'connecting' | 'open' | 'done' = 'start'
    const early: Array<{ data: Buffer, binary: boolean }> = []
    let inputHeld = false
    const finish = (message: ServerMessage): void => {
      if (state === 'done') return
      state = 'done'
      clearTimeout(timer)
      if (ws.readyState === ws.OPEN) {
        ws.send(JSON.stringify(message))
        ws.close(message.type === 'exit' ? CLOSE_NORMAL : CLOSE_ERROR)
      }
      stream?.destroy()
    }
    const fail = (err: unknown): void => {
      const e = err as Error & { code?: string }
      finish({ type: 'error', code: e.code ?? 'ERR_INTERNAL', message: e.message })
    }
    const timer = setTimeout(() => { fail(new BadSessionMessageError(`no start message within ${START_TIMEOUT_MS / 1000} s`)) }, START_TIMEOUT_MS)
    const forward = (data: Buffer, binary: boolean): void => {
      const s = stream!
      if (binary) {
        // [0, …stdin] is a data frame's payload as it is
        if (data[0] !== Channel.stdin || data.length > MAX_FRAME_BYTES) throw new BadSessionMessageError('binary messages from a client are stdin: channel byte 0, then at most 64 KiB')
        if (data.length === 1 || s.write(frame(data)) || inputHeld) return
        // the instance's side is slow to take input: stop reading the client until it drains
        inputHeld = true
        ws.pause()
        s.once('drain', () => { inputHeld = false; ws.resume() })
        return
      }
      const m = parseClientMessage(data.toString('utf8'))
      if (m.type === 'start') throw new BadSessionMessageError('a session starts once')
      s.write(controlFrame(m.type === 'resize' ? { resize: { cols: m.cols, rows: m.rows } } : { eof: true }))
    }
    ws.on('message', (data: Buffer, binary: boolean) => {
      try {
        if (state === 'open') forward(data, binary)
        else if (state === 'connecting') early.push({ data, binary })
        else if (state === 'start') {
          clearTimeout(timer)
          if (binary) throw new BadSessionMessageError('the first message is a text start message')
          const m = parseClientMessage(data.toString('utf8'))
          if (m.type !== 'start') throw new BadSessionMessageError('the first message is a start message')
          const open = openFor(m, instance, kind)
          state = 'connecting'
          this.#connect(open).then(s => {
            if (state === 'done') { s.destroy(); return }
            stream = s
            state = 'open'
            log.info({ node: this.#c.nameOf(this.#c.placementOf(instance) ?? ''), tty: open.tty !== undefined }, 'session relayed')
            this.#relay(s, ws, finish, fail)
            for (const e of early.splice(0)) forward(e.data, e.binary)
          }).catch(fail)
        }
      } catch (err) {
        fail(err)
      }
    })
    ws.on('error', () => {})
    ws.once('close', () => {
      clearTimeout(timer)
      state = 'done'
      stream?.destroy()
    })
  }

  /** Opens the session stream to the instance's node and sends what to open. */
  async #connect (open: SessionOpen): Promise<Duplex> {
    const node = this.#c.placementOf(open.instance)
    if (node === undefined) throw new NotRunningError(`instance ${open.instance} is not placed on any node`)
    let stream: Duplex
    if (node === this.#c.selfId) {
      const [mine, theirs] = LoopbackStream.pair({ dialer: node, listener: node, protocol: SESSION_PROTOCOL, highWaterMark: LOOPBACK_HIGH_WATER_BYTES })
      this.#c.server.accept(theirs, node)
      stream = mine
    } else {
      stream = await this.#c.transport.dial(node, SESSION_PROTOCOL, { signal: AbortSignal.timeout(DIAL_TIMEOUT_MS) }).catch((err: unknown) => {
        throw Object.assign(new Error(`cannot reach ${this.#c.nameOf(node)}, which runs ${open.instance}: ${(err as Error).message}`), { code: (err as { code?: string }).code ?? 'ERR_UNREACHABLE' })
      })
    }
    stream.on('error', () => {})
    stream.write(controlFrame({ open }))
    return stream
  }

  /** Passes the session's output to the client (holding it while the client is slow) until its end. */
  #relay (stream: Duplex, ws: WebSocket, finish: (m: ServerMessage) => void, fail: (err: unknown) => void): void {
    let held = false
    let ended = false
    const sent = (): void => {
      if (held && ws.bufferedAmount < WS_HIGH_WATER_BYTES / 2) { held = false; stream.resume() }
    }
    readFrames(stream, MAX_FRAME_BYTES, payload => {
      if (payload[0] === Channel.stdout || payload[0] === Channel.stderr) {
        ws.send(payload, { binary: true }, sent)
        if (!held && ws.bufferedAmount > WS_HIGH_WATER_BYTES) { held = true; stream.pause() }
        return
      }
      const f = decodeFrame(payload)
      if (f.kind !== 'control' || !('end' in f.control)) throw new BadSessionMessageError('the instance\'s node sends output and an end')
      ended = true
      finish(endMessage(f.control.end))
    }).then(() => {
      if (!ended) fail(Object.assign(new Error('the session\'s stream ended before the session did'), { code: 'ERR_UNREACHABLE' }))
    }, (err: unknown) => {
      if (!ended) fail(err)
    })
  }
}

/** A session's end as the client hears it. */
function endMessage (end: SessionEnd): ServerMessage {
  return end.error !== undefined ? { type: 'error', ...end.error } : { type: 'exit', code: end.code, signal: end.signal }
}
