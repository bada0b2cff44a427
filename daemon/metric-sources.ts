import type { GridState } from '../controller/state/index.ts'
import type { InstanceReports } from './agent/index.ts'
import type { RaftCommandLog } from './consensus/index.ts'
import type { BlobServer } from './images/index.ts'
import type { LogKeeper, LogServer } from './logs/index.ts'
import type { GridNodes, NodeDirectory } from './membership/index.ts'
import type { MetricsSources, VolumeGauge } from './metrics/index.ts'
import type { TerminalNetwork } from './network/index.ts'
import type { Supervisor } from './runtime/index.ts'

/** The parts of a node its metrics read; the grid's are absent on a lone node. */
export interface MeteredParts {
  selfId: string
  nodes: GridNodes
  supervisor: Supervisor
  network: TerminalNetwork
  blobServer: BlobServer
  logKeeper: LogKeeper
  logServer: LogServer
  grid?: { directory: NodeDirectory, reports: InstanceReports, raft: RaftCommandLog }
}

/** What NodeMetrics reads at a scrape, as narrow views of the node's parts. */
export function metricSources (p: MeteredParts): MetricsSources {
  const g = p.grid
  return {
    resources: async () => {
      const n = await p.nodes.self()
      return { name: n.name, version: n.version, cpu: n.cpu, memory: n.memory, disk: n.disk, power: n.power }
    },
    instances: () => p.supervisor.list(),
    members: g === undefined ? undefined : () => g.directory.nodes(),
    raft: g === undefined ? undefined : () => g.raft.status(),
    raftDatagrams: g === undefined ? undefined : () => g.raft.stats().heartbeatDatagrams,
    drops: g === undefined ? undefined : () => [{ topic: 'membership', counts: g.directory.drops.counts }, { topic: 'instances', counts: g.reports.drops.counts }, { topic: 'datagram', counts: g.directory.datagramDrops }],
    volumes: g === undefined ? undefined : () => volumeGauges(g.raft.state, p.selfId),
    streamBytes: () => p.network.streamBytes,
    imageBytesServed: () => p.blobServer.stats().bytesServed,
    logs: () => ({ rotatedBytes: p.logKeeper.rotatedBytes, linesServed: p.logServer.linesServed })
  }
}

/** The volumes this node holds a replica of or is primary for, as metrics show them. */
function volumeGauges (state: GridState, self: string): VolumeGauge[] {
  return [...state.volumes.values()]
    .filter(v => v.members.includes(self) || v.primary === self)
    .map(v => ({ volume: v.id, inSyncHere: v.inSync.includes(self), primary: v.primary === self, inSync: v.inSync.length, replicas: v.replicas }))
}
