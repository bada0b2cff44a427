import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Test } from 'tap'
import { pino } from 'pino'
import { RealClock } from '../../../controller/clock/index.ts'
import type { AppSpec } from '../../../controller/graph/types.ts'
import { LoopbackNetwork, LoopbackTransport, MemoryGossipNetwork } from '../../../daemon/network/index.ts'
import { openStore } from '../../../daemon/store/index.ts'
import type { Store } from '../../../daemon/store/index.ts'
import type { Datagrams } from '../../../daemon/network/index.ts'
import { RaftCommandLog } from '../../../daemon/consensus/index.ts'
import type { RaftCommandLogInit } from '../../../daemon/consensus/index.ts'

export const logger = pino({ level: 'silent' })
export const spec = (name: string): AppSpec => ({ name, components: [], entries: [], constraints: [] })

interface Member {
  log: RaftCommandLog
  transport: LoopbackTransport
  store: Store
}

/** Three (or more) RaftLogs on one LoopbackNetwork with real LevelDB in temp dirs; all torn down with the test. */
export class Cluster {
  readonly network = new LoopbackNetwork()
  /** Datagrams between the members, when the cluster was created with them. */
  readonly datagrams: MemoryGossipNetwork | undefined
  readonly ids: string[]
  readonly members = new Map<string, Member>()
  readonly #dirs = new Map<string, string>()
  readonly #joined = new Set<string>()
  readonly #init: RaftCommandLogInit
  /** Who bootstraps the group; every other member starts passive, waiting to be added. */
  readonly #founders: string[]

  private constructor (ids: string[], init: RaftCommandLogInit, founders: string[], datagrams: boolean) {
    this.datagrams = datagrams ? new MemoryGossipNetwork() : undefined
    this.ids = ids
    this.#init = init
    this.#founders = founders
  }

  /** Starts `ids`; by default all of them found the group, `founders` names a subset; `datagrams`: idle heartbeats may go by datagram. */
  static async create (t: Test, ids: string[], init: RaftCommandLogInit = {}, founders: string[] = ids, options: { datagrams?: boolean } = {}): Promise<Cluster> {
    const c = new Cluster([...ids], init, [...founders], options.datagrams === true)
    t.teardown(async () => {
      for (const id of [...c.members.keys()]) await c.stop(id)
      for (const dir of c.#dirs.values()) await rm(dir, { recursive: true, force: true })
    })
    for (const id of ids) c.#dirs.set(id, await mkdtemp(join(tmpdir(), `trellis-raft-${id}-`)))
    for (const id of ids) await c.start(id)
    return c
  }

  /** Starts (or restarts from its disk) one member. */
  async start (id: string): Promise<RaftCommandLog> {
    const store = await openStore(this.#dirs.get(id)!)
    const transport = new LoopbackTransport({ network: this.network }, { nodeId: id })
    const log = new RaftCommandLog({ transport, store, clock: new RealClock(), logger, ...(this.datagrams !== undefined ? { datagrams: this.#datagramsOf(id) } : {}) }, {
      tickMs: 20, timeoutMs: 4000, ...this.#init, voters: this.#founders.includes(id) ? this.#founders : undefined
    })
    this.members.set(id, { log, transport, store })
    await log.start()
    return log
  }

  /** A new node with empty storage and no founders: it waits to be added by the leader. */
  async add (id: string): Promise<RaftCommandLog> {
    this.#dirs.set(id, await mkdtemp(join(tmpdir(), `trellis-raft-${id}-`)))
    this.ids.push(id)
    return await this.start(id)
  }

  /** `id`'s datagrams, every member's address known to it, as gossip would tell. */
  #datagramsOf (id: string): Datagrams {
    const net = this.datagrams!
    if (!this.#joined.has(id)) net.join(id)
    this.#joined.add(id)
    const d = net.datagrams(id)
    for (const other of this.ids) if (other !== id) d.learn(other, [`/memory/${other}`])
    for (const other of this.#joined) if (other !== id) net.datagrams(other).learn(id, [`/memory/${id}`])
    return d
  }

  /** The data directory of a member (for opening its store while it is stopped). */
  dir (id: string): string {
    return this.#dirs.get(id)!
  }

  /** Stops one member as a crash-free shutdown would: log, transport, store. */
  async stop (id: string): Promise<void> {
    const m = this.members.get(id)
    if (m === undefined) return
    this.members.delete(id)
    await m.log.close()
    await m.transport.close()
    await m.store.close()
  }

  log (id: string): RaftCommandLog {
    return this.members.get(id)!.log
  }

  /** The one leader all running members agree on, or undefined. */
  leader (): string | undefined {
    const seen = new Set([...this.members.values()].map(m => m.log.status().leader))
    const [only] = seen
    return seen.size === 1 && only !== null && only !== undefined && this.members.has(only) ? only : undefined
  }

  async waitLeader (ms = 5000): Promise<string> {
    await waitFor(() => this.leader() !== undefined, ms, 'a leader')
    return this.leader()!
  }
}

/** Polls until cond holds, or throws after ms. */
export async function waitFor (cond: () => boolean, ms: number, what: string): Promise<void> {
  const until = Date.now() + ms
  while (!cond()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 10))
  }
}
