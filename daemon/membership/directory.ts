import { EventEmitter } from 'node:events'
import type { Logger } from 'pino'
import { Periodic, type Clock, type Timer } from '../../controller/clock/index.ts'
import { mulberry32 } from '../../controller/random/index.ts'
import { DropCounters, RateLimiter, type Datagrams, type DropReason, type Gossip, type GossipMessage, type GossipVerdict, type Transport } from '../network/index.ts'
import {
  acceptAdvert, advertChanged, decodeAdvert, decodeHeartbeat, encodeAdvert, encodeHeartbeat,
  MAX_ADVERT_BYTES, MAX_HEARTBEAT_BYTES, stampOf, type AdvertStamp, type Heartbeat, type NodeAdvert
} from '../resources/index.ts'
import { DatagramBeats } from './datagram-beats.ts'
import { askHelper, PROBE_PROTOCOL, serveProbes } from './indirect-probe.ts'
import { MembershipTable } from './table.ts'
import type { MembershipEvent, PeerState, ProbeRequest } from './types.ts'
import type { DetectorSettings } from './settings.ts'

/** Gossip topics; the version is part of the name so a new format gets a new topic. */
export const ADVERT_TOPIC = 'trellis/adverts/1'
export const HEARTBEAT_TOPIC = 'trellis/heartbeats/1'

/** How long a leaving node waits for its leave to go out before its host stops, ms. */
const LEAVE_MS = 50
/** Messages one peer may relay to us per second, on average and at once. */
const PEER_RATE = 50
const PEER_BURST = 200
/** How long after the advert for a newcomer it goes once more, ms. */
const ADVERT_AGAIN_MS = 3000
/**
 * Least gap before the advert for a newcomer, ms; the profile's gap between
 * adverts for a change if that is shorter. Not the field profile's 10 s: until
 * our advert arrives the newcomer has neither our name nor our address
 * (so no datagrams to us), and one unchanged advert per arrival costs little.
 */
const NEWCOMER_GAP_MS = 1000
function sameStamp (a: AdvertStamp | undefined, b: AdvertStamp): boolean {
  return a !== undefined && a.incarnation === b.incarnation && a.sequence === b.sequence
}

/** A node as this node knows it. */
export interface DirectoryEntry {
  id: string
  state: PeerState
  /** Its latest advert; undefined until one arrives (heartbeats come first sometimes). */
  advert?: NodeAdvert
  /** Wall-clock ms of the latest sign of life. */
  lastSeen: number
  /** The failure detector's latest heartbeat or ack from it, ms by the node's clock; finer than lastSeen. */
  lastHeard?: number
  self: boolean
  /** On this node's own entry: gossip messages dropped, by reason. */
  drops?: Record<string, number>
  /** On another node's entry: how its heartbeats reach this node now (datagrams lately arrived, or gossip only). */
  heartbeats?: 'datagram' | 'gossip'
}

export interface DirectoryComponents {
  /** Heartbeats and adverts travel here. */
  gossip: Gossip
  /** Indirect probes travel here. */
  transport: Transport
  clock: Clock
  logger: Logger
  /** Builds this node's advert for the given stamp; probes the machine. */
  advert: (stamp: { incarnation: number, sequence: number, sentAt: number }) => Promise<NodeAdvert>
  /** Whether a peer answers directly (a libp2p ping) within timeoutMs; never rejects. */
  ping: (peer: string, timeoutMs: number) => Promise<boolean>
  /** Told every member's addresses from its advert, so that Raft and terminal streams can dial it by id. */
  learn?: (peer: string, addresses: string[]) => void
  /**
   * Heartbeats go here too, one datagram per known peer; once every live
   * peer says it hears them, they stop going by gossip (datagram-reach.ts).
   * Without it, heartbeats go by gossip only.
   */
  datagrams?: Datagrams
}

export interface DirectoryInit {
  settings: DetectorSettings
  incarnation: number
  /** Periodic advert even without change, in ms. */
  advertIntervalMs: number
  /** Least time between two adverts sent for a change, in ms. */
  advertMinGapMs: number
  /** How often to look whether the advert changed, in ms (probes the machine; sends only when due). Default min(2000, advertIntervalMs). */
  advertCheckMs?: number
  /** Seed of the helper choice for indirect probes. */
  seed: number
}

/**
 * Who is in the grid, and how each node is doing. Publishes this node's
 * heartbeats and resource adverts by gossip, validates what others
 * publish (size, signature matches the claimed node, replay, rate), feeds
 * the membership table and runs its probes. Emits `event` with every
 * membership transition.
 */
export class NodeDirectory extends EventEmitter<{ event: [MembershipEvent] }> {
  readonly #c: DirectoryComponents
  readonly #init: DirectoryInit
  readonly #self: string
  readonly #table: MembershipTable
  readonly #entries = new Map<string, DirectoryEntry>()
  readonly #advertStamps = new Map<string, AdvertStamp>()
  readonly #beatStamps = new Map<string, AdvertStamp>()
  readonly #decoded = new WeakMap<GossipMessage, NodeAdvert | { heartbeat: true, leaving: boolean, incarnation: number, sequence: number, nodeId: string }>()
  readonly #limiter = new RateLimiter({ ratePerSec: PEER_RATE, burst: PEER_BURST })
  /** Beats by datagram, and who hears whom that way; none without datagrams. */
  readonly #beats: DatagramBeats | undefined
  readonly drops = new DropCounters()

  /** Heartbeat datagrams refused before they were read, by reason; none without datagrams. */
  get datagramDrops (): Readonly<Record<string, number>> {
    return this.#c.datagrams?.dropped ?? {}
  }
  readonly #loops: Periodic[] = []
  readonly #unsubscribe: Array<() => void> = []
  #soonTimer: Timer | undefined
  #againTimer: Timer | undefined
  /** The next tick, armed for when the table says a verdict may be due (#armJudge). */
  #judgeTimer: Timer | undefined
  #judgeAt: number | undefined
  /** Where the tick rhythm starts: ticks fall on it, tickMs apart, as when every tick ran. */
  #rhythmFrom = 0
  #sequence = 0
  #lastAdvert: NodeAdvert | undefined
  #lastAdvertAt = 0
  #stopped = false
  #soon = false

  constructor (components: DirectoryComponents, init: DirectoryInit) {
    super()
    this.#c = components
    this.#init = init
    this.#self = components.gossip.selfId
    this.#table = new MembershipTable({ settings: init.settings, rng: mulberry32(init.seed), self: this.#self })
    if (components.datagrams !== undefined) this.#beats = new DatagramBeats(components.datagrams, { heartbeatMs: init.settings.heartbeatMs, now: () => components.clock.now() })
  }

  get selfId (): string {
    return this.#self
  }

  async start (): Promise<void> {
    const gossip = this.#c.gossip
    gossip.validate(ADVERT_TOPIC, msg => this.#validate(msg, 'advert'))
    gossip.validate(HEARTBEAT_TOPIC, msg => this.#validate(msg, 'heartbeat'))
    this.#unsubscribe.push(gossip.subscribe(ADVERT_TOPIC, msg => { this.#receive(msg) }))
    this.#unsubscribe.push(gossip.subscribe(HEARTBEAT_TOPIC, msg => { this.#receive(msg) }))
    const datagrams = this.#c.datagrams
    if (datagrams !== undefined) {
      this.#unsubscribe.push(datagrams.onMessage('detector', (from, data) => { this.#receiveDatagram(from, data) }))
      this.#unsubscribe.push(this.#beats!.ride(peer => this.#rideBeat(peer)))
    }
    // A node whose gossip stream opened only now missed our adverts so far (heartbeats by datagram can come long before).
    this.#unsubscribe.push(gossip.onSubscribed(ADVERT_TOPIC, () => { this.#advertSoon() }))
    serveProbes({ transport: this.#c.transport, ping: this.#c.ping, logger: this.#c.logger }, { timeoutMs: this.#init.settings.heartbeatMs * 2 })
    await this.#publishAdvert(true)
    this.#every(this.#init.settings.heartbeatMs, () => { this.#publishHeartbeat(false) })
    this.#rhythmFrom = this.#c.clock.now()
    this.#armJudge()
    this.#every(this.#init.advertCheckMs ?? Math.min(2000, this.#init.advertIntervalMs), async () => { await this.#publishAdvert(false) })
  }

  /** Every node known, this one first. */
  nodes (): DirectoryEntry[] {
    const self = this.#lastAdvert === undefined ? [] : [{ id: this.#self, state: 'up' as const, advert: this.#lastAdvert, lastSeen: this.#c.clock.now(), self: true, drops: { ...this.drops.counts } }]
    const now = this.#c.clock.now()
    const others = [...this.#entries.values()].map(e => {
      const heard = this.#table.lastHeard(e.id)
      const heartbeats = this.#beats?.reach.hears(e.id, now) === true ? 'datagram' as const : 'gossip' as const
      return { ...e, state: this.#table.state(e.id) ?? e.state, heartbeats, ...(heard !== undefined ? { lastHeard: heard } : {}) }
    })
    return [...self, ...others.sort((a, b) => (a.advert?.name ?? a.id).localeCompare(b.advert?.name ?? b.id))]
  }

  /** Tells peers this node is leaving, then stops publishing. */
  async stop (): Promise<void> {
    if (this.#stopped) return
    this.#stopped = true
    this.#soonTimer?.cancel()
    this.#againTimer?.cancel()
    this.#judgeTimer?.cancel()
    await Promise.all(this.#loops.map(async l => { await l.stop() }))
    for (const off of this.#unsubscribe) off()
    this.#publishHeartbeat(true)
    // Give the leave a moment to go out before the host stops.
    await this.#c.clock.sleep(LEAVE_MS)
    this.#c.transport.unhandle(PROBE_PROTOCOL)
  }

  #every (ms: number, fn: () => unknown): void {
    const loop = new Periodic({ clock: this.#c.clock, onError: err => { this.#c.logger.error({ err }, 'directory timer failed') } }, { intervalMs: ms, aligned: true, run: fn })
    this.#loops.push(loop)
    loop.start()
  }

  #stamp (): { incarnation: number, sequence: number, sentAt: number } {
    return { incarnation: this.#init.incarnation, sequence: ++this.#sequence, sentAt: this.#c.clock.now() }
  }

  /**
   * Sends this node's advert soon, for a node that just appeared or just
   * subscribed to adverts, and once more a little later: the newcomer's
   * heartbeat can reach us before our gossip stream to it is open, and
   * gossipsub drops what it has no stream for, which would leave the
   * newcomer without our name until the next periodic advert.
   */
  #advertSoon (): void {
    if (this.#soon || this.#stopped) return
    this.#soon = true
    const wait = Math.max(0, Math.min(NEWCOMER_GAP_MS, this.#init.advertMinGapMs) - (this.#c.clock.now() - this.#lastAdvertAt))
    this.#soonTimer = this.#c.clock.setTimeout(() => {
      this.#soon = false
      void this.#publishAdvert(true)
      this.#againTimer?.cancel()
      this.#againTimer = this.#c.clock.setTimeout(() => { void this.#publishAdvert(true) }, ADVERT_AGAIN_MS)
    }, wait)
  }

  /** One beat: a datagram to every peer not gone, and by gossip unless every live peer hears the datagrams. */
  #publishHeartbeat (leaving: boolean): void {
    const beat = { nodeId: this.#self, ...this.#stamp(), leaving }
    const now = this.#c.clock.now()
    const live: string[] = []
    const notGone: string[] = []
    for (const e of this.#entries.values()) {
      const state = this.#table.state(e.id) ?? e.state
      if (state === 'left') continue
      if (state === 'up' || state === 'suspect') live.push(e.id)
      notGone.push(e.id)
    }
    this.#beats?.send(notGone, beat)
    if (this.#beats === undefined || leaving || !this.#beats.reach.heardByAll(live, now)) void this.#c.gossip.publish(HEARTBEAT_TOPIC, encodeHeartbeat(beat))
  }

  /** A beat to ride in a datagram going to `peer` anyway: to a peer not gone, while running. */
  #rideBeat (peer: string): Heartbeat | undefined {
    const e = this.#entries.get(peer)
    if (this.#stopped || e === undefined || (this.#table.state(peer) ?? e.state) === 'left') return undefined
    return { nodeId: this.#self, ...this.#stamp(), leaving: false }
  }

  /**
   * A datagram heartbeat. Only from a node gossip has introduced: the
   * datagram proves its sender and grid, gossip what the sender is to this
   * grid (its entry). A copy of a beat already counted (it came by gossip too) still
   * shows the path works.
   */
  #receiveDatagram (from: string, data: Uint8Array): void {
    if (this.#stopped) return
    const now = this.#c.clock.now()
    const drop = (reason: DropReason, detail?: string): void => {
      if (this.drops.drop(reason, from, now)) this.#c.logger.warn({ peer: from, channel: 'datagram', reason, detail, drops: this.drops.counts[reason] }, 'datagram dropped')
    }
    if (!this.#limiter.take(from, now)) { drop('rate-limited'); return }
    const entry = this.#entries.get(from)
    if (entry === undefined) return
    let beat
    try {
      beat = decodeHeartbeat(data, from)
    } catch (err) {
      drop('garbled', (err as Error).message)
      return
    }
    if (beat.nodeId !== from) { drop('impostor', `claims ${beat.nodeId}`); return }
    const last = this.#beatStamps.get(from)
    const fresh = acceptAdvert(last, beat)
    if (!fresh && !sameStamp(last, beat)) { drop('replayed'); return }
    this.#beats?.reach.arrived(from, beat.heard === true, now)
    if (!fresh) return
    this.#beatStamps.set(from, stampOf(beat))
    entry.lastSeen = now
    if (beat.leaving === true) { this.#step({ type: 'left', peer: from, incarnation: beat.incarnation, at: now }); return }
    this.#step({ type: 'heartbeat', peer: from, incarnation: beat.incarnation, at: now, seq: beat.sequence })
  }

  async #publishAdvert (force: boolean): Promise<void> {
    if (this.#stopped) return
    const advert = await this.#c.advert(this.#stamp())
    const now = this.#c.clock.now()
    const changed = advertChanged(this.#lastAdvert, advert)
    const due = now - this.#lastAdvertAt >= this.#init.advertIntervalMs
    const allowed = now - this.#lastAdvertAt >= this.#init.advertMinGapMs
    if (!force && !due && !(changed !== undefined && allowed)) return
    this.#lastAdvert = advert
    this.#lastAdvertAt = now
    const bytes = encodeAdvert(advert)
    await this.#c.gossip.publish(ADVERT_TOPIC, bytes)
    this.#c.logger.debug({ sequence: advert.sequence, bytes: bytes.byteLength, reason: force ? 'start' : changed ?? 'periodic' }, 'advert published')
  }

  #validate (msg: GossipMessage, kind: 'advert' | 'heartbeat'): GossipVerdict {
    const now = this.#c.clock.now()
    const peer = msg.relayedBy
    const reject = (reason: DropReason, detail?: string): GossipVerdict => {
      if (this.drops.drop(reason, peer, now)) this.#c.logger.warn({ peer, topic: msg.topic, reason, detail, drops: this.drops.counts[reason] }, 'gossip message dropped')
      return reason === 'replayed' || reason === 'rate-limited' || reason === 'self' ? 'ignore' : 'reject'
    }
    if (!this.#limiter.take(peer, now)) return reject('rate-limited')
    const from = msg.from
    if (from === this.#self) return reject('self')
    const limit = kind === 'advert' ? MAX_ADVERT_BYTES : MAX_HEARTBEAT_BYTES
    if (msg.data.byteLength > limit) return reject('too-large', `${msg.data.byteLength} bytes`)
    try {
      if (kind === 'advert') {
        const advert = decodeAdvert(msg.data)
        if (advert.nodeId !== from) return reject('impostor', `claims ${advert.nodeId}`)
        if (!acceptAdvert(this.#advertStamps.get(from), advert)) return reject('replayed')
        this.#advertStamps.set(from, stampOf(advert))
        this.#decoded.set(msg, advert)
      } else {
        const beat = decodeHeartbeat(msg.data)
        if (beat.nodeId !== from) return reject('impostor', `claims ${beat.nodeId}`)
        // The same beat, already come as a datagram: nothing wrong with it.
        if (sameStamp(this.#beatStamps.get(from), beat)) return 'ignore'
        if (!acceptAdvert(this.#beatStamps.get(from), beat)) return reject('replayed')
        this.#beatStamps.set(from, stampOf(beat))
        this.#decoded.set(msg, { heartbeat: true, leaving: beat.leaving === true, incarnation: beat.incarnation, sequence: beat.sequence, nodeId: beat.nodeId })
      }
    } catch (err) {
      return reject('garbled', (err as Error).message)
    }
    return 'accept'
  }

  #receive (msg: GossipMessage): void {
    if (this.#stopped) return
    const decoded = this.#decoded.get(msg)
    if (decoded === undefined) return
    const at = this.#c.clock.now()
    const entry = this.#entries.get(decoded.nodeId) ?? { id: decoded.nodeId, state: 'up' as PeerState, lastSeen: at, self: false }
    entry.lastSeen = at
    this.#entries.set(decoded.nodeId, entry)
    if ('heartbeat' in decoded) {
      if (decoded.leaving) { this.#step({ type: 'left', peer: decoded.nodeId, incarnation: decoded.incarnation, at }); return }
      this.#step({ type: 'heartbeat', peer: decoded.nodeId, incarnation: decoded.incarnation, at, seq: decoded.sequence })
    } else {
      entry.advert = decoded
      // Link to every member directly: Raft and terminal streams dial by node id, heartbeats go to its address.
      this.#c.learn?.(decoded.nodeId, decoded.listenAddrs)
      this.#c.datagrams?.learn(decoded.nodeId, decoded.listenAddrs)
      this.#c.logger.debug({ from: decoded.nodeId, sequence: decoded.sequence, delayMs: at - decoded.sentAt, bytes: msg.data.byteLength }, 'advert received')
      // An advert is a sign of life too, but its sequence is shared with heartbeats: no seq here.
      this.#step({ type: 'heartbeat', peer: decoded.nodeId, incarnation: decoded.incarnation, at })
    }
  }

  #step (input: Parameters<MembershipTable['step']>[0]): void {
    const out = this.#table.step(input)
    for (const event of out.events) {
      const entry = this.#entries.get(event.peer)
      if (entry !== undefined) entry.state = this.#table.state(event.peer) ?? entry.state
      this.#c.logger.info({ ...event, name: entry?.advert?.name }, event.type)
      // A node that just appeared has not seen our advert: send one soon rather than at the next period.
      if (event.type === 'node-up' || event.type === 'node-rejoined') this.#advertSoon()
      this.emit('event', event)
    }
    for (const probe of out.probes) void this.#probe(probe)
    this.#armJudge()
  }

  /**
   * Arms the next tick for the first tick of the rhythm (every tickMs from
   * start) at or after the table's nextJudgementAt, and after now. Ticks
   * before it would return nothing: an idle node whose peers heartbeat
   * wakes for none of them, instead of ten a second, and every verdict
   * falls on the tick it would have fallen on.
   */
  #armJudge (): void {
    if (this.#stopped) return
    const due = this.#table.nextJudgementAt()
    if (due === undefined) {
      this.#judgeTimer?.cancel()
      this.#judgeTimer = undefined
      this.#judgeAt = undefined
      return
    }
    const tickMs = this.#init.settings.tickMs
    const now = this.#c.clock.now()
    const from = this.#rhythmFrom
    const at = from + Math.max(1, Math.ceil((Math.max(due, now + 1) - from) / tickMs)) * tickMs
    if (at === this.#judgeAt) return
    this.#judgeTimer?.cancel()
    this.#judgeAt = at
    this.#judgeTimer = this.#c.clock.setTimeout(() => {
      this.#judgeTimer = undefined
      this.#judgeAt = undefined
      if (!this.#stopped) this.#step({ type: 'tick', now: this.#c.clock.now(), due: at })
    }, at - now)
  }

  async #probe (request: ProbeRequest): Promise<void> {
    const timeout = this.#init.settings.heartbeatMs * 2
    const answers = await Promise.all([
      this.#c.ping(request.peer, timeout),
      ...request.helpers.map(async helper => await askHelper(this.#c.transport, helper, request.peer, timeout))
    ])
    if (answers.some(Boolean) && !this.#stopped) this.#step({ type: 'indirect-ack', peer: request.peer, at: this.#c.clock.now() })
  }
}
