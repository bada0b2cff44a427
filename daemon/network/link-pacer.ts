/**
 * Paces a bulk transfer (a volume rebuild or catch-up, an image fetch) at a
 * share of what the path to one peer delivers, measured from the transfer
 * itself, so that a radio link of tens of kbit/s to a few Mbit/s keeps room
 * for the grid's own control traffic (heartbeats, Raft) however big the copy.
 *
 * The transfer goes as pieces; each is reserved (`reserve`, or `slot` with
 * the waiting done), marked as it leaves (`sent`/`leaving`) and acknowledged
 * (`acked`/`done`: the peer answered it). From those two
 * times the pacer takes, after BBR's delivery-rate estimate, one sample per
 * acknowledgement:
 *
 *   rate = bytes acknowledged since the piece was sent
 *          / (now − time of the last acknowledgement before it was sent)
 *
 * (the send time itself when nothing was in flight), or over the time the
 * pieces took to send if that is longer (BBR's guard against answers that
 * arrive bunched). A sample spanning less than one first train (probePieces
 * smallest pieces) and less than 50 ms is dropped: a few packets cross a
 * shaper's burst or a radio's frame aggregation faster than the link runs.
 * Pieces are small (`pieceMs`, 25 ms of the link) because in a FIFO queue
 * whatever else crosses the link waits behind a whole piece. The estimate is the
 * largest sample of the last `windowMs`: a transfer paced below capacity only
 * measures its own pace, so the maximum holds what a probe found, and it
 * ages out, so a link that got slower is believed within one window.
 *
 *   reserve ─▶ probe due? ─yes─▶ go now (a short unpaced train)
 *                  └─no──▶ go at the next slot: share × estimate × backoff, ≤ ceiling
 *   acked  ─▶ delivery sample ─▶ max over window = estimate
 *          └▶ queueing delay (round trip − piece/estimate − the window's least) ─▶ backoff
 *
 * Probing: every `probeEveryMs` (and at once until three trains in a row
 * did not raise the estimate by a quarter: a fast link is found in a few
 * round trips) `probePieces` pieces go back to back; they are still charged to the
 * pace, so the average stays at the share. A probe costs the link a burst of
 * about `probePieces × pieceMs` of its time (100 ms by default), the price
 * of an estimate that can rise.
 *
 * Delay: a paced piece whose round trip exceeds the path's least by more than
 * `queueSlackMs` (less what its own bytes take at the estimate) found a queue
 * some other traffic built; the pace halves (down to 1/16), at most once per
 * `queueSlackMs`, and doubles back per 2 s of undelayed answers. Probe
 * pieces queue behind each other by design and are not judged.
 *
 * Why this and not TCP's own congestion control: TCP fills the bottleneck's
 * queue before it backs off, and on a radio that queue is seconds long; every
 * Raft message on the same connection waits behind it.
 */
import type { Clock } from '../../controller/clock/index.ts'

/** What the pacer reads of a clock. */
export type PacerClock = Pick<Clock, 'now' | 'sleep'>

/** How a LinkPacer paces. */
export interface LinkPacerInit {
  /** Never faster than this, bytes per second; 0 for no ceiling. */
  ceilingBytesPerSecond: number
  /** Share of the measured rate the transfer may use, 0 < share ≤ 1. Default 0.5. */
  share?: number
  /** How long a delivery sample (and a round trip) counts, ms. Default 20 s. */
  windowMs?: number
  /** Gap between probes once the estimate stopped rising, ms. Default 8 s. */
  probeEveryMs?: number
  /** Pieces in a probe train. Default 4. */
  probePieces?: number
  /** Link time one piece should take at the estimate, ms (pieceBytes): a FIFO queue holds whatever else crosses the link this long behind a piece. Default 25 ms. */
  pieceMs?: number
  /** Smallest and largest piece, bytes. Defaults 4 KiB and 1 MiB. */
  minPieceBytes?: number
  maxPieceBytes?: number
  /** Queueing delay past which a piece counts as delayed, ms. Default 200 ms. */
  queueSlackMs?: number
}

/** One piece on its way, handed back to `acked`. */
export interface PieceTicket {
  /** What the piece carries; a caller that finds it sends less than it reserved lowers it before leaving. */
  bytes: number
  sentAt: number
  /** Bytes acknowledged, and when the last of them was, as the piece went. */
  delivered: number
  deliveredAt: number
  /** When the last piece acknowledged before this one went was sent (the start of its send interval). */
  firstSentAt: number
  probe: boolean
  /** Whether its round trip may count as a sign of queueing. */
  judged: boolean
}

/** What the pacer believes now, for logs and metrics. */
export interface PacerView {
  /** Measured delivery rate, bytes per second; 0 before the first sample. */
  estimate: number
  /** The pace pieces go at now, bytes per second (unmeasured: one smallest piece per pieceMs, or the ceiling if lower). */
  rate: number
  backoff: number
  /** Times the pace has halved since the pacer was made: each a piece that came back late, behind a queue or a stalled host. */
  halvings: number
  minRttMs: number
}

const KiB = 1024 // bytes
const DEFAULT_SHARE = 0.5
const DEFAULT_WINDOW_MS = 20_000 // ms
const DEFAULT_PROBE_EVERY_MS = 8000 // ms
const DEFAULT_PROBE_PIECES = 4
const DEFAULT_PIECE_MS = 25 // ms
const DEFAULT_MIN_PIECE = 4 * KiB // bytes
const DEFAULT_MAX_PIECE = 1024 * KiB // bytes
const DEFAULT_QUEUE_SLACK_MS = 200 // ms
/** A probe that raised the estimate by this factor is followed by another at once. */
const STARTUP_GROWTH = 1.25
/** Trains in a row without that growth before probing slows to every probeEveryMs. */
const FLAT_TRAINS = 3
const MIN_BACKOFF = 1 / 16
/** A sample spanning this long counts however few bytes it holds, ms. */
const MIN_SAMPLE_MS = 50 // ms
/** An undelayed stretch this long doubles a backed-off pace, ms. */
const RECOVER_MS = 2000 // ms

interface Sample { at: number, value: number }

/** Pure given the times passed to reserve and acked; `send` adds the sleeping. */
export class LinkPacer {
  readonly #clock: PacerClock
  readonly #ceiling: number // bytes per ms; Infinity for none
  readonly #share: number
  readonly #windowMs: number
  readonly #probeEveryMs: number
  readonly #probePieces: number
  readonly #pieceMs: number
  readonly #minPiece: number
  readonly #maxPiece: number
  readonly #slackMs: number
  /** Bytes a delivery sample must span to count. */
  readonly #minSample: number
  /** Decreasing rates (bytes per ms), oldest first: the front is the window's maximum. */
  readonly #rates: Sample[] = []
  /** Increasing queueing baselines (ms), oldest first: the front is the window's minimum. */
  readonly #rtts: Sample[] = []
  #delivered = 0
  #deliveredAt = 0
  /** Send time of the piece acknowledged last. */
  #firstSentAt = 0
  #inFlight = 0
  #nextSendAt = -Infinity
  #probeLeft = 0
  /** Probe pieces sent and not yet answered or lost. */
  #probing = 0
  #probeDueAt = -Infinity
  /** slot calls waiting for the first train's answers. */
  readonly #waiting: Array<() => void> = []
  #estimateBeforeProbe = 0
  #flatTrains = 0
  /** The back-off right after the last halving; it doubles back per RECOVER_MS since (by time: at a low pace pieces are seconds apart). */
  #backoffAtHalving = 1
  #backedOffAt = -Infinity
  #halvings = 0

  constructor (clock: PacerClock, init: LinkPacerInit) {
    const share = init.share ?? DEFAULT_SHARE
    if (!(share > 0 && share <= 1)) throw new RangeError(`share must be in (0, 1], not ${share}`)
    if (!(init.ceilingBytesPerSecond >= 0)) throw new RangeError(`ceilingBytesPerSecond must be >= 0, not ${init.ceilingBytesPerSecond}`)
    this.#clock = clock
    this.#ceiling = init.ceilingBytesPerSecond === 0 ? Infinity : init.ceilingBytesPerSecond / 1000
    this.#share = share
    this.#windowMs = init.windowMs ?? DEFAULT_WINDOW_MS
    this.#probeEveryMs = init.probeEveryMs ?? DEFAULT_PROBE_EVERY_MS
    this.#probePieces = init.probePieces ?? DEFAULT_PROBE_PIECES
    this.#pieceMs = init.pieceMs ?? DEFAULT_PIECE_MS
    this.#minPiece = init.minPieceBytes ?? DEFAULT_MIN_PIECE
    this.#maxPiece = init.maxPieceBytes ?? DEFAULT_MAX_PIECE
    this.#slackMs = init.queueSlackMs ?? DEFAULT_QUEUE_SLACK_MS
    this.#minSample = this.#probePieces * this.#minPiece
  }

  /** Bytes the next piece should carry: `pieceMs` of link at the estimate, within the bounds. */
  pieceBytes (now = this.#clock.now()): number {
    const est = this.#estimate(now)
    const pace = est === 0 ? 0 : Math.min(this.#ceiling, est)
    return Math.round(Math.min(this.#maxPiece, Math.max(this.#minPiece, pace * this.#pieceMs)))
  }

  /** Reserves the next slot for a piece of `bytes`: after `waitMs` it may go; hand the ticket to acked once answered. */
  reserve (bytes: number, now: number): { waitMs: number, ticket: PieceTicket } {
    const est = this.#estimate(now)
    // Unmeasured, one train at a time: pieces while it is out go at the cautious unmeasured pace.
    const due = est === 0 ? this.#probing === 0 : now >= this.#probeDueAt
    if (this.#probeLeft === 0 && due) {
      // About probePieces × pieceMs of link; fewer (at least 2) when pieces are at their smallest on a slow link.
      const worth = est * this.#probePieces * this.#pieceMs / this.pieceBytes(now)
      this.#probeLeft = est === 0 ? this.#probePieces : Math.min(this.#probePieces, Math.max(2, Math.floor(worth)))
      this.#estimateBeforeProbe = est
      this.#probeDueAt = Infinity // set when the probe's last piece is answered
    }
    const rate = this.#rate(est, now)
    let at = Math.max(this.#nextSendAt, now)
    const probe = this.#probeLeft > 0
    if (probe) {
      this.#probeLeft--
      this.#probing++
      at = now
    }
    // Charged either way, so a probe's burst is paid back by a pause after it.
    if (rate > 0) this.#nextSendAt = Math.max(this.#nextSendAt, now) + bytes / rate
    return { waitMs: at - now, ticket: { bytes, sentAt: at, delivered: 0, deliveredAt: 0, firstSentAt: at, probe, judged: false } }
  }

  /** Marks a reserved piece as leaving now (after its wait). */
  sent (ticket: PieceTicket, now: number): void {
    ticket.sentAt = now
    // A paced piece that leaves while a train drains queues behind it by design: it is not judged for delay.
    ticket.judged = !ticket.probe && this.#probing === 0
    // Idle before it: its sample starts at its own send, not at an old acknowledgement.
    if (this.#inFlight === 0) {
      this.#deliveredAt = now
      this.#firstSentAt = now
    }
    ticket.delivered = this.#delivered
    ticket.deliveredAt = this.#deliveredAt
    ticket.firstSentAt = this.#firstSentAt
    this.#inFlight++
  }

  /** The peer answered the piece: one delivery sample, one round trip. */
  acked (ticket: PieceTicket, now: number): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1)
    this.#delivered += ticket.bytes
    this.#deliveredAt = now
    this.#firstSentAt = ticket.sentAt
    // The longer of the ack and the send intervals (BBR's guard): answers that arrive bunched (a peer's Nagle, a busy event loop) would otherwise read as a fast link.
    const interval = Math.max(now - ticket.deliveredAt, ticket.sentAt - ticket.firstSentAt)
    const since = this.#delivered - ticket.delivered
    // A sample of a few packets over a few ms reads a shaper's burst or a radio's aggregation as the link's rate: it must span a
    // whole first train or a long enough time.
    if (interval > 0 && (since >= this.#minSample || interval >= MIN_SAMPLE_MS)) push(this.#rates, { at: now, value: since / interval }, (a, b) => a <= b)
    const est = this.#estimate(now)
    const rtt = now - ticket.sentAt
    // What the piece's own bytes take is not queueing; what remains is the path's latency plus any queue.
    const queued = est > 0 ? Math.max(0, rtt - ticket.bytes / est) : rtt
    if (ticket.judged) {
      const least = this.#leastRtt(now)
      if (least !== undefined && queued - least > this.#slackMs && now - this.#backedOffAt >= this.#slackMs) {
        this.#backoffAtHalving = Math.max(MIN_BACKOFF, this.#backoffAt(now) / 2)
        this.#backedOffAt = now
        this.#halvings++
      }
      push(this.#rtts, { at: now, value: queued }, (a, b) => a >= b)
    } else if (ticket.probe) {
      // The first piece of a train queues behind nothing: a fair baseline.
      if (ticket.delivered === 0 || this.#rtts.length === 0) push(this.#rtts, { at: now, value: queued }, (a, b) => a >= b)
      this.#probeEnded(now, est)
    }
  }

  /** After a train's last answer: probe again at once while the estimate still grows, else after probeEveryMs. */
  #probeEnded (now: number, est: number): void {
    this.#probing = Math.max(0, this.#probing - 1)
    if (this.#probing === 0) for (const wake of this.#waiting.splice(0)) wake()
    if (this.#probeLeft > 0 || this.#probing > 0 || this.#probeDueAt !== Infinity) return
    const before = this.#estimateBeforeProbe
    // As BBR leaves its startup: only after several trains in a row found no quarter more (one can be a fluke of a busy host).
    if (before === 0 || est >= before * STARTUP_GROWTH) this.#flatTrains = 0
    else this.#flatTrains++
    this.#probeDueAt = this.#flatTrains < FLAT_TRAINS ? now : now + this.#probeEveryMs
  }

  /** Waits for the piece's slot; call leaving(ticket) as it goes and done or lost once it is answered. */
  async slot (bytes: number, signal?: AbortSignal): Promise<PieceTicket> {
    // Nothing measured yet and the first train out: wait for its answers rather than guess a pace.
    while (this.#estimate(this.#clock.now()) === 0 && this.#probeLeft === 0 && this.#probing > 0) await this.#trainAnswered(signal)
    const { waitMs, ticket } = this.reserve(bytes, this.#clock.now())
    try {
      if (waitMs > 0) await this.#clock.sleep(Math.ceil(waitMs), signal)
      else signal?.throwIfAborted()
    } catch (err) {
      // Never sent: a probe piece must not hold the train open.
      if (ticket.probe) this.#probeEnded(this.#clock.now(), this.#estimate(this.#clock.now()))
      throw err
    }
    return ticket
  }

  #trainAnswered (signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      signal?.throwIfAborted()
      const onAbort = (): void => {
        const at = this.#waiting.indexOf(wake)
        if (at >= 0) this.#waiting.splice(at, 1)
        reject(signal?.reason)
      }
      const wake = (): void => { signal?.removeEventListener('abort', onAbort); resolve() }
      this.#waiting.push(wake)
      signal?.addEventListener('abort', onAbort, { once: true })
    })
  }

  /** sent at the clock's now: the piece goes on the wire (a lock it waited for is not link time). */
  leaving (ticket: PieceTicket): void {
    this.sent(ticket, this.#clock.now())
  }

  /** slot and leaving in one, for a caller with nothing to wait for in between. */
  async send (bytes: number, signal?: AbortSignal): Promise<PieceTicket> {
    const ticket = await this.slot(bytes, signal)
    this.leaving(ticket)
    return ticket
  }

  /** acked at the clock's now. */
  done (ticket: PieceTicket): void {
    this.acked(ticket, this.#clock.now())
  }

  /** Tells a piece that was never answered (a failed request) or never left: it gives no sample. */
  lost (ticket: PieceTicket, left = true): void {
    if (left) this.#inFlight = Math.max(0, this.#inFlight - 1)
    if (ticket.probe) this.#probeEnded(this.#clock.now(), this.#estimate(this.#clock.now()))
  }

  /** What the pacer believes at `now`. */
  view (now = this.#clock.now()): PacerView {
    const est = this.#estimate(now)
    return { estimate: est * 1000, rate: this.#rate(est, now) * 1000, backoff: this.#backoffAt(now), halvings: this.#halvings, minRttMs: this.#leastRtt(now) ?? 0 }
  }

  /** The pace for an estimate, bytes per ms. */
  #rate (est: number, now: number): number {
    if (est === 0) return Math.min(this.#ceiling, this.#minPiece / this.#pieceMs)
    return Math.min(this.#ceiling, est * this.#share * this.#backoffAt(now))
  }

  #backoffAt (now: number): number {
    return Math.min(1, this.#backoffAtHalving * 2 ** (Math.max(0, now - this.#backedOffAt) / RECOVER_MS))
  }

  #estimate (now: number): number {
    expire(this.#rates, now - this.#windowMs)
    return this.#rates[0]?.value ?? 0
  }

  #leastRtt (now: number): number | undefined {
    expire(this.#rtts, now - this.#windowMs)
    return this.#rtts[0]?.value
  }
}

/** Appends to a monotonic queue: samples the new one dominates (`beaten(old, new)`) leave first, so the front is the extreme. */
function push (q: Sample[], s: Sample, beaten: (old: number, next: number) => boolean): void {
  while (q.length > 0 && beaten(q[q.length - 1]!.value, s.value)) q.pop()
  q.push(s)
}

function expire (q: Sample[], before: number): void {
  while (q.length > 0 && q[0]!.at < before) q.shift()
}

/** One pacer per peer node, made on first use; transfers to the same peer share its estimate and its pace. */
export class LinkPacers {
  readonly #clock: PacerClock
  readonly #init: LinkPacerInit
  readonly #pacers = new Map<string, LinkPacer>()

  constructor (clock: PacerClock, init: LinkPacerInit) {
    this.#clock = clock
    this.#init = init
    // Checked now, so a bad setting fails at start rather than at the first transfer.
    void new LinkPacer(clock, init)
  }

  /** The pacer of the link to `node`. */
  for (node: string): LinkPacer {
    let p = this.#pacers.get(node)
    if (p === undefined) {
      p = new LinkPacer(this.#clock, this.#init)
      this.#pacers.set(node, p)
    }
    return p
  }
}
