import { RaftError } from '../errors.ts'
import { isMember } from '../membership.ts'
import { RaftNode } from '../node.ts'
import { MemoryStorage } from '../storage.ts'
import { MESSAGE_TYPES } from '../types.ts'
import type { ConfChange, Entry, Message, NodeId, ReadState, Ready, Snapshot } from '../types.ts'
import { Clients } from './clients.ts'
import { TraceHash } from './hash.ts'
import { Host } from './host.ts'
import type { HostEvents } from './host.ts'
import { Invariants } from './invariants.ts'
import { Network } from './network.ts'
import type { NetworkStats } from './network.ts'
import { SimRng } from './rng.ts'
import { resolveFaults } from './scenarios.ts'
import type { Faults, ScenarioName } from './scenarios.ts'

/** One simulated run. Only `seed` is required; the same options always give the same run. */
export interface SimOptions {
  seed: number
  /** Founding voters. Default 3. */
  nodes?: number
  /** Machines that start outside the group, for membership changes. Default 2 when the faults change membership, else 0. */
  spares?: number
  /** Ticks of the faulty phase; then the network heals and every node restarts. Default 300. */
  steps?: number
  /** A scenario name or fault rates. Default: calm. */
  faults?: ScenarioName | Partial<Faults>
  electionTicks?: number
  heartbeatTicks?: number
  /** Ticks allowed after healing for a leader to settle, commit the liveness writes and reach every member. Default 80 election timeouts. */
  healTicks?: number
  /** Writes proposed to the settled leader after healing; all must commit everywhere. Default 5. */
  livenessWrites?: number
  /** Keep a readable event log (slow; for chasing a failing seed). */
  log?: boolean
}

/** What a run did and whether every invariant held. */
export interface SimResult {
  seed: number
  scenario: string
  nodes: number
  /** Fingerprint of every event in the run: the same seed and options must give the same hash. */
  traceHash: string
  ticks: number
  /** Highest commit index reached. */
  commits: number
  /** Terms that had a leader. */
  elections: number
  proposals: number
  acknowledged: number
  readsIssued: number
  readsConfirmed: number
  crashes: number
  snapshotsInstalled: number
  confChanges: number
  transfers: number
  /** Malformed messages the nodes refused (each garbled one must be). */
  refused: number
  messages: NetworkStats
  errors: Record<string, number>
  /** Empty when every check passed. */
  violations: string[]
  log?: string[]
}

const TYPE_CODE = new Map<string, number>(MESSAGE_TYPES.map((t, i) => [t, i + 1]))

/** Runs one seeded simulation: a faulty phase, then healing and the liveness and durability checks. */
export function simulate (options: SimOptions): SimResult {
  return new Simulation(options).run()
}

class Simulation {
  readonly o: Required<Omit<SimOptions, 'faults' | 'log'>> & { log: boolean }
  readonly scenario: string
  readonly faults: Faults
  readonly rng: SimRng
  readonly hosts = new Map<NodeId, Host>()
  readonly net: Network
  readonly inv = new Invariants()
  readonly trace = new TraceHash()
  readonly clients: Clients
  readonly lastApplied = new Map<NodeId, number>()
  readonly restartAt = new Map<NodeId, number>()
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
      log: options.log ?? false
    }
    this.rng = new SimRng(this.o.seed)
    this.net = new Network(this.rng.fork(), this.faults)
    this.clients = new Clients(this.rng.fork(), this.hosts)
    const founders = Array.from({ length: this.o.nodes }, (_, i) => `n${i + 1}`)
    const spares = Array.from({ length: this.o.spares }, (_, i) => `s${i + 1}`)
    for (const [n, id] of [...founders, ...spares].entries()) {
      const disk = founders.includes(id) ? MemoryStorage.bootstrapped(founders) : new MemoryStorage()
      const nodeRng = this.rng.fork()
      const host = new Host(id, n + 1, disk, (storage, applied) => new RaftNode({
        id,
        storage,
        applied,
        rng: nodeRng.asRng(),
        electionTicks: this.o.electionTicks,
        heartbeatTicks: this.o.heartbeatTicks,
        // Small windows and batches, so flow control and batching are exercised.
        maxEntriesPerAppend: 8,
        maxBytesPerAppend: 4096,
        maxInflight: 4
      }))
      this.hosts.set(id, host)
      this.inv.track(host)
    }
    this.events = {
      send: (m: Message) => this.net.send(m),
      persisted: (h: Host, rd: Ready) => this.#persisted(h, rd),
      restored: (h: Host, s: Snapshot) => this.#restored(h, s),
      applied: (h: Host, e: Entry) => this.#applied(h, e),
      readState: (h: Host, rs: ReadState) => this.clients.readState(h, rs, this.inv)
    }
  }

  run (): SimResult {
    for (const h of this.hosts.values()) this.#start(h)
    const end = this.o.steps + this.o.healTicks
    let t = 0
    for (; t <= end && !this.done; t++) {
      this.net.now = t
      this.inv.now = t
      this.trace.add(t)
      if (t === this.o.steps) this.#heal()
      if (t < this.o.steps) this.#injectFaults(t)
      for (const h of this.hosts.values()) {
        if (!h.up && (this.restartAt.get(h.id) ?? Infinity) <= t) this.#start(h)
        if (h.up) {
          h.node!.tick()
          this.#drain(h)
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
        if (--budget === 0) this.inv.fail('message storm: over 200000 deliveries in one tick')
        const host = this.hosts.get(env.to)
        if (host === undefined || !host.up || !this.net.allows(env.from, env.to)) {
          this.net.stats.blocked++
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
        if (this.o.log) this.#log(`${env.from}→${env.to} ${env.garbled ? 'GARBLED' : describe(m)}${accepted ? '' : ' (refused)'}`)
        this.#drain(host)
      }
    }
  }

  #drain (h: Host): void {
    h.drain(this.events)
    if (!h.up) this.#crashed(h)
  }

  #persisted (h: Host, rd: Ready): void {
    this.inv.persisted(h, rd)
    if (rd.hardState !== undefined) this.trace.add(h.n * 1e9 + rd.hardState.term * 1e5 + rd.hardState.commit)
    if (rd.snapshot !== undefined) this.snapshots++
    if (this.o.log && (rd.softState !== undefined || rd.snapshot !== undefined)) {
      this.#log(`${h.id} ${rd.softState !== undefined ? `is ${rd.softState.role} (leader ${rd.softState.leader ?? '-'}) term ${h.node!.term}` : ''}${rd.snapshot !== undefined ? ` installs snapshot ${rd.snapshot.index}` : ''}`)
    }
  }

  #restored (h: Host, s: Snapshot): void {
    this.lastApplied.set(h.id, s.index)
    this.inv.restored(h, s)
  }

  #applied (h: Host, e: Entry): void {
    this.inv.checkApplyOrder(h, e, this.lastApplied.get(h.id) ?? 0)
    this.lastApplied.set(h.id, e.index)
    this.inv.applied(h, e)
    this.trace.add(e.index * 64 + h.n)
    if (this.clients.applied(h, e) && this.o.log) this.#log(`${h.id} acknowledges the write at ${e.index}`)
  }

  #start (h: Host): void {
    h.start()
    this.restartAt.delete(h.id)
    const snap = h.disk.snapshot()
    this.lastApplied.set(h.id, snap.index)
    if (snap.index > 0) this.inv.restored(h, snap)
    this.#log(`${h.id} starts at term ${h.node!.term}`)
  }

  #crashed (h: Host): void {
    this.crashes++
    this.clients.crashed(h)
    if (this.net.now < this.o.steps) this.restartAt.set(h.id, this.net.now + this.rng.between(...this.faults.downTicks))
    this.#log(`${h.id} crashes`)
  }

  // ---- faults ----

  #injectFaults (t: number): void {
    const f = this.faults
    const rng = this.rng
    if (this.partitionEnds >= 0 && t >= this.partitionEnds) {
      this.net.heal()
      this.partitionEnds = -1
      this.#log('partition heals')
    } else if (this.partitionEnds < 0 && rng.chance(f.partitionRate)) {
      this.#partition()
      this.partitionEnds = t + rng.between(...f.partitionTicks)
    }
    if (rng.chance(f.crashRate)) this.#crash(rng.pick(this.#live()))
    if (rng.chance(f.leaderCrashRate)) this.#crash(this.#leader())
    if (rng.chance(f.membershipRate)) this.#changeMembership()
    if (rng.chance(f.transferRate)) this.#transfer()
    if (rng.chance(f.compactRate)) this.#compact(rng.pick(this.#live()))
  }

  #partition (): void {
    const ids = [...this.hosts.keys()]
    const rng = this.rng
    const kind = rng.int(4)
    const leader = this.#leader()
    if (kind === 0 && leader !== undefined) {
      // The leader alone: the majority must elect a new one, the old one must step down.
      this.net.partition([ids.filter(id => id !== leader.id), [leader.id]])
    } else if (kind === 3) {
      // Asymmetric: a few one-way cuts.
      for (let i = rng.between(1, 3); i > 0; i--) this.net.cut(rng.pick(ids), rng.pick(ids))
    } else {
      const groups: NodeId[][] = Array.from({ length: kind === 1 ? 2 : 3 }, () => [])
      for (const id of ids) rng.pick(groups).push(id)
      this.net.partition(groups)
    }
    this.#log(`partition ${kind}`)
  }

  #crash (h: Host | undefined): void {
    if (h === undefined || !h.up) return
    if (this.rng.chance(this.faults.midReadyCrash)) {
      h.armedCrash = this.rng.chance(0.5) ? 'before-persist' : 'after-persist'
      return
    }
    h.crash()
    this.#crashed(h)
  }

  #changeMembership (): void {
    const leader = this.#leader()
    if (leader === undefined) return
    const conf = leader.node!.status().conf
    const outsiders = [...this.hosts.keys()].filter(id => !isMember(conf, id))
    const options: ConfChange[] = []
    for (const id of outsiders) options.push({ type: this.rng.chance(0.2) ? 'add-voter' : 'add-learner', node: id })
    for (const id of conf.learners) options.push({ type: 'promote', node: id }, { type: 'remove', node: id })
    if (conf.voters.length > 3) for (const id of conf.voters) options.push({ type: 'remove', node: id })
    if (conf.voters.length >= 5) { for (let i = options.length - 1; i >= 0; i--) if (options[i]!.type === 'add-voter' || options[i]!.type === 'promote') options.splice(i, 1) }
    if (options.length === 0) return
    const change = this.rng.pick(options)
    try {
      leader.node!.proposeConfChange(change)
      this.confChanges++
      this.trace.add(7e6 + leader.n)
      this.#log(`${leader.id} proposes ${change.type} ${change.node}`)
    } catch (err) {
      this.#countError(err)
    }
  }

  #transfer (): void {
    const leader = this.#leader()
    if (leader === undefined) return
    const others = leader.node!.status().conf.voters.filter(id => id !== leader.id)
    if (others.length === 0) return
    try {
      const to = this.rng.pick(others)
      leader.node!.transferLeadership(to)
      this.transfers++
      this.#log(`${leader.id} transfers leadership to ${to}`)
    } catch (err) {
      this.#countError(err)
    }
  }

  #compact (h: Host | undefined): void {
    if (h === undefined) return
    const machine = h.machine!
    if (machine.index - (h.disk.firstIndex() - 1) < 8) return
    try {
      h.node!.compact(machine.index, machine.snapshot())
      this.#drain(h)
    } catch (err) {
      this.#countError(err)
    }
  }

  #clientWork (): void {
    const f = this.faults
    let writes = Math.floor(f.proposeRate) + (this.rng.chance(f.proposeRate % 1) ? 1 : 0)
    for (; writes > 0; writes--) {
      const live = this.#live()
      if (live.length === 0) return
      const h = this.rng.pick(live)
      if (this.clients.propose(h, this.clients.pad()) !== 0) this.trace.add(9e6 + h.n)
      this.#drainAll()
    }
    const live = this.#live()
    if (live.length > 0 && this.rng.chance(f.readRate)) {
      this.clients.read(this.rng.pick(live))
      this.#drainAll()
    }
  }

  #drainAll (): void {
    for (const h of this.hosts.values()) if (h.up) this.#drain(h)
  }

  // ---- healing and liveness ----

  #heal (): void {
    this.net.heal()
    this.partitionEnds = -1
    this.net.faults = { ...this.faults, loss: 0, duplicate: 0, garble: 0 }
    for (const h of this.hosts.values()) {
      if (h.up) h.armedCrash = null
      else this.#start(h)
    }
    this.#log('heal: network whole, every node up')
  }

  #checkLiveness (t: number): void {
    const leader = this.#leader()
    if (leader === undefined || this.settled === null || this.settled.id !== leader.id || this.settled.term !== leader.node!.term) {
      if (this.liveness !== null && this.clients.pendingAt(this.liveness.leader) > 0) {
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
      this.#log(`liveness writes up to ${this.liveness.index} proposed at ${leader.id}`)
      this.#drain(leader)
      return
    }
    if (this.clients.pendingAt(leader.id) > 0) return
    for (const id of [...st.conf.voters, ...st.conf.learners]) {
      const h = this.hosts.get(id)!
      if (!h.up || h.machine!.index < this.liveness.index) return
    }
    this.done = true
  }

  #reportStall (): void {
    if (this.settled === null) this.inv.fail(`liveness: no leader within ${this.o.healTicks} ticks of healing`)
    else if (this.liveness === null) this.inv.fail(`liveness: leader ${this.settled.id} never settled with everything committed`)
    else if (this.clients.pendingAt(this.liveness.leader) > 0) this.inv.fail(`liveness: writes proposed at ${this.liveness.at} never committed`)
    else this.inv.fail('liveness: members never caught up with the liveness writes')
  }

  /** Every acknowledged write is in the final state of every member. */
  #checkDurability (): void {
    const leader = this.#leader()
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

  #live (): Host[] {
    return [...this.hosts.values()].filter(h => h.up)
  }

  /** The live leader with the highest term, if any. */
  #leader (): Host | undefined {
    let best: Host | undefined
    for (const h of this.hosts.values()) {
      if (h.up && h.node!.role === 'leader' && (best === undefined || h.node!.term > best.node!.term)) best = h
    }
    return best
  }

  #countError (err: unknown): void {
    if (!(err instanceof RaftError)) throw err
    this.errors[err.code] = (this.errors[err.code] ?? 0) + 1
  }

  #log (line: string): void {
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
      traceHash: this.trace.hex(),
      ticks,
      commits,
      elections: this.inv.elections,
      proposals: this.clients.proposals,
      acknowledged: this.clients.acknowledged.length,
      readsIssued: this.clients.readsIssued,
      readsConfirmed: this.clients.readsConfirmed,
      crashes: this.crashes,
      snapshotsInstalled: this.snapshots,
      confChanges: this.confChanges,
      transfers: this.transfers,
      refused: this.refused,
      messages: { ...this.net.stats },
      errors,
      violations: this.inv.violations
    }
    if (this.o.log) r.log = this.logLines
    return r
  }
}

function describe (m: Message): string {
  switch (m.type) {
    case 'append': return `append t${m.term} (${m.index},${m.logTerm}) +${m.entries.length} c${m.commit}`
    case 'append-response': return `append-response t${m.term} ${m.reject ? `reject ${m.index} hint (${m.rejectHint},${m.logTerm})` : `ok ${m.index}`}`
    case 'heartbeat': return `heartbeat t${m.term} c${m.commit}`
    case 'vote': case 'pre-vote': return `${m.type} t${m.term} (${m.index},${m.logTerm})${m.transfer ? ' transfer' : ''}`
    case 'vote-response': case 'pre-vote-response': return `${m.type} t${m.term} ${m.reject ? 'reject' : 'grant'}`
    case 'snapshot': return `snapshot t${m.term} at ${m.snapshot.index}`
    default: return `${m.type} t${m.term}`
  }
}

function safeJson (v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x: unknown) => x instanceof Uint8Array ? `<${x.byteLength} bytes>` : x)?.slice(0, 200) ?? String(v)
  } catch {
    return String(v)
  }
}
