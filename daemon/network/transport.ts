import type { Duplex } from 'node:stream'

/**
 * Carries byte streams between nodes: loopback (in one process) now, libp2p
 * next. Terminal forwarding, RPC and replication all ride on it, so they work
 * the same on one node, across a mesh, and in the simulator.
 * tests/daemon/network/transport-compliance.ts holds every implementation to this contract.
 */
export interface Transport {
  /** This node's id on the transport. */
  readonly nodeId: string
  /** Handles incoming streams for a protocol, e.g. `/trellis/terminal/1`. One handler per protocol: a second call replaces the first. */
  handle (protocol: string, handler: (stream: Duplex, from: string) => void): void
  /** Stops accepting streams for a protocol; open streams stay. A no-op for a protocol not handled. */
  unhandle (protocol: string): void
  /** Opens a stream to a node's handler. Rejects with ERR_UNREACHABLE or ERR_NO_HANDLER, and honours the signal. */
  dial (nodeId: string, protocol: string, options?: { signal?: AbortSignal }): Promise<Duplex>
  /** Destroys open streams and leaves the network; later dials reject with ERR_TRANSPORT_CLOSED. Returns the same promise every time. */
  close (): Promise<void>
}
