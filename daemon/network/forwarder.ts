import { createServer, type Server, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import type { Address, Endpoint } from './endpoint.ts'
import { adoptAccepted } from './read-pump.ts'
import { splice } from './splice.ts'

/** How long an endpoint that failed is passed over when others remain, in ms. */
const FAILED_ENDPOINT_HOLD_MS = 2000
/**
 * How long a connection waits for some endpoint to answer when none does, in
 * ms: an instance that is moving or restarting is gone for a second or two,
 * and holding the client's connection that long turns the gap into latency
 * instead of an error.
 */
const NO_ENDPOINT_WAIT_MS = 5000
const RETRY_ROUND_MS = 200
/**
 * Longest one attempt may take while other endpoints wait their turn, and any
 * attempt at a doubtful endpoint (its node not heard lately, or it failed a
 * moment ago), in ms. A dial across a cut link does not fail, it hangs: without
 * a bound one dead endpoint holds the connection for the transport's whole
 * dial timeout. Long enough for a stream to open over a slow radio link.
 */
const ATTEMPT_MS = 1500

/** What a node's failure detector says of it; undefined for a node it has not heard of. */
export type NodeHealth = (node: string) => 'up' | 'suspect' | 'down' | 'left' | undefined

interface Connector {
  connect (endpoint: Endpoint): Promise<Duplex>
}

/**
 * A listener in front of a set of endpoints: an output terminal, one target
 * instance of an output, or an app's entry. Connections are spread round
 * robin; an endpoint that fails is skipped for a moment and the connection
 * tries the next, so a dead instance costs a retry, not a failed request.
 *
 * Endpoints on nodes this node has not heard lately (suspect, down) are
 * tried last and briefly, and when only such endpoints remain the
 * connection is refused after one round instead of waiting: on an island
 * they are across the cut, and a fast refusal lets the client (an lb with
 * a backend on this side) go elsewhere, where waiting would only time it out.
 * A node this one has not heard of at all is taken for one it will hear
 * shortly rather than one across a cut: this node has just started (its
 * detector knows no one yet) and the placement that named the node is
 * committed. Its endpoints are tried last too, but waited for; a node that
 * restarts on an island therefore waits out NO_ENDPOINT_WAIT_MS before it
 * refuses what lies across the cut.
 */
export class Forwarder {
  readonly name: string
  readonly #network: Connector
  readonly #logger: Logger
  readonly #wanted: Address
  readonly #targets: () => Endpoint[]
  readonly #sockets = new Set<Duplex>()
  readonly #failedAt = new Map<string, number>()
  readonly #closeListeners: Array<() => void> = []
  #server: Server | undefined
  #next = 0
  #closing: Promise<void> | undefined
  /** Connections forwarded since start. */
  forwarded = 0

  readonly #onDone: ((sent: number, received: number) => void) | undefined
  readonly #health: NodeHealth

  /**
   * `onDone` is told each finished connection's bytes: sent by the appliance, and received by it.
   * `health`: the failure detector's view of a node; without it every node counts as up.
   */
  constructor (components: { network: Connector, logger: Logger, onDone?: (sent: number, received: number) => void, health?: NodeHealth }, init: { name: string, address: Address, targets: () => Endpoint[] }) {
    this.#network = components.network
    this.#logger = components.logger
    this.#onDone = components.onDone
    this.#health = components.health ?? (() => 'up')
    this.name = init.name
    this.#wanted = init.address
    this.#targets = init.targets
  }

  /** The address actually bound (port 0 asks for any free port). */
  get address (): Address {
    const a = this.#server?.address()
    if (a === null || a === undefined || typeof a === 'string') return this.#wanted
    return { host: this.#wanted.host, port: a.port }
  }

  async start (): Promise<void> {
    const server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, socket => { void this.#forward(socket) })
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen({ host: this.#wanted.host, port: this.#wanted.port }, () => {
        server.off('error', reject)
        resolve()
      })
    })
    server.on('error', err => { this.#logger.error({ err }, 'listener failed') })
    this.#server = server
  }

  onClose (listener: () => void): void {
    this.#closeListeners.push(listener)
  }

  /** Stops listening and cuts every forwarded connection. Same promise however often called. */
  close (): Promise<void> {
    this.#closing ??= new Promise<void>(resolve => {
      for (const s of this.#sockets) s.destroy()
      if (this.#server === undefined) { resolve(); return }
      this.#server.close(() => { resolve() })
    }).then(() => { for (const l of this.#closeListeners) l() })
    return this.#closing
  }

  async #forward (accepted: Socket): Promise<void> {
    // Read through a pump: splice relays it without a buffer per read (read-pump.ts).
    const socket = adoptAccepted(accepted)
    socket.setNoDelay(true)
    this.#sockets.add(socket)
    socket.once('close', () => this.#sockets.delete(socket))
    socket.on('error', () => {})
    const upstream = await this.#connectAny()
    if (upstream === undefined || socket.destroyed || this.#closing !== undefined) {
      upstream?.destroy()
      socket.destroy()
      return
    }
    this.forwarded++
    this.#sockets.add(upstream)
    upstream.once('close', () => this.#sockets.delete(upstream))
    await splice(socket, upstream)
    this.#onDone?.(socket.bytesRead, socket.bytesWritten)
  }

  /** Tries every endpoint, round after round, until one answers or NO_ENDPOINT_WAIT_MS pass; one round when every one is on a node known to be away (suspect, down, left). */
  async #connectAny (): Promise<Duplex | undefined> {
    const deadline = Date.now() + NO_ENDPOINT_WAIT_MS
    for (;;) {
      const { stream, worthWaiting } = await this.#connectRound(deadline)
      if (stream !== undefined || !worthWaiting || Date.now() + RETRY_ROUND_MS > deadline || this.#closing !== undefined) return stream
      await new Promise(resolve => setTimeout(resolve, RETRY_ROUND_MS))
    }
  }

  /** Tries endpoints in round-robin order, doubtful ones (failed a moment ago, or on a node not heard lately) last. */
  async #connectRound (deadline: number): Promise<{ stream: Duplex | undefined, worthWaiting: boolean }> {
    const targets = this.#targets()
    if (targets.length === 0) {
      this.#logger.debug('no endpoint to forward to')
      return { stream: undefined, worthWaiting: true }
    }
    const start = this.#next++ % targets.length
    const order = targets.map((_, i) => targets[(start + i) % targets.length]!)
    const now = Date.now()
    const heard = order.filter(e => this.#health(e.node) === 'up')
    const doubtful = new Set(order.filter(e => !heard.includes(e) || now - (this.#failedAt.get(id(e)) ?? 0) <= FAILED_ENDPOINT_HOLD_MS))
    const tries = [...order.filter(e => !doubtful.has(e)), ...order.filter(e => doubtful.has(e))]
    for (const [i, endpoint] of tries.entries()) {
      const last = i === tries.length - 1
      const budget = doubtful.has(endpoint) || !last ? Math.min(ATTEMPT_MS, deadline - Date.now()) : deadline - Date.now()
      try {
        const stream = await this.#attempt(endpoint, Math.max(budget, RETRY_ROUND_MS))
        this.#failedAt.delete(id(endpoint))
        return { stream, worthWaiting: true }
      } catch (err) {
        this.#failedAt.set(id(endpoint), Date.now())
        this.#logger.debug({ err, instance: endpoint.instance, node: endpoint.node }, 'endpoint failed, trying the next')
      }
    }
    const unknown = order.filter(e => this.#health(e.node) === undefined).length
    this.#logger.warn({ targets: targets.length, notHeard: targets.length - heard.length, unknown }, 'every endpoint failed')
    return { stream: undefined, worthWaiting: heard.length > 0 || unknown > 0 }
  }

  /** One connect, given up after `ms`; a stream that opens later is closed. */
  async #attempt (endpoint: Endpoint, ms: number): Promise<Duplex> {
    const connecting = this.#network.connect(endpoint)
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => { reject(new Error(`no connection to ${endpoint.instance} on ${endpoint.node} within ${ms} ms`)) }, ms)
    })
    try {
      return await Promise.race([connecting, timeout])
    } catch (err) {
      connecting.then(stream => { stream.destroy() }, () => {})
      throw err
    } finally {
      clearTimeout(timer)
    }
  }
}

function id (e: Endpoint): string {
  return `${e.node}/${e.instance}/${e.terminal}`
}
