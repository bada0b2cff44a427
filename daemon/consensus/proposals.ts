import type { Clock } from '../../controller/clock/index.ts'
import type { Proposed, RaftNode } from '../../controller/raft/index.ts'
import type { Applied } from './forward.ts'
import type { Waiters } from './waiters.ts'

interface Queued {
  /** Clock time after which the caller hears ERR_UNAVAILABLE. */
  deadline: number
  resolve: (applied: Applied) => void
  reject: (err: unknown) => void
}

/**
 * Commands proposed on the leader since the driver loop last ran. The core
 * sends an append to every follower as soon as it is given entries, so
 * handing it each proposal on its own made an append (and an acknowledgement,
 * and a commit-index append) per proposal; the loop hands it all of them at
 * once instead, as one batch that travels in one append per follower.
 */
export class ProposalQueue {
  #datas: Uint8Array[] = []
  #queued: Queued[] = []

  /** Queues a command; settles once it is applied, or with why it was not proposed. */
  add (data: Uint8Array, deadline: number): Promise<Applied> {
    return new Promise((resolve, reject) => {
      this.#datas.push(data)
      this.#queued.push({ deadline, resolve, reject })
    })
  }

  /**
   * Proposes everything queued as one batch; each caller then waits for its
   * entry to apply. If the core refuses the batch (no longer leader, a
   * transfer under way) nothing was appended and every caller hears why.
   */
  flush (node: RaftNode, waiters: Waiters, clock: Clock): void {
    if (this.#datas.length === 0) return
    const datas = this.#datas
    const queued = this.#queued
    this.#datas = []
    this.#queued = []
    let placed: Proposed[]
    try {
      placed = node.proposeBatch(datas)
    } catch (err) {
      for (const q of queued) q.reject(err)
      return
    }
    const now = clock.now()
    for (let i = 0; i < placed.length; i++) {
      const { index, term } = placed[i]!
      const q = queued[i]!
      waiters.expect(index, term, clock, q.deadline - now, true, result => { q.resolve({ result: result!, index }) }, q.reject)
    }
  }

  /** Fails everything queued (the log is closing). */
  failAll (err: Error): void {
    const queued = this.#queued
    this.#datas = []
    this.#queued = []
    for (const q of queued) q.reject(err)
  }
}
