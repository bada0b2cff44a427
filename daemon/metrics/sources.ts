/** What NodeMetrics reads at each scrape: narrow views of the node's components, wired in daemon/node.ts. */
export interface MetricsSources {
  /** This node's resources: its latest probe and what its instances hold. */
  resources: () => Promise<NodeResources>
  /** The instances this node's supervisor runs, with their states. */
  instances: () => Array<{ id: string, state: string }>
  /** Grid members as this node's failure detector sees them (absent outside a grid). */
  members?: () => Array<{ state: string }>
  /** The replicated log's view from here (absent outside a grid). */
  raft?: () => { term: number, commit: number, applied: number, role: string, leader: string | null }
  /** Raft's idle heartbeats and answers by datagram since start (absent outside a grid, or without datagrams). */
  raftDatagrams?: () => { sent: number, received: number, unanswered: number, refused: Record<string, number> } | undefined
  /** Gossip messages dropped, by topic and reason, since start. */
  drops?: () => Array<{ topic: string, counts: Record<string, number> }>
  /** Volumes this node holds a replica of or is primary for (absent outside a grid). */
  volumes?: () => VolumeGauge[]
  /** Bytes appliances sent and received through their output terminals, over connections that ended. */
  streamBytes?: () => { sent: number, received: number }
  /** Image bytes this node served to other nodes. */
  imageBytesServed?: () => number
  /** Bytes moved out of live instance logs by rotation, and log lines served to other nodes. */
  logs?: () => { rotatedBytes: number, linesServed: number }
}

/** This node's resources, bytes and cores. */
export interface NodeResources {
  name: string
  version: string
  cpu: { cores: number, load1: number, allocated: number }
  memory: { total: number, free: number, allocatable: number, allocated: number }
  disk: { total: number, free: number }
  power: { source: string, chargePercent?: number }
}

/** One volume as this node takes part in it. */
export interface VolumeGauge {
  volume: string
  /** This node holds a replica that the committed state counts in sync. */
  inSyncHere: boolean
  /** This node is the volume's primary (it runs the instance writing it). */
  primary: boolean
  /** In-sync replicas and replicas wanted, from the committed state. */
  inSync: number
  replicas: number
}
