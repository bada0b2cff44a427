import type { Clock, Timer } from '../../controller/clock/index.ts'
import type { ApplyResult } from '../../controller/state/index.ts'
import { NotLeaderError, UnavailableError } from './errors.ts'

/**
 * A timeout for something a caller awaits. Built on clock.sleep rather than
 * setTimeout: the real clock unrefs its timers, and a process whose only
 * pending work is an awaited proposal must not exit under it.
 */
export function awaitedTimer (clock: Clock, ms: number, fn: () => void): Timer {
  const ac = new AbortController()
  clock.sleep(Math.max(ms, 0), ac.signal).then(fn, () => {})
  // With a reason of our own: abort() without one builds a DOMException and its stack, per proposal.
  return { cancel: () => { ac.abort(CANCELLED) } }
}

/** The reason a cancelled timer's sleep rejects with; nobody sees it. */
const CANCELLED = Symbol('cancelled')

/** Internal: a read-index round went unanswered (a leader change drops it); the barrier retries. */
class ReadTimeoutError extends Error {
  readonly code = 'ERR_READ_TIMEOUT'
  override name = 'ReadTimeoutError'
}

interface AppliedWaiter {
  index: number
  resolve: () => void
  reject: (err: unknown) => void
}

interface Pending<T> {
  resolve: (v: T) => void
  reject: (err: unknown) => void
  timer: Timer | undefined
}

/** A proposal waiting for its entry to apply. */
interface ProposalWaiter {
  resolve: (v: ApplyResult | undefined) => void
  reject: (err: unknown) => void
  term: number
  /** Clock time after which it fails. */
  deadline: number
  /** A command, which always applies with a result; not a membership change. */
  command: boolean
}

/**
 * Who waits for what in the driver: proposals for their index to apply,
 * reads for their read-index answer, barriers for the applied index to reach
 * a mark. Keeps the bookkeeping out of the loop.
 */
export class Waiters {
  readonly #proposals = new Map<number, ProposalWaiter>()
  readonly #reads = new Map<string, Pending<number>>()
  #applied: AppliedWaiter[] = []
  /**
   * One timer for every proposal's deadline, armed for the earliest: a timer
   * (and its abort signal) per proposal cost more than the rest of its
   * bookkeeping under load.
   */
  #expiry: { at: number, timer: Timer } | undefined

  /** How many callers wait for anything: proposals, read answers, the applied index. */
  get pending (): number {
    return this.#proposals.size + this.#reads.size + this.#applied.length
  }

  /** Waits for the entry proposed at (index, term) to apply; ERR_UNAVAILABLE after ms. */
  proposal (index: number, term: number, clock: Clock, ms: number): Promise<ApplyResult> {
    return this.#wait(index, term, clock, ms, true) as Promise<ApplyResult>
  }

  /** Waits for the membership change proposed at (index, term) to apply; ERR_UNAVAILABLE after ms. */
  async confChange (index: number, term: number, clock: Clock, ms: number): Promise<void> {
    await this.#wait(index, term, clock, ms, false)
  }

  #wait (index: number, term: number, clock: Clock, ms: number, command: boolean): Promise<ApplyResult | undefined> {
    return new Promise((resolve, reject) => {
      this.expect(index, term, clock, ms, command, resolve, reject)
    })
  }

  /**
   * proposal() without a promise of its own: `resolve` gets the entry's
   * result once it applies (a command's is never undefined), `reject` the
   * errors proposal() rejects with. For callers that already hold a promise.
   */
  expect (index: number, term: number, clock: Clock, ms: number, command: boolean, resolve: (v: ApplyResult | undefined) => void, reject: (err: unknown) => void): void {
    const deadline = clock.now() + Math.max(ms, 0)
    this.#proposals.set(index, { resolve, reject, term, deadline, command })
    this.#expireAt(clock, deadline)
  }

  /** Makes sure the expiry timer fires by `at`. */
  #expireAt (clock: Clock, at: number): void {
    if (this.#expiry !== undefined && this.#expiry.at <= at) return
    this.#expiry?.timer.cancel()
    this.#expiry = { at, timer: awaitedTimer(clock, at - clock.now(), () => { this.#expire(clock) }) }
  }

  /** Fails the proposals past their deadline and arms the timer for the next. */
  #expire (clock: Clock): void {
    this.#expiry = undefined
    const now = clock.now()
    let next = Infinity
    for (const [index, w] of this.#proposals) {
      if (w.deadline > now) { next = Math.min(next, w.deadline); continue }
      this.#proposals.delete(index)
      w.reject(new UnavailableError(`proposal at index ${index} not applied in time; outcome unknown`))
    }
    if (next < Infinity) this.#expireAt(clock, next)
  }

  /** Nothing left to expire: the timer goes (it would keep the process alive). */
  #proposalsGone (): void {
    if (this.#proposals.size > 0 || this.#expiry === undefined) return
    this.#expiry.timer.cancel()
    this.#expiry = undefined
  }

  /**
   * The entry at index applied with this term. A different term means the
   * proposal was overwritten by another leader and never committed: it fails
   * with a retryable ERR_NOT_LEADER. `err` set: the proposer fails with it.
   */
  settle (index: number, term: number, result: ApplyResult | undefined, err: unknown): void {
    const w = this.#proposals.get(index)
    if (w === undefined) return
    this.#proposals.delete(index)
    this.#proposalsGone()
    if (w.term !== term) w.reject(new NotLeaderError(null, 'proposal overwritten by a new leader'))
    else if (err !== undefined) w.reject(err)
    else if (w.command && result === undefined) w.reject(new UnavailableError(`entry at index ${index} carried no command`))
    else w.resolve(result)
  }

  /** Fails proposals at or below index (their entries were replaced by a snapshot). */
  failUpTo (index: number, makeError: () => Error): void {
    for (const [i, w] of this.#proposals) {
      if (i > index) continue
      this.#proposals.delete(i)
      w.reject(makeError())
    }
    this.#proposalsGone()
  }

  /** Waits for the read-index answer tagged context; a retryable timeout after ms. */
  read (context: Uint8Array, clock: Clock, ms: number): Promise<number> {
    const key = Buffer.from(context).toString('hex')
    return new Promise((resolve, reject) => {
      const timer = awaitedTimer(clock, ms, () => {
        this.#reads.delete(key)
        reject(new ReadTimeoutError('read index not confirmed in time'))
      })
      this.#reads.set(key, { resolve, reject, timer })
    })
  }

  /** The core confirmed the read tagged context at index. */
  readDone (context: Uint8Array, index: number): void {
    const key = Buffer.from(context).toString('hex')
    const w = this.#reads.get(key)
    if (w === undefined) return
    this.#reads.delete(key)
    w.timer?.cancel()
    w.resolve(index)
  }

  /**
   * Resolves once appliedTo() reports index or beyond; ERR_UNAVAILABLE with
   * `why` after ms. The timer also keeps the process alive while a caller
   * waits: the entries may only come with the next heartbeat, on an unref'd tick.
   */
  applied (index: number, current: number, clock: Clock, ms: number, why: string): Promise<void> {
    if (current >= index) return Promise.resolve()
    return new Promise((resolve, reject) => {
      const w: AppliedWaiter = { index, resolve: () => { timer.cancel(); resolve() }, reject: err => { timer.cancel(); reject(err) } }
      const timer = awaitedTimer(clock, ms, () => {
        this.#applied = this.#applied.filter(x => x !== w)
        reject(new UnavailableError(why))
      })
      this.#applied.push(w)
    })
  }

  /** The state machine has applied up to index. */
  appliedTo (index: number): void {
    if (this.#applied.length === 0) return
    const keep: AppliedWaiter[] = []
    for (const w of this.#applied) {
      if (w.index <= index) w.resolve()
      else keep.push(w)
    }
    this.#applied = keep
  }

  /** Fails everything waiting (the log is closing). */
  failAll (err: Error): void {
    for (const w of this.#proposals.values()) w.reject(err)
    for (const w of this.#reads.values()) { w.timer?.cancel(); w.reject(err) }
    for (const w of this.#applied) w.reject(err)
    this.#proposals.clear()
    this.#proposalsGone()
    this.#reads.clear()
    this.#applied = []
  }
}
