import type { ConfChange, ConfState, Entry, NodeId } from './types.ts'

/** True if id votes in elections and counts towards commit. */
export function isVoter (conf: ConfState, id: NodeId): boolean {
  return conf.voters.includes(id)
}

/** True if id receives the log (voter or learner). */
export function isMember (conf: ConfState, id: NodeId): boolean {
  return conf.voters.includes(id) || conf.learners.includes(id)
}

/** Every member, voters first, each list sorted: the order the leader visits peers in. */
export function members (conf: ConfState): NodeId[] {
  return conf.learners.length === 0 ? conf.voters : conf.voters.concat(conf.learners)
}

/** Votes needed for a majority of the voters. */
export function quorum (conf: ConfState): number {
  return Math.floor(conf.voters.length / 2) + 1
}

/** Why a change does not apply to conf, or null if it does. */
export function checkConfChange (conf: ConfState, change: ConfChange): string | null {
  const voter = isVoter(conf, change.node)
  const learner = conf.learners.includes(change.node)
  switch (change.type) {
    case 'add-voter':
    case 'add-learner':
      return voter || learner ? `${change.node} is already a member` : null
    case 'promote':
      return learner ? null : `${change.node} is not a learner`
    case 'remove':
      if (!voter && !learner) return `${change.node} is not a member`
      return voter && conf.voters.length === 1 ? 'cannot remove the last voter' : null
    default:
      return 'unknown change type'
  }
}

/**
 * The membership after change. A change that does not apply leaves conf as
 * it is: every node replays the same log, so every node ignores it alike.
 */
export function applyConfChange (conf: ConfState, change: ConfChange): ConfState {
  if (checkConfChange(conf, change) !== null) return conf
  const without = (list: NodeId[]): NodeId[] => list.filter(id => id !== change.node)
  const sorted = (list: NodeId[]): NodeId[] => [...list, change.node].sort()
  switch (change.type) {
    case 'add-voter': return { voters: sorted(conf.voters), learners: conf.learners }
    case 'add-learner': return { voters: conf.voters, learners: sorted(conf.learners) }
    case 'promote': return { voters: sorted(conf.voters), learners: without(conf.learners) }
    case 'remove': return { voters: without(conf.voters), learners: without(conf.learners) }
  }
}

/**
 * The membership at every point of the log after the snapshot. A change
 * takes effect when appended (Raft thesis §4.1), so a truncated log must fall
 * back to the membership before the removed entries: hence the history, not
 * just the latest value.
 */
export class ConfHistory {
  /** Membership at baseIndex (the snapshot's). */
  #base: { index: number, conf: ConfState }
  /** One element per conf-change entry after baseIndex, in index order. */
  #changes: Array<{ index: number, conf: ConfState }> = []

  constructor (baseIndex: number, conf: ConfState) {
    this.#base = { index: baseIndex, conf }
  }

  /** The membership in force now (as of the last entry). */
  current (): ConfState {
    return this.#changes.length === 0 ? this.#base.conf : this.#changes[this.#changes.length - 1]!.conf
  }

  /** The membership in force at index (which must not precede the base). */
  at (index: number): ConfState {
    for (let i = this.#changes.length - 1; i >= 0; i--) {
      if (this.#changes[i]!.index <= index) return this.#changes[i]!.conf
    }
    return this.#base.conf
  }

  /** Index of the latest conf-change entry, or the base index if none follows it. */
  lastChangeIndex (): number {
    return this.#changes.length === 0 ? this.#base.index : this.#changes[this.#changes.length - 1]!.index
  }

  /** Forgets changes at or after index (the log was truncated there). */
  truncateFrom (index: number): void {
    while (this.#changes.length > 0 && this.#changes[this.#changes.length - 1]!.index >= index) this.#changes.pop()
  }

  /** Records the changes among newly appended entries. */
  appendEntries (ents: readonly Entry[]): void {
    for (const e of ents) {
      if (e.type === 'conf-change') this.#changes.push({ index: e.index, conf: applyConfChange(this.current(), e.change) })
    }
  }

  /** Moves the base to index (a snapshot was taken there). */
  compactTo (index: number): void {
    if (index <= this.#base.index) return
    const conf = this.at(index)
    this.#changes = this.#changes.filter(c => c.index > index)
    this.#base = { index, conf }
  }

  /** Starts over from a snapshot. */
  reset (index: number, conf: ConfState): void {
    this.#base = { index, conf }
    this.#changes = []
  }
}
