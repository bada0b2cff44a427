/**
 * A hand-driven cluster for table tests, in the manner of etcd's `network`:
 * messages wait in one FIFO queue until the test delivers them, through
 * filters that drop or hold what it chooses. Each node runs the simulator's
 * Host driver loop (persist, send, apply, advance) over a MemoryStorage.
 */
import { RaftNode, MemoryStorage } from '../../../controller/raft/index.ts'
import type { Entry, Message, RaftOptions, ReadState, Status } from '../../../controller/raft/index.ts'
import { Host } from '../../sim/raft/index.ts'
import { SeededRandom } from '../../../controller/random/index.ts'
import type { HostEvents } from '../../sim/raft/index.ts'

export type NodeOptions = Partial<Omit<RaftOptions, 'id' | 'storage' | 'rng'>>

export interface ClusterOptions extends NodeOptions {
  /** Founding voters. */
  voters: string[]
  /** Extra machines that start outside the group. */
  spares?: string[]
  seed?: number
  /** Start from these disks instead of bootstrapping (for the paper's figures). */
  disks?: Record<string, MemoryStorage>
}

/** Decides a queued message's fate: deliver, drop, or hold it for later. */
export type Filter = (m: Message) => 'deliver' | 'drop' | 'hold'

export class Cluster {
  readonly hosts = new Map<string, Host>()
  queue: Message[] = []
  held: Message[] = []
  filters: Filter[] = []
  readonly applied = new Map<string, Entry[]>()
  readonly reads = new Map<string, ReadState[]>()
  readonly sent: Message[] = []
  readonly events: HostEvents

  constructor (o: ClusterOptions) {
    const rng = new SeededRandom(o.seed ?? 1)
    const { voters, spares = [], disks, seed: _seed, ...nodeOptions } = o
    this.events = {
      send: m => { this.queue.push(m); this.sent.push(m) },
      applied: (h, e) => { this.applied.get(h.id)!.push(e) },
      readState: (h, rs) => { this.reads.get(h.id)!.push(rs) }
    }
    for (const [i, id] of [...voters, ...spares].entries()) {
      const disk = disks?.[id] ?? (voters.includes(id) ? MemoryStorage.bootstrapped(voters) : new MemoryStorage())
      const nodeRng = rng.fork()
      const host = new Host(id, i + 1, disk, (storage, applied) => new RaftNode({ ...nodeOptions, id, storage, applied, rng: nodeRng.asRng() }))
      this.hosts.set(id, host)
      this.applied.set(id, [])
      this.reads.set(id, [])
      host.start()
      host.drain(this.events)
    }
  }

  node (id: string): RaftNode {
    const n = this.hosts.get(id)!.node
    if (n === null) throw new Error(`${id} is down`)
    return n
  }

  status (id: string): Status {
    return this.node(id).status()
  }

  /** Ticks one node n times, running its driver loop after each. */
  tick (id: string, n = 1): void {
    const h = this.hosts.get(id)!
    for (let i = 0; i < n && h.up; i++) {
      h.node!.tick()
      h.drain(this.events)
    }
  }

  /** Ticks every live node n times, delivering messages after each round. */
  tickAll (n = 1): void {
    for (let i = 0; i < n; i++) {
      for (const [id, h] of this.hosts) if (h.up) this.tick(id)
      this.deliver()
    }
  }

  /** Steps a message straight into a node (for crafted messages); returns whether it was accepted. */
  step (id: string, m: unknown): boolean {
    const h = this.hosts.get(id)!
    const ok = h.node!.step(m)
    h.drain(this.events)
    return ok
  }

  /** Runs a node's driver loop (after a direct call such as propose). */
  drain (id: string): void {
    this.hosts.get(id)!.drain(this.events)
  }

  /** Delivers queued messages, and those they cause, until none are left (or maxMessages). */
  deliver (maxMessages = 100_000): number {
    let n = 0
    while (this.queue.length > 0 && n < maxMessages) {
      const m = this.queue.shift()!
      const fate = this.#fate(m)
      if (fate === 'drop') continue
      if (fate === 'hold') { this.held.push(m); continue }
      const h = this.hosts.get(m.to)
      if (h === undefined || !h.up) continue
      n++
      h.node!.step(m)
      h.drain(this.events)
    }
    return n
  }

  /** Puts held messages back in the queue. */
  release (): void {
    this.queue.push(...this.held)
    this.held = []
  }

  #fate (m: Message): 'deliver' | 'drop' | 'hold' {
    for (const f of this.filters) {
      const v = f(m)
      if (v !== 'deliver') return v
    }
    return 'deliver'
  }

  /** Drops everything to and from id until heal(). */
  isolate (id: string): void {
    this.filters.push(m => m.from === id || m.to === id ? 'drop' : 'deliver')
  }

  /** Drops messages between the two sides until heal(). */
  partition (a: string[], b: string[]): void {
    this.filters.push(m => (a.includes(m.from) && b.includes(m.to)) || (b.includes(m.from) && a.includes(m.to)) ? 'drop' : 'deliver')
  }

  heal (): void {
    this.filters = []
  }

  /** Makes id campaign now (ticks it past its randomized timeout) and delivers everything. */
  campaign (id: string): void {
    const n = this.node(id)
    const before = n.term
    const role = n.role
    for (let i = 0; i < 100 && n.role === role && n.term === before; i++) this.tick(id)
    this.deliver()
  }

  /** Elects id as leader (pre-vote and vote rounds delivered) and settles. */
  elect (id: string): void {
    this.campaign(id)
    if (this.node(id).role !== 'leader') this.deliver()
  }

  crash (id: string): void {
    this.hosts.get(id)!.crash()
  }

  restart (id: string): void {
    const h = this.hosts.get(id)!
    h.start()
    this.applied.set(id, [])
    h.drain(this.events)
  }

  /** Proposes on id and delivers everything; returns the index. */
  propose (id: string, data: string): number {
    const p = this.node(id).propose(new TextEncoder().encode(data))
    this.drain(id)
    this.deliver()
    return p.index
  }

  /** The client payloads id has applied, decoded as text. */
  appliedData (id: string): string[] {
    const out: string[] = []
    for (const e of this.applied.get(id)!) {
      if (e.type === 'normal' && e.data.byteLength > 0) out.push(new TextDecoder().decode(e.data))
    }
    return out
  }

  /** The live leaders (normally zero or one). */
  leaders (): string[] {
    return [...this.hosts.entries()].filter(([, h]) => h.up && h.node!.role === 'leader').map(([id]) => id)
  }

  /** (index, term) of every entry in a node's stored log, as "index:term". */
  logOf (id: string): string[] {
    const d = this.hosts.get(id)!.disk
    const out: string[] = []
    for (let i = d.firstIndex(); i <= d.lastIndex(); i++) out.push(`${i}:${d.term(i)}`)
    return out
  }

  disk (id: string): MemoryStorage {
    return this.hosts.get(id)!.disk
  }
}

/** Text as entry data. */
export function bytes (s: string): Uint8Array {
  return new TextEncoder().encode(s)
}

/**
 * A disk holding a log whose entries have the given terms (index i+1 has
 * terms[i]), at hard-state term `term` — for the Raft paper's figures. The
 * membership comes first as add-voter entries at term 1.
 */
export function diskWithLog (voters: string[], terms: number[], term: number): MemoryStorage {
  const d = MemoryStorage.bootstrapped(voters)
  const base = d.lastIndex()
  d.append(terms.map((t, i) => ({ type: 'normal', term: t, index: base + i + 1, data: bytes(`e${base + i + 1}t${t}`) })))
  d.setHardState({ term, vote: null, commit: base })
  return d
}
