import type { Logger } from 'pino'
import { Periodic, type Clock } from '../../controller/clock/index.ts'
import type { ConfChange } from '../../controller/raft/index.ts'
import { nextMembershipChange } from '../../controller/voters/index.ts'
import type { CandidateState, MembershipDecision, VoterCandidate } from '../../controller/voters/index.ts'
import type { CatchUp } from './membership.ts'
import type { RaftCommandLogStatus } from './raft-command-log.ts'

/** What the loop reads of the grid's node directory (NodeDirectory fits). */
export interface MembershipDirectory {
  /** Every node known, with its failure-detector state and its advert (for the zone). */
  nodes(): ReadonlyArray<{ id: string, state: CandidateState, advert?: { zone: string } }>
  on(event: 'event', listener: (event: { type: string, peer: string }) => void): unknown
  off(event: 'event', listener: (event: { type: string, peer: string }) => void): unknown
}

/** What the loop uses of the Raft log (RaftCommandLog fits). */
export interface MembershipConsensus {
  status(): RaftCommandLogStatus
  catchUp(id: string): CatchUp | undefined
  proposeConfChange(change: ConfChange): Promise<void>
}

export interface MembershipLoopComponents {
  raft: MembershipConsensus
  directory: MembershipDirectory
  clock: Clock
  logger: Logger
  /** Whether the grid has parked a node: a parked node may be powered off at any time, so it is never made a voter. */
  parked?: (id: string) => boolean
}

export interface MembershipLoopInit {
  /** How often the leader re-evaluates without a directory event. Default 1000 ms. */
  intervalMs?: number
  /** Most voters. Default 5. */
  maxVoters?: number
  /** A voter down (or unknown to the directory) longer than this is replaced. Default 60 000 ms. */
  replaceAfterMs?: number
  /** This node's zone, used until its own advert shows in the directory. Default ''. */
  zone?: string
}

const DEFAULT_INTERVAL_MS = 1000 // ms
/** Long enough that a reboot or a brief partition does not cost a voter its seat. */
const DEFAULT_REPLACE_AFTER_MS = 60_000 // ms
/** Most changes made back to back in one round; the interval picks up the rest. */
const MAX_CHANGES_PER_ROUND = 8

/**
 * Keeps the Raft membership as the voter policy wants it. Runs on every
 * node: each keeps the down-since clock of every peer (so a new leader knows
 * how long a voter has been gone), and the leader alone, every `intervalMs`
 * and on each directory event, asks controller/voters for the next change
 * and proposes it, one at a time.
 */
export class MembershipLoop {
  readonly #c: MembershipLoopComponents
  readonly #logger: Logger
  readonly #intervalMs: number
  readonly #maxVoters: number | undefined
  readonly #replaceAfterMs: number
  readonly #zone: string
  /** Clock time each node was first seen down (or missing from the directory while a member). */
  readonly #downSince = new Map<string, number>()
  readonly #onEvent = (): void => { this.#rounds.poke() }
  readonly #rounds: Periodic
  #round: Promise<void> = Promise.resolve()
  #running = false
  #again = false
  #started = false
  #stopping: Promise<void> | undefined

  constructor (components: MembershipLoopComponents, init: MembershipLoopInit = {}) {
    this.#c = components
    this.#logger = components.logger.child({ component: 'raft-membership' })
    this.#intervalMs = init.intervalMs ?? DEFAULT_INTERVAL_MS
    this.#maxVoters = init.maxVoters
    this.#replaceAfterMs = init.replaceAfterMs ?? DEFAULT_REPLACE_AFTER_MS
    this.#zone = init.zone ?? ''
    // A burst of directory events makes one round.
    this.#rounds = new Periodic(
      { clock: components.clock, onError: err => { this.#logger.warn({ err }, 'membership round failed') } },
      { intervalMs: this.#intervalMs, aligned: true, run: async () => await this.evaluate() }
    )
  }

  /** Starts the periodic round and listens to the directory. Idempotent. */
  start (): void {
    if (this.#started || this.#stopping !== undefined) return
    this.#started = true
    this.#c.directory.on('event', this.#onEvent)
    this.#rounds.start()
  }

  /** Stops; waits for a proposal in flight to settle. Same promise every call. */
  stop (): Promise<void> {
    this.#stopping ??= (async () => {
      this.#c.directory.off('event', this.#onEvent)
      await this.#rounds.stop()
      await this.#round
    })()
    return this.#stopping
  }

  /**
   * One round: refresh the down clocks, and on the leader propose the
   * policy's changes until it has none (or one fails). Returns the changes
   * made. Rounds never overlap: a call during one asks for another after it.
   */
  async evaluate (): Promise<MembershipDecision[]> {
    if (this.#running) {
      this.#again = true
      await this.#round
      return []
    }
    this.#running = true
    const made: MembershipDecision[] = []
    const round = (async () => {
      do {
        this.#again = false
        for (let i = 0; i < MAX_CHANGES_PER_ROUND && this.#stopping === undefined; i++) {
          const d = this.#decide()
          if (d === undefined || !(await this.#propose(d))) break
          made.push(d)
        }
      } while (this.#again && this.#stopping === undefined)
    })()
    this.#round = round.finally(() => { this.#running = false })
    await this.#round
    return made
  }

  /** The policy's next change, or undefined (also off the leader). Updates the down clocks first. */
  #decide (): MembershipDecision | undefined {
    const raft = this.#c.raft
    const status = raft.status()
    const now = this.#c.clock.now()
    const known = new Map(this.#c.directory.nodes().map(n => [n.id, n]))
    const members = [...status.voters, ...status.learners]
    const nodes: VoterCandidate[] = []
    for (const id of new Set([...known.keys(), ...members, status.id])) {
      const entry = known.get(id)
      // A member the directory has never heard of counts as down: after a
      // restart it may be a machine that is gone for good.
      // A clean shutdown (restart, upgrade) is an absence, not a departure
      // from the grid: it is replaced after the same threshold as a crash.
      const seen = entry?.state === 'left' ? 'down' : entry?.state
      const state: CandidateState = id === status.id ? 'up' : seen ?? 'down'
      if (state === 'down') {
        if (!this.#downSince.has(id)) this.#downSince.set(id, now)
      } else {
        this.#downSince.delete(id)
      }
      const since = this.#downSince.get(id)
      nodes.push({
        id,
        state,
        zone: entry?.advert?.zone ?? (id === status.id ? this.#zone : ''),
        downForMs: since === undefined ? undefined : now - since,
        // Not caught up is what keeps a learner from promotion; a parked node stays a learner.
        caughtUp: this.#c.parked?.(id) === true ? false : raft.catchUp(id)?.caughtUp ?? false
      })
    }
    if (status.role !== 'leader') return undefined
    return nextMembershipChange({
      conf: { voters: status.voters, learners: status.learners },
      self: status.id,
      nodes,
      maxVoters: this.#maxVoters,
      replaceAfterMs: this.#replaceAfterMs,
      pendingChange: status.pendingConfChange
    })
  }

  /** Proposes one change; true once it applied. Failures are logged and left to the next round. */
  async #propose (d: MembershipDecision): Promise<boolean> {
    const change: ConfChange = { type: d.type, node: d.node }
    this.#logger.info({ change, reason: d.reason }, 'proposing membership change')
    try {
      await this.#c.raft.proposeConfChange(change)
      this.#logger.info({ change, reason: d.reason }, 'membership changed')
      return true
    } catch (err) {
      const code = (err as { code?: string } | null)?.code
      // Lost leadership, or the previous change is still committing: the next round sees the new state.
      const expected = code === 'ERR_NOT_LEADER' || code === 'ERR_CONF_CHANGE_PENDING' || code === 'ERR_RAFT_CLOSED'
      if (expected) this.#logger.debug({ err, change }, 'membership change not made')
      else this.#logger.warn({ err, change, reason: d.reason }, 'membership change failed')
      return false
    }
  }
}
