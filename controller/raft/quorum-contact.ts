import type { NodeId } from './types.ts'

/**
 * When this node last knew for certain that it reached a leader backed by
 * a quorum — what self-fencing needs — learnt from the heartbeats Raft sends
 * anyway instead of a read barrier of its own every check (each of which is
 * a heartbeat broadcast and a request and answer: most of an idle field
 * node's Raft traffic).
 *
 * Each heartbeat broadcast is a numbered round. A heartbeat also tells its
 * follower the newest round that both a quorum of voters and that follower
 * itself have answered. A follower that hears round c confirmed knows that
 * after it received round c its answer reached the leader and a quorum
 * stood behind the leader: the same proof a read barrier asked at that
 * moment would have given, so the contact is dated to when round c
 * arrived. The answer must be the follower's own: a node that hears the
 * leader but cannot reach it (a one-way cut) is as cut off as any.
 *
 * Times are the core's ticks; the driver turns them into clock time.
 */
export class LeaderRounds {
  #round = 0
  /** The tick each round not yet confirmed was sent at. */
  readonly #sentAt = new Map<number, number>()
  /** The newest round each peer has answered. */
  readonly #answered = new Map<NodeId, number>()
  #confirmed = 0
  /** The tick the confirmed round was sent at. */
  contact: number | undefined
  /** The tick each peer's newest answer arrived at: when the leader last heard it over Raft. */
  readonly answeredAt = new Map<NodeId, number>()

  /** Numbers a new heartbeat round sent at `tick`. */
  next (tick: number): number {
    this.#sentAt.set(++this.#round, tick)
    return this.#round
  }

  /** What a heartbeat to `peer` says was confirmed: the newest round a quorum and the peer have both answered. */
  confirmedFor (peer: NodeId): number {
    return Math.min(this.#confirmed, this.#answered.get(peer) ?? 0)
  }

  /** Counts `peer`'s answer to `round`, arrived at `tick`; returns true when that confirmed a newer round. */
  answer (peer: NodeId, round: number, voters: readonly NodeId[], self: NodeId, quorum: number, tick: number): boolean {
    if (round <= (this.#answered.get(peer) ?? 0) || round > this.#round) return false
    this.#answered.set(peer, round)
    this.answeredAt.set(peer, tick)
    const answered = voters.map(v => v === self ? this.#round : (this.#answered.get(v) ?? 0)).sort((a, b) => b - a)
    const confirmed = answered[quorum - 1] ?? 0
    if (confirmed <= this.#confirmed) return false
    this.#confirmed = confirmed
    this.contact = this.#sentAt.get(confirmed)
    for (const r of this.#sentAt.keys()) if (r < confirmed) this.#sentAt.delete(r)
    return true
  }
}

/** Rounds a follower remembers the arrival of, at most: a leader that confirms nothing for longer is no contact anyway. */
const HEARD_ROUNDS = 256

/** A follower's side: when each recent round of the current leader arrived, and the contact it proves. */
export class FollowerRounds {
  #leader: string | undefined
  /** Round → the tick it arrived at, for the current leader and term. */
  readonly #heard = new Map<number, number>()
  contact: number | undefined

  /** A heartbeat of `round` from `leader` in `term`, confirming `confirmed`, arrived at `tick`. */
  heard (leader: NodeId, term: number, round: number, confirmed: number, tick: number): void {
    const who = `${term}/${leader}`
    if (who !== this.#leader) {
      this.#leader = who
      this.#heard.clear()
    }
    if (round > 0 && !this.#heard.has(round)) this.#heard.set(round, tick)
    const at = this.#heard.get(confirmed)
    if (at !== undefined) {
      this.contact = Math.max(this.contact ?? at, at)
      for (const r of this.#heard.keys()) if (r < confirmed) this.#heard.delete(r)
    }
    if (this.#heard.size > HEARD_ROUNDS) this.#heard.delete(this.#heard.keys().next().value!)
  }
}
