import type { NodeView } from '../../controller/client/types.ts'
import type { NodeCapacity } from '../../controller/graph/index.ts'
import type { SensedNode } from '../../controller/reconciler/index.ts'
import { adminOf, type GridState } from '../../controller/state/index.ts'
import type { NodeAdvert } from '../resources/index.ts'
import type { DirectoryEntry } from './directory.ts'
import type { PeerState } from './types.ts'

/** What the grid's view of its nodes is made from. */
export interface GridNodesComponents {
  /** This node. */
  self: { id: string, name: string }
  /** Who the grid's members are and how each is doing; absent on a node outside any grid, which is its own grid. */
  directory?: { nodes (): DirectoryEntry[] }
  /** This node's advert now, for a node outside any grid; a member's own directory entry carries its advert. */
  advert?: () => Promise<NodeAdvert>
  /** The committed state, for operators' cordons and drains. */
  state: () => GridState
}

/**
 * The grid's view of its nodes, in one place: their names, their states as
 * the failure detector sees them, their adverts and what operators said of
 * them. The admin API, the reconciler, rebalance, validation and the volume
 * layer all ask here, so a node has one name and one state everywhere.
 */
export class GridNodes {
  readonly #c: GridNodesComponents

  constructor (components: GridNodesComponents) {
    this.#c = components
  }

  /** A node's name from its advert; its id until one has arrived. */
  nameOf (id: string): string {
    if (id === this.#c.self.id) return this.#c.self.name
    return this.#entry(id)?.advert?.name ?? id
  }

  /** A node's state as this node sees it; undefined for a node it has never heard of. */
  stateOf (id: string): PeerState | undefined {
    return id === this.#c.self.id ? 'up' : this.#entry(id)?.state
  }

  /** Whether the grid has parked the node (or is parking it). */
  parked (id: string): boolean {
    return adminOf(this.#c.state(), id).parked
  }

  isUp (id: string): boolean {
    return this.stateOf(id) === 'up'
  }

  /** This node as the API shows it. */
  async self (): Promise<NodeView> {
    const entry = this.#c.directory?.nodes().find(n => n.self)
    const advert = entry?.advert ?? await this.#c.advert?.()
    return this.#view({ id: this.#c.self.id, state: 'up', self: true, lastSeen: Date.now(), ...entry, ...(advert !== undefined ? { advert } : {}) })
  }

  /** Every node of the grid as the API shows it, this one first. */
  async views (): Promise<NodeView[]> {
    if (this.#c.directory === undefined) return [await this.self()]
    return this.#c.directory.nodes().map(e => this.#view(e))
  }

  /** A node by id or name, as the API shows it. */
  async find (idOrName: string): Promise<NodeView | undefined> {
    return (await this.views()).find(n => n.id === idOrName || n.name === idOrName)
  }

  /** Every node that has advertised, as the scheduler sees it: capacity, capabilities, state, admin state and when it was last heard. */
  sensed (): SensedNode[] {
    const state = this.#c.state()
    return (this.#c.directory?.nodes() ?? []).flatMap(n => n.advert === undefined
      ? []
      : [{
          ...schedulerFacts(n.advert),
          id: n.id,
          state: n.state,
          ...adminOf(state, n.id),
          ...(n.lastHeard !== undefined ? { lastHeard: n.lastHeard } : {})
        }])
  }

  /** What each up node could give one instance when empty: validation refuses an app no node could ever hold. */
  async capacities (): Promise<NodeCapacity[]> {
    const adverts = this.#c.directory !== undefined
      ? this.#c.directory.nodes().flatMap(n => n.state === 'up' && n.advert !== undefined ? [n.advert] : [])
      : this.#c.advert !== undefined ? [await this.#c.advert()] : []
    return adverts.map(a => ({ name: a.name, allocatable: schedulerFacts(a).capacity }))
  }

  /** The MAC a Wake-on-LAN packet reaches a node at, from its last advert; undefined when it gave none. */
  wakeMacOf (id: string): string | undefined {
    return this.#entry(id)?.advert?.wakeMac
  }

  #entry (id: string): DirectoryEntry | undefined {
    return this.#c.directory?.nodes().find(n => n.id === id)
  }

  /** A directory entry as the API shows it. Nodes heard from but not yet advertised show what is known. */
  #view (entry: DirectoryEntry): NodeView {
    const a: NodeAdvert | undefined = entry.advert
    const admin = adminOf(this.#c.state(), entry.id)
    return {
      id: entry.id,
      name: a?.name ?? entry.id,
      state: entry.state,
      ...(admin.parked ? { admin: admin.draining ? 'parking' as const : 'parked' as const } : admin.draining ? { admin: 'draining' as const } : admin.cordoned ? { admin: 'cordoned' as const } : {}),
      ...(a?.wakeMac !== undefined ? { wakeMac: a.wakeMac } : {}),
      self: entry.self,
      version: a?.versions.trellis ?? '',
      address: a?.listenAddrs.join(' ') ?? '',
      zone: a?.zone ?? '',
      labels: a?.labels ?? {},
      power: { source: a?.power.source ?? 'unknown', chargePercent: a?.power.chargePercent, charging: a?.power.charging ?? false },
      incarnation: a?.incarnation ?? 0,
      cpu: { cores: a?.cpu.cores ?? 0, model: a?.cpu.model ?? '', load1: a?.cpu.load1 ?? 0, allocated: a?.cpu.allocated ?? 0 },
      memory: { total: a?.memory.total ?? 0, free: a?.memory.free ?? 0, allocatable: a?.memory.allocatable ?? 0, allocated: a?.memory.allocated ?? 0 },
      disk: { total: a?.disk.total ?? 0, free: a?.disk.free ?? 0 },
      capabilities: a?.capabilities ?? [],
      notes: a?.notes ?? [],
      lastSeen: entry.lastSeen,
      ...(entry.drops !== undefined ? { drops: entry.drops } : {}),
      ...(entry.heartbeats !== undefined ? { heartbeats: entry.heartbeats } : {})
    }
  }
}

/** What the scheduler reads of an advert. */
function schedulerFacts (a: NodeAdvert): Pick<SensedNode, 'name' | 'zone' | 'labels' | 'power' | 'capabilities' | 'capacity'> {
  return {
    name: a.name,
    zone: a.zone,
    labels: a.labels,
    power: { source: a.power.source, chargePercent: a.power.chargePercent },
    capabilities: a.capabilities,
    capacity: { cpu: a.cpu.allocatable, memory: a.memory.allocatable, disk: a.disk.allocatable }
  }
}
