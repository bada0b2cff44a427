import type { Duplex } from 'node:stream'
import type { Transport } from './transport.ts'

/**
 * Two transports behind one: the control plane (libp2p) for everything, and
 * a bulk channel for the protocols whose bytes are many. A bulk dial that
 * finds no way (the peer runs no bulk channel, or its port is blocked) goes
 * over the control plane instead, so a grid of mixed versions, or a site
 * whose firewall passes only the mesh port, keeps working, only slower.
 * Handlers of bulk protocols listen on both.
 */
export class SplitTransport implements Transport {
  readonly nodeId: string
  readonly #control: Transport
  readonly #bulk: Transport
  readonly #bulkProtocols: ReadonlySet<string>
  readonly #onFallback: (peer: string, protocol: string, err: unknown) => void

  /** `onFallback`: told when a bulk dial went over the control plane, and why. */
  constructor (init: { control: Transport, bulk: Transport, bulkProtocols: Iterable<string>, onFallback?: (peer: string, protocol: string, err: unknown) => void }) {
    this.nodeId = init.control.nodeId
    this.#control = init.control
    this.#bulk = init.bulk
    this.#bulkProtocols = new Set(init.bulkProtocols)
    this.#onFallback = init.onFallback ?? (() => {})
  }

  handle (protocol: string, handler: (stream: Duplex, from: string) => void): void {
    this.#control.handle(protocol, handler)
    if (this.#bulkProtocols.has(protocol)) this.#bulk.handle(protocol, handler)
  }

  unhandle (protocol: string): void {
    this.#control.unhandle(protocol)
    this.#bulk.unhandle(protocol)
  }

  async dial (nodeId: string, protocol: string, options: { signal?: AbortSignal } = {}): Promise<Duplex> {
    if (!this.#bulkProtocols.has(protocol)) return await this.#control.dial(nodeId, protocol, options)
    try {
      return await this.#bulk.dial(nodeId, protocol, options)
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_UNREACHABLE' || options.signal?.aborted === true) throw err
      this.#onFallback(nodeId, protocol, err)
      return await this.#control.dial(nodeId, protocol, options)
    }
  }

  /** Closes both. */
  async close (): Promise<void> {
    await Promise.all([this.#bulk.close(), this.#control.close()])
  }
}
