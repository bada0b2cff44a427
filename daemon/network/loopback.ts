import type { Duplex } from 'node:stream'
import type { Transport } from './transport.ts'
import { LoopbackStream } from './loopback-stream.ts'
import { NodeIdInUseError, NoHandlerError, TransportClosedError, UnreachableError } from './errors.ts'

type Handler = (stream: Duplex, from: string) => void

/** Default bytes buffered per direction on each end; Node's own default for byte streams. */
const HIGH_WATER_MARK = 64 * 1024 // bytes

// Internals shared by the network and its transports; symbols keep them off
// the public surface without a third class to hold them.
const kJoin = Symbol('join')
const kLeave = Symbol('leave')
const kReach = Symbol('reach')
const kAccept = Symbol('accept')
const kStreams = Symbol('streams')

/** Options of a LoopbackNetwork. */
export interface LoopbackNetworkInit {
  /** Bytes buffered per direction on each stream end before write() returns false. */
  highWaterMark?: number
}

/**
 * An in-process network: every LoopbackTransport made on it is a node,
 * reachable by its id. Tests and the simulator use it in place of libp2p, and
 * cut it with partition() to see what a lossy mesh does to the grid.
 */
export class LoopbackNetwork {
  readonly highWaterMark: number
  #nodes = new Map<string, LoopbackTransport>()
  #cuts = new Set<string>()

  constructor (init: LoopbackNetworkInit = {}) {
    this.highWaterMark = init.highWaterMark ?? HIGH_WATER_MARK
  }

  /** Ids of the nodes on the network now. */
  get nodes (): string[] {
    return [...this.#nodes.keys()]
  }

  /** True when `from` could dial `to` now. */
  reachable (from: string, to: string): boolean {
    return this.#nodes.has(from) && this.#nodes.has(to) && !this.#cuts.has(pairKey(from, to))
  }

  /**
   * Cuts the link between a and b both ways: dials fail with ERR_UNREACHABLE
   * and open streams between them are destroyed with that error at both ends.
   */
  partition (a: string, b: string): void {
    if (a === b) return
    this.#cuts.add(pairKey(a, b))
    for (const [node, other] of [[a, b], [b, a]] as const) {
      const streams = this.#nodes.get(node)?.[kStreams] ?? []
      for (const stream of streams) {
        if (stream.remoteNode === other) stream.sever(new UnreachableError(`partitioned from ${other}`))
      }
    }
  }

  /** Restores the link between a and b, or every link when called without arguments. */
  heal (a?: string, b?: string): void {
    if (a === undefined || b === undefined) this.#cuts.clear()
    else this.#cuts.delete(pairKey(a, b))
  }

  [kJoin] (transport: LoopbackTransport): void {
    if (this.#nodes.has(transport.nodeId)) throw new NodeIdInUseError(`node id ${transport.nodeId} is in use`)
    this.#nodes.set(transport.nodeId, transport)
  }

  [kLeave] (transport: LoopbackTransport): void {
    if (this.#nodes.get(transport.nodeId) === transport) this.#nodes.delete(transport.nodeId)
  }

  [kReach] (from: string, to: string): LoopbackTransport {
    const target = this.#nodes.get(to)
    if (target === undefined || !this.reachable(from, to)) throw new UnreachableError(`node ${to} is unreachable`)
    return target
  }
}

/**
 * A node's end of a LoopbackNetwork. Registers under its node id when made;
 * close() frees the id, so a restarted node can come back under it.
 */
export class LoopbackTransport implements Transport {
  readonly nodeId: string
  #network: LoopbackNetwork
  #handlers = new Map<string, Handler>()
  #streams = new Set<LoopbackStream>()
  #closing: Promise<void> | undefined

  constructor (components: { network: LoopbackNetwork }, init: { nodeId: string }) {
    this.nodeId = init.nodeId
    this.#network = components.network
    this.#network[kJoin](this)
  }

  /** Sets the handler for a protocol; a second call for the same protocol replaces the first. */
  handle (protocol: string, handler: Handler): void {
    if (this.#closing !== undefined) throw new TransportClosedError()
    this.#handlers.set(protocol, handler)
  }

  /** Stops accepting streams for a protocol; streams already open stay open. */
  unhandle (protocol: string): void {
    this.#handlers.delete(protocol)
  }

  async dial (nodeId: string, protocol: string, options: { signal?: AbortSignal } = {}): Promise<Duplex> {
    const { signal } = options
    if (this.#closing !== undefined) throw new TransportClosedError()
    signal?.throwIfAborted()
    // A real dial never completes in the caller's turn; yielding once keeps
    // callers from depending on that here and lets an abort that follows the
    // call win, as it would over a network.
    await new Promise(resolve => setImmediate(resolve))
    signal?.throwIfAborted()
    if (this.#closing !== undefined) throw new TransportClosedError()
    const target = this.#network[kReach](this.nodeId, nodeId)
    return target[kAccept](this, protocol)
  }

  /** Destroys open streams (their peers see a reset), leaves the network. Same promise on every call. */
  close (): Promise<void> {
    this.#closing ??= this.#close()
    return this.#closing
  }

  async #close (): Promise<void> {
    this.#network[kLeave](this)
    this.#handlers.clear()
    const streams = [...this.#streams]
    // Destroyed without an error: the owner asked for this, so its own streams
    // just close; their peers did not, and get a reset — unless the peer is
    // this node too, having dialled itself.
    await Promise.all(streams.map(async stream => {
      if (stream.closed) return
      const closed = new Promise(resolve => stream.once('close', resolve))
      if (stream.remoteNode === this.nodeId) stream.sever()
      else stream.destroy()
      await closed
    }))
  }

  get [kStreams] (): Iterable<LoopbackStream> {
    return this.#streams
  }

  [kAccept] (dialer: LoopbackTransport, protocol: string): LoopbackStream {
    const handler = this.#handlers.get(protocol)
    if (handler === undefined) throw new NoHandlerError(`node ${this.nodeId} has no handler for ${protocol}`)
    const [dialerEnd, listenerEnd] = LoopbackStream.pair({
      dialer: dialer.nodeId,
      listener: this.nodeId,
      protocol,
      highWaterMark: this.#network.highWaterMark
    })
    dialer.#track(dialerEnd)
    this.#track(listenerEnd)
    try {
      handler(listenerEnd, dialer.nodeId)
    } catch {
      // A failing handler is the listener's fault; the dialer sees only a
      // reset, as it would from a remote node.
      listenerEnd.destroy()
    }
    return dialerEnd
  }

  #track (stream: LoopbackStream): void {
    this.#streams.add(stream)
    stream.once('close', () => this.#streams.delete(stream))
  }
}

/** One key per unordered pair; JSON so that no node id can forge another pair's key. */
function pairKey (a: string, b: string): string {
  return JSON.stringify(a < b ? [a, b] : [b, a])
}
