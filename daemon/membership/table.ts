/**
 * The membership table: how this node sees every peer, as a pure state
 * machine in the manner of etcd's raft. The driver feeds heartbeats, acks,
 * leaves and ticks through `step`, and acts on what comes back: events to
 * publish, probe requests to send. No clock, no timers, no randomness of its
 * own, so the simulator replays any run from its seed.
 *
 *   (new) ──heartbeat──▶ up ──phi ≥ suspectPhi──▶ suspect ──phi ≥ downPhi, suspect ≥ minSuspectMs──▶ down
 *                         ▲                          │                                                │
 *                         └─heartbeat / indirect-ack─┘                   heartbeat, incarnation ≥ ────┘ (rejoined)
 *   any ──left──▶ left (never judged again; a higher incarnation rejoins)
 */
import { PhiDetector } from './phi.ts'
import { chooseHelpers } from './probe.ts'
import { validateSettings } from './settings.ts'
import type { Rng } from '../../controller/random/index.ts'
import type { DetectorSettings } from './settings.ts'
import type {
  HeartbeatInput, IndirectAckInput, LeftInput, MembershipInput, PeerState, PeerView, ProbeRequest, StepOutput
} from './types.ts'

/** What a table needs: its settings, a seeded rng for helper choice, and its own id to ignore. */
export interface MembershipTableOptions {
  settings: DetectorSettings
  rng: Rng
  self?: string
}

interface Peer {
  id: string
  state: PeerState
  incarnation: number
  seq: number | undefined
  detector: PhiDetector
  suspectSince: number | undefined
  nextProbeAt: number
  since: number | undefined
  /** When a tick could next change this peer (a verdict or a probe), under what is known now; undefined: never; null: to be worked out. */
  judgeAt: number | undefined | null
}

/** One node's view of the grid. */
export class MembershipTable {
  readonly settings: Readonly<DetectorSettings>
  readonly #rng: Rng
  readonly #self: string | undefined
  readonly #peers = new Map<string, Peer>()
  #now = -Infinity
  #lastTick: number | undefined
  #graceTick = false

  constructor (options: MembershipTableOptions) {
    this.settings = Object.freeze({ ...validateSettings(options.settings) })
    this.#rng = options.rng
    this.#self = options.self
  }

  /** Applies one input; returns the transitions it caused and the probes to send. */
  step (input: MembershipInput): StepOutput {
    const out: StepOutput = { events: [], probes: [] }
    switch (input.type) {
      case 'heartbeat': this.#heartbeat(input, out); break
      case 'indirect-ack': this.#ack(input, out); break
      case 'left': this.#left(input, out); break
      case 'tick': this.#tick(input.now, input.due, out); break
    }
    return out
  }

  /**
   * The earliest time a tick could change anything (a peer turning suspect
   * or down, a probe falling due), if no other input comes first; undefined
   * when no peer is up or suspect. A driver may tick only then instead of
   * every tickMs: ticks before it return nothing. Phi grows with silence
   * alone, so the time is where it crosses the threshold; each peer's is
   * kept until an input about that peer changes it.
   */
  nextJudgementAt (): number | undefined {
    let next: number | undefined
    for (const p of this.#peers.values()) {
      if (p.judgeAt === null) p.judgeAt = this.#judgeAt(p)
      if (p.judgeAt !== undefined && (next === undefined || p.judgeAt < next)) next = p.judgeAt
    }
    return next
  }

  /** The state of `peer`, or undefined if it never heartbeated here. */
  state (peer: string): PeerState | undefined {
    return this.#peers.get(peer)?.state
  }

  /** When the peer last showed a sign of life (heartbeat or ack), by the table's clock. */
  lastHeard (peer: string): number | undefined {
    return this.#peers.get(peer)?.detector.lastSeen
  }

  /** phi of `peer` at `now`; 0 for peers not up or suspect. */
  phi (peer: string, now: number): number {
    const p = this.#peers.get(peer)
    return p !== undefined && (p.state === 'up' || p.state === 'suspect') ? p.detector.phi(now) : 0
  }

  /** Every known peer, in the order first seen. */
  peers (): PeerView[] {
    return [...this.#peers.values()].map(p => {
      const view: PeerView = { peer: p.id, state: p.state, incarnation: p.incarnation, lastSeen: p.detector.lastSeen ?? -Infinity }
      if (p.suspectSince !== undefined) view.suspectSince = p.suspectSince
      if (p.since !== undefined) view.since = p.since
      return view
    })
  }

  #heartbeat (hb: HeartbeatInput, out: StepOutput): void {
    if (hb.peer === this.#self) return
    this.#advance(hb.at)
    const p = this.#peers.get(hb.peer)
    if (p !== undefined) p.judgeAt = null
    if (p === undefined) {
      const fresh = this.#newPeer(hb.peer, hb.incarnation, hb.seq)
      fresh.detector.heartbeat(hb.at)
      this.#peers.set(hb.peer, fresh)
      out.events.push({ type: 'node-up', peer: hb.peer, at: hb.at, incarnation: hb.incarnation })
      return
    }
    // Older incarnations are packets from before a restart, still in flight.
    if (hb.incarnation < p.incarnation) return
    if (hb.incarnation === p.incarnation) {
      // Overtaken or relayed twice: nothing new, and it must not look like a fresh heartbeat.
      if (hb.seq !== undefined && p.seq !== undefined && hb.seq <= p.seq) return
      // A leave is final for its incarnation; only a restarted node comes back.
      if (p.state === 'left') return
    }
    const restarted = hb.incarnation > p.incarnation
    if (restarted || p.state === 'down' || p.state === 'left') {
      // The old rhythm (and the outage gap) says nothing about the new life: start from the estimate.
      const from = p.state
      this.#reset(p, hb.incarnation)
      p.seq = hb.seq
      p.detector.heartbeat(hb.at)
      out.events.push({ type: 'node-rejoined', peer: p.id, at: hb.at, incarnation: hb.incarnation, from })
      return
    }
    if (hb.seq !== undefined) p.seq = hb.seq
    p.detector.heartbeat(hb.at)
    if (p.state === 'suspect') this.#recover(p, hb.at, 'heartbeat', out)
  }

  #ack (ack: IndirectAckInput, out: StepOutput): void {
    this.#advance(ack.at)
    const p = this.#peers.get(ack.peer)
    // An ack carries no incarnation: it cannot tell a restarted node from a late answer,
    // so it may clear a suspicion but never undo a verdict.
    if (p === undefined || (p.state !== 'up' && p.state !== 'suspect')) return
    p.judgeAt = null
    p.detector.alive(ack.at)
    if (p.state === 'suspect') this.#recover(p, ack.at, 'indirect-ack', out)
  }

  #left (input: LeftInput, out: StepOutput): void {
    if (input.at !== undefined) this.#advance(input.at)
    const p = this.#peers.get(input.peer)
    if (p === undefined || p.state === 'left') return
    if (input.incarnation !== undefined && input.incarnation < p.incarnation) return
    const at = input.at ?? this.#now
    p.judgeAt = null
    p.state = 'left'
    p.since = at
    p.suspectSince = undefined
    out.events.push({ type: 'node-left', peer: p.id, at })
  }

  #tick (tickAt: number, due: number | undefined, out: StepOutput): void {
    this.#advance(tickAt)
    const now = this.#now
    const s = this.settings
    // After our own event loop stalled, timers run before the queued I/O is read
    // (Node runs the timers phase first), so every peer looks as silent as we were
    // blind. Judge nobody on that one tick; the queued heartbeats land before the
    // next. Only one tick in a row is excused, so a node that is always late still
    // judges (Cassandra skips verdicts after a local pause the same way).
    const previous = due !== undefined ? due - s.tickMs : this.#lastTick
    const paused = previous !== undefined && s.maxLocalPauseMs > 0 && now - previous > s.maxLocalPauseMs
    this.#graceTick = paused && !this.#graceTick
    this.#lastTick = now
    const judge = !this.#graceTick
    for (const p of this.#peers.values()) {
      if (p.state === 'up' || p.state === 'suspect') p.judgeAt = null
      if (p.state === 'up') {
        const phi = p.detector.phi(now)
        if (!judge || phi < s.suspectPhi) continue
        p.state = 'suspect'
        p.suspectSince = now
        out.events.push({ type: 'node-suspect', peer: p.id, at: now, phi })
        this.#probe(p, now, out)
      } else if (p.state === 'suspect') {
        const phi = p.detector.phi(now)
        const suspectFor = now - (p.suspectSince ?? now)
        if (judge && phi >= s.downPhi && suspectFor >= s.minSuspectMs) {
          p.state = 'down'
          p.since = now
          p.suspectSince = undefined
          out.events.push({ type: 'node-down', peer: p.id, at: now, phi, suspectForMs: suspectFor })
        } else if (now >= p.nextProbeAt) {
          this.#probe(p, now, out)
        }
      }
    }
  }

  #probe (p: Peer, now: number, out: StepOutput): void {
    const candidates: string[] = []
    for (const q of this.#peers.values()) if (q.state === 'up' && q.id !== p.id) candidates.push(q.id)
    const request: ProbeRequest = { peer: p.id, helpers: chooseHelpers(candidates, this.settings.indirectProbes, this.#rng) }
    out.probes.push(request)
    p.nextProbeAt = now + this.settings.probeIntervalMs
  }

  #judgeAt (p: Peer): number | undefined {
    const lastSeen = p.detector.lastSeen
    if (lastSeen === undefined) return undefined
    const s = this.settings
    if (p.state === 'up') return lastSeen + p.detector.silenceForPhi(s.suspectPhi)
    if (p.state !== 'suspect') return undefined
    const down = Math.max((p.suspectSince ?? this.#now) + s.minSuspectMs, lastSeen + p.detector.silenceForPhi(s.downPhi))
    return Math.min(down, p.nextProbeAt)
  }

  #recover (p: Peer, at: number, by: 'heartbeat' | 'indirect-ack', out: StepOutput): void {
    p.state = 'up'
    p.suspectSince = undefined
    out.events.push({ type: 'node-recovered', peer: p.id, at, by })
  }

  #newPeer (id: string, incarnation: number, seq: number | undefined): Peer {
    return {
      id,
      state: 'up',
      incarnation,
      seq,
      detector: new PhiDetector(this.settings),
      suspectSince: undefined,
      nextProbeAt: Infinity,
      since: undefined,
      judgeAt: null
    }
  }

  #reset (p: Peer, incarnation: number): void {
    p.state = 'up'
    p.incarnation = incarnation
    p.detector = new PhiDetector(this.settings)
    p.suspectSince = undefined
    p.nextProbeAt = Infinity
    p.since = undefined
    p.judgeAt = null
  }

  /** Time inside the table never runs backwards, whatever order inputs arrive in. */
  #advance (at: number): void {
    if (at > this.#now) this.#now = at
  }
}
