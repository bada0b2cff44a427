import type { ConnectionGater, PeerId } from '@libp2p/interface'

/**
 * What this node does with a peer (docs/mesh-wire.md, admission):
 *
 * - `prove`: a connection with it starts limited to the join protocol, over
 *   which both sides prove they hold the grid key; then it carries
 *   everything.
 * - `refused`: a node removed from the grid: never dialled, and its
 *   connections are dropped as soon as the noise handshake has told who it
 *   is, whatever key it holds.
 */
export type Verdict = 'prove' | 'refused'

/** What the grid's replicated state says about a peer; a node outside any log knows of no removal. */
export interface AdmissionSource {
  /** True when the peer has been removed from the grid. */
  isRevoked(peer: string): boolean
}

const NO_ONE_REVOKED: AdmissionSource = { isRevoked: () => false }

/** The admission decisions of one node, from the replicated state's revocations. */
export class Admission {
  #source: AdmissionSource = NO_ONE_REVOKED

  /** Takes revocations from the replicated state from now on (the log starts after the mesh). */
  use (source: AdmissionSource): void {
    this.#source = source
  }

  /** The verdict on `peer` now. */
  verdict (peer: string): Verdict {
    return this.#source.isRevoked(peer) ? 'refused' : 'prove'
  }

  /**
   * The libp2p connection gater: a refused peer is never dialled, and its
   * connections are dropped once noise has told who it is. Everyone else
   * passes to the join protocol.
   */
  gater (): ConnectionGater {
    const refused = (peer: PeerId): boolean => this.verdict(peer.toString()) === 'refused'
    return {
      denyDialPeer: refused,
      denyInboundEncryptedConnection: refused,
      denyOutboundEncryptedConnection: refused
    }
  }
}
