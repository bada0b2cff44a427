import { createServer, type Server, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import type { Address, Endpoint } from './endpoint.ts'
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

interface Connector {
  connect (endpoint: Endpoint): Promise<Duplex>
}

/**
 * A listener in front of a set of endpoints: an output terminal, one target
 * instance of an output, or an app's entry. Connections are spread round
 * robin; an endpoint that fails is skipped for a moment and the connection
 * tries the next, so a dead instance costs a retry, not a failed request.
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

  /** `onDone` is told each finished connection's bytes: sent by the appliance, and received by it. */
  constructor (components: { network: Connector, logger: Logger, onDone?: (sent: number, received: number) => void }, init: { name: string, address: Address, targets: () => Endpoint[] }) {
    this.#network = components.network
    this.#logger = components.logger
    this.#onDone = components.onDone
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

  async #forward (socket: Socket): Promise<void> {
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
    socket.resume()
    await splice(socket, upstream)
    this.#onDone?.(socket.bytesRead, socket.bytesWritten)
  }

  /** Tries every endpoint, round after round, until one answers or NO_ENDPOINT_WAIT_MS pass. */
  async #connectAny (): Promise<Duplex | undefined> {
    const deadline = Date.now() + NO_ENDPOINT_WAIT_MS
    for (;;) {
      const stream = await this.#connectRound()
      if (stream !== undefined || Date.now() + RETRY_ROUND_MS > deadline || this.#closing !== undefined) return stream
      await new Promise(resolve => setTimeout(resolve, RETRY_ROUND_MS))
    }
  }

  /** Tries endpoints in round-robin order, recently failed ones last. */
  async #connectRound (): Promise<Duplex | undefined> {
    const targets = this.#targets()
    if (targets.length === 0) {
      this.#logger.debug('no endpoint to forward to')
      return undefined
    }
    const start = this.#next++ % targets.length
    const order = targets.map((_, i) => targets[(start + i) % targets.length]!)
    const now = Date.now()
    const fresh = order.filter(e => now - (this.#failedAt.get(id(e)) ?? 0) > FAILED_ENDPOINT_HOLD_MS)
    const held = order.filter(e => !fresh.includes(e))
    for (const endpoint of [...fresh, ...held]) {
      try {
        const stream = await this.#network.connect(endpoint)
        this.#failedAt.delete(id(endpoint))
        return stream
      } catch (err) {
        this.#failedAt.set(id(endpoint), Date.now())
        this.#logger.debug({ err, instance: endpoint.instance, node: endpoint.node }, 'endpoint failed, trying the next')
      }
    }
    this.#logger.warn({ targets: targets.length }, 'every endpoint failed')
    return undefined
  }
}

function id (e: Endpoint): string {
  return `${e.node}/${e.instance}/${e.terminal}`
}
