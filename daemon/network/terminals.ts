import type { Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import type { Transport } from './transport.ts'
import type { Address, Endpoint } from './endpoint.ts'
import { readExactly, readFrame, writeFrame } from './framing.ts'
import { Forwarder, type NodeHealth } from './forwarder.ts'
import { pumpedSocket } from './read-pump.ts'
import { splice } from './splice.ts'

/** Protocol of streams that carry one connection into an input terminal. */
export const TERMINAL_PROTOCOL = '/trellis/terminal/1'

/** Largest header naming the target input, in bytes. */
const MAX_HEADER_BYTES = 1024
/** How long the far side has to send the header or its answer, in ms. */
const HANDSHAKE_TIMEOUT_MS = 5000
/** How long a connection to a local input may take, in ms. */
const LOCAL_CONNECT_TIMEOUT_MS = 3000

const OK = 0
const NO_SUCH_INPUT = 1
const INPUT_REFUSED = 2

/**
 * Carries connections between terminals. Every input of a local instance is
 * registered with its address; a connection to an endpoint goes straight to
 * the local input when the instance is here, and otherwise over the
 * transport to the node that runs it, which connects it to the input there.
 * Nothing above this class knows which of the two happened.
 */
export class TerminalNetwork {
  readonly #transport: Transport
  readonly #logger: Logger
  readonly #inputs = new Map<string, Address>()
  readonly #forwarders = new Set<Forwarder>()
  /** Bytes appliances on this node sent and received through their output terminals, over connections that ended. */
  readonly streamBytes = { sent: 0, received: 0 }
  readonly #health: NodeHealth | undefined

  /** `health`: the failure detector's view of other nodes, so forwarders try the nodes heard lately first. */
  constructor (components: { transport: Transport, logger: Logger, health?: NodeHealth }) {
    this.#transport = components.transport
    this.#logger = components.logger
    this.#health = components.health
  }

  get nodeId (): string {
    return this.#transport.nodeId
  }

  start (): void {
    this.#transport.handle(TERMINAL_PROTOCOL, (stream, from) => { void this.#accept(stream, from) })
  }

  /** Makes a local instance's input reachable as an endpoint. */
  registerInput (instance: string, terminal: string, address: Address): void {
    this.#inputs.set(key(instance, terminal), address)
  }

  unregisterInput (instance: string, terminal: string): void {
    this.#inputs.delete(key(instance, terminal))
  }

  /** The address of a local input, if the instance runs here. */
  inputAddress (instance: string, terminal: string): Address | undefined {
    return this.#inputs.get(key(instance, terminal))
  }

  /** Opens a connection to an endpoint's input, wherever it runs. */
  async connect (endpoint: Endpoint, signal?: AbortSignal): Promise<Duplex> {
    if (endpoint.node === this.#transport.nodeId) {
      const address = this.#inputs.get(key(endpoint.instance, endpoint.terminal))
      if (address === undefined) throw new Error(`input ${endpoint.instance}.${endpoint.terminal} is not on this node`)
      return await connectLocal(address)
    }
    const stream = await this.#transport.dial(endpoint.node, TERMINAL_PROTOCOL, { signal })
    stream.on('error', () => {})
    try {
      writeFrame(stream, Buffer.from(JSON.stringify({ instance: endpoint.instance, terminal: endpoint.terminal })))
      const [answer] = await readExactly(stream, 1, HANDSHAKE_TIMEOUT_MS)
      if (answer !== OK) throw new Error(`node ${endpoint.node} answered ${answer === NO_SUCH_INPUT ? 'no such input' : 'input refused'} for ${endpoint.instance}.${endpoint.terminal}`)
      return stream
    } catch (err) {
      stream.destroy()
      throw err
    }
  }

  /**
   * Listens on address and sends each connection to one of targets(),
   * asked afresh for every connection so that connections follow instances
   * when they move.
   */
  async listen (name: string, address: Address, targets: () => Endpoint[]): Promise<Forwarder> {
    const forwarder = new Forwarder({
      network: this,
      logger: this.#logger.child({ forward: name }),
      onDone: (sent, received) => { this.streamBytes.sent += sent; this.streamBytes.received += received },
      ...(this.#health !== undefined ? { health: this.#health } : {})
    }, { name, address, targets })
    await forwarder.start()
    this.#forwarders.add(forwarder)
    forwarder.onClose(() => this.#forwarders.delete(forwarder))
    return forwarder
  }

  async close (): Promise<void> {
    this.#transport.unhandle(TERMINAL_PROTOCOL)
    await Promise.all([...this.#forwarders].map(async f => { await f.close() }))
  }

  async #accept (stream: Duplex, from: string): Promise<void> {
    let local: Socket | undefined
    // The dialer may reset the stream at any point; that is an ending, not a fault.
    stream.on('error', () => {})
    try {
      const header = JSON.parse((await readFrame(stream, MAX_HEADER_BYTES, HANDSHAKE_TIMEOUT_MS)).toString('utf8')) as Partial<Endpoint>
      const address = this.#inputs.get(key(String(header.instance), String(header.terminal)))
      if (address === undefined) {
        stream.end(Buffer.from([NO_SUCH_INPUT]))
        return
      }
      try {
        local = await connectLocal(address)
      } catch {
        stream.end(Buffer.from([INPUT_REFUSED]))
        return
      }
      stream.write(Buffer.from([OK]))
      await splice(stream, local)
    } catch (err) {
      this.#logger.warn({ err, from }, 'terminal stream rejected')
      stream.destroy()
      local?.destroy()
    }
  }
}

function key (instance: string, terminal: string): string {
  return `${instance}\u0000${terminal}`
}

function connectLocal (address: Address): Promise<Socket> {
  return new Promise((resolve, reject) => {
    // Read through a pump: splice relays it without a buffer per read (read-pump.ts).
    const socket = pumpedSocket({ allowHalfOpen: true })
    socket.connect({ host: address.host, port: address.port })
    socket.setNoDelay(true)
    const timer = setTimeout(() => { socket.destroy(new Error(`connect to ${address.host}:${address.port} timed out`)) }, LOCAL_CONNECT_TIMEOUT_MS)
    socket.once('connect', () => { clearTimeout(timer); socket.off('error', reject); resolve(socket) })
    socket.once('error', err => { clearTimeout(timer); reject(err) })
  })
}
