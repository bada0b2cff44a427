import type { ConnectionGater, PeerId } from '@libp2p/interface'

/**
 * Who may hold a connection to this node (docs/mesh-wire.md, admission):
 *
 * - `member`: a node of the grid: every protocol.
 * - `join`: anyone else, for a few seconds, and only the join protocol, over
 *   which both sides prove they hold the grid key; once proved, the peer is
 *   a member for this process's life.
 * - `refused`: a node removed from the grid; its connections are refused
 *   after the noise handshake and never dialled, whatever key it holds.
 */
export type Verdict = 'member' | 'join' | 'refused'

/** What the grid's replicated state says about a peer; a node outside any log knows no one. */
export interface AdmissionSource {
  /** True when the replicated state counts the peer a member (a Raft voter or learner). */
  isMember(peer: string): boolean
  /** True when the peer has been removed from the grid. */
  isRevoked(peer: string): boolean
}

/** The verdict on a peer. Revocation wins over everything: a removed node stays out, key or no key. */
export function verdictOf (facts: { self: boolean, revoked: boolean, member: boolean, proven: boolean }): Verdict {
  if (facts.revoked) return 'refused'
  if (facts.self || facts.member || facts.proven) return 'member'
  return 'join'
}

const NO_ONE: AdmissionSource = { isMember: () => false, isRevoked: () => false }

/**
 * The admission decisions of one node: the replicated state's members and
 * revocations, and the peers that proved the grid key to it over the join
 * protocol (in memory: a restart asks them again, or finds them in the log).
 */
export class Admission {
  readonly #self: string
  readonly #proven = new Set<string>()
  #source: AdmissionSource = NO_ONE

  constructor (init: { self: string }) {
    this.#self = init.self
  }

  /** Takes members and revocations from the replicated state from now on (the log starts after the mesh). */
  use (source: AdmissionSource): void {
    this.#source = source
  }

  /** The verdict on `peer` now. */
  verdict (peer: string): Verdict {
    return verdictOf({ self: peer === this.#self, revoked: this.#source.isRevoked(peer), member: this.#source.isMember(peer), proven: this.#proven.has(peer) })
  }

  /** Records that `peer` proved the grid key to this node. */
  prove (peer: string): void {
    this.#proven.add(peer)
  }

  /**
   * The libp2p connection gater: a refused peer is never dialled, and its
   * connections are dropped once noise has told who it is. Joiners pass: the
   * host limits their connections to the join protocol.
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
