import { RaftError } from '../../../controller/raft/index.ts'
import { RaftNode } from '../../../controller/raft/index.ts'
import { MemoryStorage } from '../../../controller/raft/index.ts'
import { MESSAGE_TYPES } from '../../../controller/raft/index.ts'
import type { Entry, Message, NodeId, ReadState, Ready, Snapshot } from '../../../controller/raft/index.ts'
import { Clients } from './clients.ts'
import { TraceHash } from './hash.ts'
import { Host } from './host.ts'
import type { HostEvents } from './host.ts'
import { Invariants } from './invariants.ts'
import { Network } from './network.ts'
import { SeededRandom } from '../../../controller/random/index.ts'
import { resolveFaults } from './scenarios.ts'
import type { Faults } from './scenarios.ts'
import { describe, safeJson } from './describe.ts'
import { injectFaults } from './faults.ts'
import type { SimOptions, SimResult } from './options.ts'

export type { SimOptions, SimResult } from './options.ts'

const TYPE_CODE = new Map<string, number>(MESSAGE_TYPES.map((t, i) => [t, i + 1]))

/** Runs one seeded simulation: a faulty phase, then healing and the liveness and durability checks. */
export function simulate (options: SimOptions): SimResult {
  return new Simulation(options).run()
}

/** One run's world; fault injection (faults.ts) reaches into it. */
export class Simulation {
  readonly o: Required<Omit<SimOptions, 'faults' | 'log'>> & { log: boolean }
  readonly scenario: string
  readonly faults: Faults
  readonly rng: SeededRandom
  readonly hosts = new Map<NodeId, Host>()
  readonly net: Network
  readonly inv = new Invariants()
  readonly trace = new TraceHash()
  readonly clients: Clients
  readonly lastApplied = new Map<NodeId, number>()
  readonly restartAt = new Map<NodeId, number>()
  /** Stalled hosts and the tick they resume at. */
  readonly pausedUntil = new Map<NodeId, number>()
  readonly logLines: string[] = []
  partitionEnds = -1
  crashes = 0
  snapshots = 0
  confChanges = 0
  transfers = 0
  refused = 0
  errors: Record<string, number> = {}
  // Liveness after healing.
  settled: { id: NodeId, term: number, since: number } | null = null
  liveness: { ids: number[], index: number, at: number, leader: NodeId, term: number } | null = null
  done = false
  recoveredAt: number | null = null
  readonly events: HostEvents

  constructor (options: SimOptions) {
    this.faults = resolveFaults(options.faults)
    this.scenario = typeof options.faults === 'string' ? options.faults : options.faults === undefined ? 'calm' : 'custom'
    const electionTicks = options.electionTicks ?? 10
    this.o = {
      seed: options.seed,
      nodes: options.nodes ?? 3,
      spares: options.spares ?? (this.faults.membershipRate > 0 ? 2 : 0),
      steps: options.steps ?? 300,
      electionTicks,
      heartbeatTicks: options.heartbeatTicks ?? 2,
      healTicks: options.healTicks ?? 80 * electionTicks,
      livenessWrites: options.livenessWrites ?? 5,
      log: options.log ?? false,
      asyncWrites: options.asyncWrites ?? false
    }
    this.rng = new SeededRandom(this.o.seed)
    this.net = new Network(this.rng.fork(), this.faults)
    this.clients = new Clients(this.rng.fork(), this.hosts, h => h.up && !this.pausedUntil.has(h.id))
    // Flow-control limits vary by seed: tiny batches split a new leader's no-op
    // from the older entries before it, tiny windows stall pipelines. One
    // entry per round trip cannot keep up with the clients over long runs,
    // so single-entry batches get a window of at least 4.
    const maxEntriesPerAppend = this.rng.pick([1, 2, 4, 8, 64])!
    const maxInflight = Math.max(this.rng.pick([1, 2, 4, 16])!, maxEntriesPerAppend === 1 ? 4 : 1)
    const founders = Array.from({ length: this.o.nodes }, (_, i) => `n${i + 1}`)
    const spares = Array.from({ length: this.o.spares }, (_, i) => `s${i + 1}`)
    for (const [n, id] of [...founders, ...spares].entries()) {
      const disk = founders.includes(id) ? MemoryStorage.bootstrapped(founders) : new MemoryStorage()
      const nodeRng = this.rng.fork()
      // Forked only in this mode, so synchronous runs replay as they always did.
      const diskRng = this.o.asyncWrites ? this.rng.fork() : undefined
      // Each disk has its own speed: a slow one (a leader's, say) leaves long windows between send and persist.
      const speeds = diskRng?.pick([[0], [0, 1], [0, 1, 2], [1, 3, 6]])
      const disk_ = diskRng === undefined ? undefined : { now: () => this.net.now, delay: () => diskRng.pick(speeds!)! }
      const host = new Host(id, n + 1, disk, (storage, applied) => new RaftNode({
        id,
        storage,
        applied,
        rng: nodeRng.asRng(),
        electionTicks: this.o.electionTicks,
        heartbeatTicks: this.o.heartbeatTicks,
        maxEntriesPerAppend,
        maxBytesPerAppend: 4096,
        maxInflight,
        asyncStorageWrites: this.o.asyncWrites
      }), disk_)
      this.hosts.set(id, host)
      this.inv.track(host)
    }
    this.events = {
      send: (m: Message) => this.net.send(m),
      persisted: (h: Host, rd: Ready, term: number) => this.#persisted(h, rd, term),
      readied: (h: Host, rd: Ready) => { if (rd.softState?.role === 'leader') this.inv.leaderSeen(h, h.node!.term) },
      restored: (h: Host, s: Snapshot) => this.#restored(h, s),
      applied: (h: Host, e: Entry) => this.#applied(h, e),
      readState: (h: Host, rs: ReadState) => this.clients.readState(h, rs, this.inv),
      violation: (h: Host, what: string) => this.inv.fail(`${h.id}: ${what}`)
    }
  }

  run (): SimResult {
    for (const h of this.hosts.values()) this.start(h)
    const end = this.o.steps + this.o.healTicks
    let t = 0
    for (; t <= end && !this.done; t++) {
      this.net.now = t
      this.inv.now = t
      this.trace.add(t)
      if (t === this.o.steps) this.#heal()
      if (t < this.o.steps) injectFaults(this, t)
      for (const h of this.hosts.values()) {
        if (!h.up && (this.restartAt.get(h.id) ?? Infinity) <= t) this.start(h)
        if ((this.pausedUntil.get(h.id) ?? -1) > t) continue
        this.pausedUntil.delete(h.id)
        if (h.up) {
          h.node!.tick()
          this.drain(h)
        }
      }
      if (t < this.o.steps) this.#clientWork()
      // Last, so that messages sent this tick with no delay arrive this tick.
      this.#deliver()
      if (t >= this.o.steps) this.#checkLiveness(t)
    }
    if (!this.done) this.#reportStall()
    this.#checkDurability()
    return this.#result(t)
  }

  // ---- delivery and the driver loop ----

  #deliver (): void {
    let budget = 200_000 // messages in one tick; more means a message storm (a bug)
    for (let batch = this.net.takeDue(); batch !== undefined; batch = this.net.takeDue()) {
      for (const env of batch) {
        if (--budget === 0) {
          this.inv.fail('message storm: over 200000 deliveries in one tick')
          this.done = true
          return
        }
        const host = this.hosts.get(env.to)
        if (host === undefined || !host.up || !this.net.allows(env.from, env.to)) {
          this.net.stats.blocked++
          continue
        }
        const resume = this.pausedUntil.get(host.id)
        if (resume !== undefined && resume > this.net.now) {
          this.net.defer(env, resume)
          continue
        }
        this.net.stats.delivered++
        const m = env.body as Message
        this.trace.add(host.n * 64 + (env.garbled ? 63 : TYPE_CODE.get(m.type) ?? 0))
        if (!env.garbled) this.trace.add(m.term * 4096 + (('index' in m) ? m.index : 0))
        const accepted = host.node!.step(env.body)
        if (env.garbled) {
          if (accepted) this.inv.fail(`${host.id} accepted a garbled message ${safeJson(env.body)}`)
          else this.refused++
        }
        if (this.o.log) this.log(`${env.from}→${env.to} ${env.garbled ? 'GARBLED' : describe(m)}${accepted ? '' : ' (refused)'}`)
        this.drain(host)
      }
    }
  }

  drain (h: Host): void {
    h.drain(this.events)
    if (!h.up) this.crashed(h)
  }

  #persisted (h: Host, rd: Ready, term: number): void {
    this.inv.persisted(h, rd, term)
    if (rd.hardState !== undefined) this.trace.add(h.n * 1e9 + rd.hardState.term * 1e5 + rd.hardState.commit)
    if (rd.snapshot !== undefined) this.snapshots++
    if (this.o.log && (rd.softState !== undefined || rd.snapshot !== undefined)) {
      this.log(`${h.id} ${rd.softState !== undefined ? `is ${rd.softState.role} (leader ${rd.softState.leader ?? '-'}) term ${term}` : ''}${rd.snapshot !== undefined ? ` installs snapshot ${rd.snapshot.index}` : ''}`)
    }
  }

  #restored (h: Host, s: Snapshot): void {
    this.lastApplied.set(h.id, s.index)
    this.inv.restored(h, s)
    this.clients.restored(h, s.index)
  }

  #applied (h: Host, e: Entry): void {
    this.inv.checkApplyOrder(h, e, this.lastApplied.get(h.id) ?? 0)
    this.lastApplied.set(h.id, e.index)
    this.inv.applied(h, e)
    this.trace.add(e.index * 64 + h.n)
    if (this.clients.applied(h, e) && this.o.log) this.log(`${h.id} acknowledges the write at ${e.index}`)
  }

  start (h: Host): void {
    h.start()
    this.restartAt.delete(h.id)
    const snap = h.disk.snapshot()
    this.lastApplied.set(h.id, snap.index)
    if (snap.index > 0) this.inv.restored(h, snap)
    this.log(`${h.id} starts at term ${h.node!.term}`)
  }

  crashed (h: Host): void {
    this.crashes++
    this.clients.crashed(h)
    if (this.net.now < this.o.steps) this.restartAt.set(h.id, this.net.now + this.rng.between(...this.faults.downTicks))
    this.log(`${h.id} crashes`)
  }

  #clientWork (): void {
    const f = this.faults
    let writes = Math.floor(f.proposeRate) + (this.rng.chance(f.proposeRate % 1) ? 1 : 0)
    for (; writes > 0; writes--) {
      const live = this.live()
      if (live.length === 0) return
      const h = this.rng.pick(live)!
      if (this.clients.propose(h, this.clients.pad()) !== 0) this.trace.add(9e6 + h.n)
      this.#drainAll()
    }
    const live = this.live()
    if (live.length > 0 && this.rng.chance(f.readRate)) {
      this.clients.read(this.rng.pick(live)!)
      this.#drainAll()
    }
  }

  #drainAll (): void {
    for (const h of this.hosts.values()) if (h.up) this.drain(h)
  }

  // ---- healing and liveness ----

  #heal (): void {
    this.net.heal()
    this.partitionEnds = -1
    this.net.faults = { ...this.faults, loss: 0, duplicate: 0, garble: 0 }
    for (const id of this.pausedUntil.keys()) this.pausedUntil.set(id, this.o.steps)
    for (const h of this.hosts.values()) {
      if (h.up) h.armedCrash = null
      else this.start(h)
    }
    this.log('heal: network whole, every node up')
  }

  #checkLiveness (t: number): void {
    const leader = this.leader()
    if (leader === undefined || this.settled === null || this.settled.id !== leader.id || this.settled.term !== leader.node!.term) {
      if (this.liveness !== null && !this.#livenessAcked()) {
        this.inv.fail(`liveness: leadership changed from ${this.liveness.leader} before the liveness writes committed`)
        this.done = true
        return
      }
      this.settled = leader === undefined ? null : { id: leader.id, term: leader.node!.term, since: t }
      return
    }
    const st = leader.node!.status()
    if (this.liveness === null) {
      if (t - this.settled.since < 3 * this.o.electionTicks || st.commit !== st.lastIndex) return
      const placed = this.clients.proposeBatch(leader, this.o.livenessWrites)
      if (placed.length === 0) return
      this.liveness = { ids: placed.map(p => p.id), index: placed[placed.length - 1]!.index, at: t, leader: leader.id, term: st.term }
      this.log(`liveness writes up to ${this.liveness.index} proposed at ${leader.id}`)
      this.drain(leader)
      return
    }
    if (!this.#livenessAcked()) return
    for (const id of [...st.conf.voters, ...st.conf.learners]) {
      const h = this.hosts.get(id)!
      if (!h.up || h.machine!.index < this.liveness.index) return
    }
    this.done = true
    this.recoveredAt = t
  }

  #reportStall (): void {
    if (this.settled === null) this.inv.fail(`liveness: no leader within ${this.o.healTicks} ticks of healing`)
    else if (this.liveness === null) this.inv.fail(`liveness: leader ${this.settled.id} never settled with everything committed`)
    else if (!this.#livenessAcked()) this.inv.fail(`liveness: writes proposed at ${this.liveness.at} never committed`)
    else this.inv.fail('liveness: members never caught up with the liveness writes')
  }

  #livenessAcked (): boolean {
    return this.liveness !== null && this.liveness.ids.every(id => this.clients.isAcked(id))
  }

  /** Every acknowledged write is in the final state of every member. */
  #checkDurability (): void {
    const leader = this.leader()
    if (leader === undefined) return
    const conf = leader.node!.status().conf
    for (const id of [...conf.voters, ...conf.learners]) {
      const h = this.hosts.get(id)!
      if (!h.up) continue
      const have = new Set(h.machine!.writes)
      const missing = this.clients.acknowledged.filter(w => !have.has(w))
      if (missing.length > 0) this.inv.fail(`durability: ${id} lacks ${missing.length} acknowledged writes (first ${missing[0]})`)
    }
  }

  // ---- helpers ----

  /** Hosts up and not stalled: the ones a client or operator can reach. */
  live (): Host[] {
    return [...this.hosts.values()].filter(h => h.up && !this.pausedUntil.has(h.id))
  }

  /** The reachable leader with the highest term, if any. */
  leader (): Host | undefined {
    let best: Host | undefined
    for (const h of this.hosts.values()) {
      if (h.up && !this.pausedUntil.has(h.id) && h.node!.role === 'leader' && (best === undefined || h.node!.term > best.node!.term)) best = h
    }
    return best
  }

  countError (err: unknown): void {
    if (!(err instanceof RaftError)) throw err
    this.errors[err.code] = (this.errors[err.code] ?? 0) + 1
  }

  log (line: string): void {
    if (this.o.log) this.logLines.push(`${this.net.now} ${line}`)
  }

  #result (ticks: number): SimResult {
    let commits = 0
    for (const h of this.hosts.values()) if (h.up) commits = Math.max(commits, h.node!.status().commit)
    const errors = { ...this.errors }
    for (const [k, v] of Object.entries(this.clients.errors)) errors[k] = (errors[k] ?? 0) + v
    const r: SimResult = {
      seed: this.o.seed,
      scenario: this.scenario,
      nodes: this.o.nodes,
      asyncWrites: this.o.asyncWrites,
      traceHash: this.trace.hex(),
      ticks,
      commits,
      elections: this.inv.elections,
      proposals: this.clients.proposals,
      acknowledged: this.clients.acknowledged.length,
      readsIssued: this.clients.readsIssued,
      readsConfirmed: this.clients.readsConfirmed,
      crashes: this.crashes,
      lostWrites: [...this.hosts.values()].reduce((n, h) => n + h.lostWrites, 0),
      snapshotsInstalled: this.snapshots,
      confChanges: this.confChanges,
      transfers: this.transfers,
      recoveryTicks: this.recoveredAt === null ? null : this.recoveredAt - this.o.steps,
      refused: this.refused,
      messages: { ...this.net.stats },
      errors,
      violations: this.inv.violations
    }
    if (this.o.log) r.log = this.logLines
    return r
  }
}
