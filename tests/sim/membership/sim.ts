/**
 * A seeded simulation of the membership layer on virtual time: N nodes, each
 * with its own MembershipTable, heartbeating through a lossy, jittery channel,
 * probing suspects through helpers, with busy nodes whose event loops stall
 * and a node killed (and perhaps restarted) at a given time. No timers: the
 * agenda is drained in time order, so a run is a pure function of its options
 * and thousands of simulated seconds take a fraction of a real one.
 *
 * Heartbeats travel as gossipsub carries an advert: the origin sends to every
 * peer and, with `relay`, each node forwards the first copy it hears to every
 * peer but the origin and the sender. A node hears a heartbeat if any path
 * delivered it, at the first arrival; the table drops later copies by seq.
 */
import { Agenda, CONTROL, IO, TIMER } from './sim-queue.ts'
import { StallSchedule } from './sim-stalls.ts'
import { mulberry32 } from '../../../controller/random/index.ts'
import { MembershipTable } from '../../../daemon/membership/table.ts'
import type { Rng } from '../../../controller/random/index.ts'
import type { DetectorSettings } from '../../../daemon/membership/settings.ts'
import type { StallOptions } from './sim-stalls.ts'
import type { StepOutput } from '../../../daemon/membership/types.ts'

/** The network between every pair of nodes. */
export interface ChannelOptions {
  /** Chance that any one message is lost (0–1), independently. */
  lossRate: number
  /** Fixed one-way delay (ms). */
  latencyMs: number
  /** Extra one-way delay, uniform in [0, jitterMs). */
  jitterMs: number
  /** Nodes forward heartbeats they hear (gossip); false: only the origin's own send counts. */
  relay: boolean
  /**
   * Model a stream transport (TCP, as libp2p uses) instead of datagrams: a
   * lost message is not dropped but sent again after a retransmission
   * timeout that doubles with every loss, and messages on one link arrive
   * in order, so a retransmission holds back everything behind it. Loss
   * turns into late, bunched arrivals. Value: the first timeout (ms).
   */
  streamRtoMs?: number
}

/** A switched LAN. */
export const CLEAN_LAN: Readonly<ChannelOptions> = Object.freeze({ lossRate: 0, latencyMs: 0.3, jitterMs: 2, relay: true })
/** The field mesh at its worst: 30 % loss and 500 ms of jitter on every hop. */
export const LOSSY_FIELD: Readonly<ChannelOptions> = Object.freeze({ lossRate: 0.3, latencyMs: 20, jitterMs: 500, relay: true })

/** One simulated run. */
export interface SimOptions {
  seed: number
  settings: DetectorSettings
  /** Number of nodes, named n0, n1, … */
  nodes: number
  durationMs: number
  channel: ChannelOptions
  /** Nodes (by index) whose event loops stall. */
  busy?: Array<{ node: number, stalls: StallOptions }>
  /** A node killed (kill -9) at atMs, and optionally restarted with a higher incarnation. */
  kill?: { node: number, atMs: number, restartAtMs?: number }
  /** Send indirect probes when a table asks for them (default true). */
  probes?: boolean
  /** Called for every message a live node takes in, when it takes it in (after any stall); for tests and traces. */
  onDeliver?: (delivery: Delivery) => void
}

/** One message taken in by a node. `seq` is the heartbeat counter for heartbeats, 0 otherwise. */
export interface Delivery {
  kind: 'hb' | 'probe-req' | 'ping' | 'ping-ack' | 'probe-ack'
  from: string
  to: string
  origin: string
  seq: number
  at: number
}

/** A node-down verdict seen in a run. */
export interface Verdict {
  observer: string
  peer: string
  at: number
}

/** What happened in a run. */
export interface SimResult {
  seed: number
  /** Every node-down verdict, in time order. */
  downs: Verdict[]
  /** Verdicts against nodes that were alive: the thing that must never happen. */
  falseDowns: Verdict[]
  /** node-suspect events against live nodes: harmless, but the cost of loss and stalls. */
  falseSuspects: number
  /** For the killed node: each observer's detection time (ms after the kill). */
  detections: Array<{ observer: string, afterMs: number }>
  /** Observers alive throughout that never declared the killed node down. */
  undetected: string[]
  /** node-rejoined events for the killed node after its restart. */
  rejoins: Verdict[]
  /** Messages put on the wire (before loss). */
  messages: number
}

type Kind = 'send' | 'tick' | 'hb' | 'probe-req' | 'ping' | 'ping-ack' | 'probe-ack' | 'kill' | 'restart'

interface SimEvent {
  at: number
  cls: number
  seq: number
  kind: Kind
  to: number
  from: number
  /** hb: the heartbeat's origin; probes: the suspect. */
  subject: number
  /** hb: the origin's incarnation; timers: the incarnation that set them. */
  inc: number
  /** hb: the heartbeat counter; probes: the node that asked. */
  n: number
}

interface SimNode {
  id: string
  alive: boolean
  incarnation: number
  seq: number
  table: MembershipTable
  /** Highest (incarnation, seq) forwarded per origin, like gossipsub's seen cache. */
  forwarded: Map<number, { inc: number, seq: number }>
  stalls: StallSchedule | undefined
}

/** Runs one simulation. */
export function simulate (options: SimOptions): SimResult {
  return new Simulation(options).run()
}

class Simulation {
  readonly #o: SimOptions
  readonly #net: Rng
  readonly #nodes: SimNode[] = []
  readonly #agenda = new Agenda<SimEvent>()
  #seq = 0
  readonly #result: SimResult
  /** Stream transport: when the last message on each directed link arrives (in-order delivery). */
  readonly #links = new Map<number, number>()

  constructor (options: SimOptions) {
    this.#o = options
    this.#net = mulberry32(options.seed)
    this.#result = { seed: options.seed, downs: [], falseDowns: [], falseSuspects: 0, detections: [], undetected: [], rejoins: [], messages: 0 }
    const busy = new Map((options.busy ?? []).map(b => [b.node, b.stalls]))
    for (let i = 0; i < options.nodes; i++) {
      const stalls = busy.get(i)
      this.#nodes.push({
        id: `n${i}`,
        alive: true,
        incarnation: 1,
        seq: 0,
        table: this.#newTable(i, 1),
        forwarded: new Map(),
        stalls: stalls === undefined ? undefined : new StallSchedule(stalls, mulberry32(options.seed * 7919 + i * 104729 + 1))
      })
      this.#startTimers(i, 0)
    }
    const kill = options.kill
    if (kill !== undefined) {
      this.#push({ kind: 'kill', at: kill.atMs, cls: CONTROL, to: kill.node })
      if (kill.restartAtMs !== undefined) this.#push({ kind: 'restart', at: kill.restartAtMs, cls: CONTROL, to: kill.node })
    }
  }

  run (): SimResult {
    const end = this.#o.durationMs
    for (let ev = this.#agenda.pop(); ev !== undefined && ev.at <= end; ev = this.#agenda.pop()) {
      const node = this.#nodes[ev.to]
      if (ev.cls === CONTROL) { this.#control(ev); continue }
      if (!node.alive) continue
      if ((ev.kind === 'send' || ev.kind === 'tick') && ev.inc !== node.incarnation) continue
      if (node.stalls !== undefined) {
        const runsAt = node.stalls.runsAt(ev.at)
        // Keep the original sequence so deferred work runs in the order it was due.
        if (runsAt > ev.at) { ev.at = runsAt; this.#agenda.push(ev); continue }
      }
      this.#handle(ev, node)
    }
    return this.#finish()
  }

  #handle (ev: SimEvent, node: SimNode): void {
    const s = this.#o.settings
    if (ev.cls === IO && this.#o.onDeliver !== undefined) {
      this.#o.onDeliver({ kind: ev.kind as Delivery['kind'], from: `n${ev.from}`, to: node.id, origin: `n${ev.subject}`, seq: ev.kind === 'hb' ? ev.n : 0, at: ev.at })
    }
    switch (ev.kind) {
      case 'send': {
        node.seq++
        for (let p = 0; p < this.#nodes.length; p++) {
          if (p !== ev.to) this.#send({ kind: 'hb', at: ev.at, to: p, from: ev.to, subject: ev.to, inc: node.incarnation, n: node.seq })
        }
        this.#push({ kind: 'send', at: ev.at + s.heartbeatMs, cls: TIMER, to: ev.to, inc: node.incarnation })
        break
      }
      case 'tick':
        this.#record(ev.to, node.table.step({ type: 'tick', now: ev.at }), ev.at)
        this.#push({ kind: 'tick', at: ev.at + s.tickMs, cls: TIMER, to: ev.to, inc: node.incarnation })
        break
      case 'hb': {
        this.#record(ev.to, node.table.step({ type: 'heartbeat', peer: this.#nodes[ev.subject].id, incarnation: ev.inc, seq: ev.n, at: ev.at }), ev.at)
        const seen = node.forwarded.get(ev.subject)
        const fresh = seen === undefined || ev.inc > seen.inc || (ev.inc === seen.inc && ev.n > seen.seq)
        if (this.#o.channel.relay && fresh) {
          node.forwarded.set(ev.subject, { inc: ev.inc, seq: ev.n })
          for (let p = 0; p < this.#nodes.length; p++) {
            if (p !== ev.to && p !== ev.subject && p !== ev.from) this.#send({ ...ev, at: ev.at, to: p, from: ev.to })
          }
        }
        break
      }
      case 'probe-req': this.#send({ ...ev, kind: 'ping', to: ev.subject, from: ev.to }); break
      case 'ping': this.#send({ ...ev, kind: 'ping-ack', to: ev.from, from: ev.to }); break
      case 'ping-ack':
        // The asker's own direct ping comes back here; a helper relays its answer.
        if (ev.to === ev.n) this.#record(ev.to, node.table.step({ type: 'indirect-ack', peer: this.#nodes[ev.subject].id, at: ev.at }), ev.at)
        else this.#send({ ...ev, kind: 'probe-ack', to: ev.n, from: ev.to })
        break
      case 'probe-ack':
        this.#record(ev.to, node.table.step({ type: 'indirect-ack', peer: this.#nodes[ev.subject].id, at: ev.at }), ev.at)
        break
    }
  }

  #control (ev: SimEvent): void {
    const node = this.#nodes[ev.to]
    if (ev.kind === 'kill') {
      node.alive = false
      return
    }
    // A restart: a new process with nothing remembered but a higher incarnation.
    node.alive = true
    node.incarnation++
    node.seq = 0
    node.forwarded.clear()
    node.table = this.#newTable(ev.to, node.incarnation)
    this.#startTimers(ev.to, ev.at)
  }

  #record (observer: number, out: StepOutput, at: number): void {
    const kill = this.#o.kill
    for (const e of out.events) {
      const peer = Number(e.peer.slice(1))
      const dead = kill !== undefined && peer === kill.node && at >= kill.atMs && (kill.restartAtMs === undefined || at < kill.restartAtMs)
      if (e.type === 'node-down') {
        const v = { observer: this.#nodes[observer].id, peer: e.peer, at: e.at }
        this.#result.downs.push(v)
        if (!dead) this.#result.falseDowns.push(v)
      } else if (e.type === 'node-suspect' && !dead) {
        this.#result.falseSuspects++
      } else if (e.type === 'node-rejoined' && kill?.restartAtMs !== undefined && peer === kill.node && at >= kill.restartAtMs) {
        this.#result.rejoins.push({ observer: this.#nodes[observer].id, peer: e.peer, at: e.at })
      }
    }
    if (this.#o.probes === false) return
    for (const probe of out.probes) {
      const subject = Number(probe.peer.slice(1))
      // SWIM pings the suspect directly as well as through the helpers.
      this.#send({ kind: 'ping', at, to: subject, from: observer, subject, inc: 0, n: observer })
      for (const h of probe.helpers) {
        this.#send({ kind: 'probe-req', at, to: Number(h.slice(1)), from: observer, subject, inc: 0, n: observer })
      }
    }
  }

  #finish (): SimResult {
    const r = this.#result
    const kill = this.#o.kill
    if (kill === undefined) return r
    const killed = this.#nodes[kill.node].id
    for (let i = 0; i < this.#nodes.length; i++) {
      if (i === kill.node) continue
      const id = this.#nodes[i].id
      const v = r.downs.find(d => d.observer === id && d.peer === killed && d.at >= kill.atMs)
      if (v === undefined) r.undetected.push(id)
      else r.detections.push({ observer: id, afterMs: v.at - kill.atMs })
    }
    return r
  }

  /** Puts a message on the wire: lost, or delivered after latency plus jitter. */
  #send (ev: Omit<SimEvent, 'cls' | 'seq'>): void {
    const c = this.#o.channel
    this.#result.messages++
    if (c.streamRtoMs === undefined) {
      if (this.#net() < c.lossRate) return
      this.#push({ ...ev, at: ev.at + c.latencyMs + this.#net() * c.jitterMs, cls: IO })
      return
    }
    let sent = ev.at
    for (let rto = c.streamRtoMs; this.#net() < c.lossRate; rto *= 2) sent += rto
    const link = ev.from * this.#nodes.length + ev.to
    const at = Math.max(sent + c.latencyMs + this.#net() * c.jitterMs, this.#links.get(link) ?? 0)
    this.#links.set(link, at)
    this.#push({ ...ev, at, cls: IO })
  }

  #push (ev: Partial<SimEvent> & { kind: Kind, at: number, cls: number, to: number }): void {
    this.#agenda.push({ from: -1, subject: -1, inc: 0, n: 0, ...ev, seq: this.#seq++ })
  }

  /** Heartbeat and tick timers start at a random phase, as daemons never start in step. */
  #startTimers (i: number, at: number): void {
    const s = this.#o.settings
    const inc = this.#nodes[i].incarnation
    this.#push({ kind: 'send', at: at + this.#net() * s.heartbeatMs, cls: TIMER, to: i, inc })
    this.#push({ kind: 'tick', at: at + this.#net() * s.tickMs, cls: TIMER, to: i, inc })
  }

  #newTable (i: number, incarnation: number): MembershipTable {
    return new MembershipTable({ settings: this.#o.settings, rng: mulberry32(this.#o.seed * 31 + i * 1_000_003 + incarnation), self: `n${i}` })
  }
}
