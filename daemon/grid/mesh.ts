import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Logger } from 'pino'
import type { Clock } from '../../controller/clock/index.ts'
import { detectorPreset } from '../membership/index.ts'
import { createMeshHost, Libp2pTransport, loadGridKey, loadNodeKey, type MeshHost } from '../mesh/index.ts'
import { ADVERT_INTERVAL_MS, ADVERT_MIN_GAP_MS, type NodeAdvert } from '../resources/index.ts'
import { loadGridConfig, GRID_KEY_FILE } from './config.ts'
import { ADVERT_TOPIC, HEARTBEAT_TOPIC, NodeDirectory } from './directory.ts'
import { InstanceReports, INSTANCES_TOPIC, type LocalReport } from './reports.ts'

/** How the node takes part in the mesh; flags override grid.json. */
export interface MeshOptions {
  listen?: string[]
  bootstrap: string[]
  mdns?: boolean
  /** `lan` or `field`. */
  detector: string
  dialTimeoutMs?: number
  incarnation: number
}

/** A node's grid membership, started: the libp2p host, the transport over it, the directory. */
export interface GridMembership {
  /** True on the node `trellisd init` made: it bootstraps the replicated log. */
  founder: boolean
  host: MeshHost
  transport: Libp2pTransport
  directory: NodeDirectory
  /** What every other node reports it runs. */
  reports: InstanceReports
  stop (): Promise<void>
}

/** True when the data dir belongs to a grid (trellisd init or join ran). */
export function inGrid (dataDir: string): boolean {
  return existsSync(join(dataDir, GRID_KEY_FILE))
}

/** Starts the mesh host, the transport and the directory of a node that belongs to a grid. */
export async function joinMesh (
  components: {
    logger: Logger
    clock: Clock
    advert: (stamp: { incarnation: number, sequence: number, sentAt: number }) => Promise<NodeAdvert>
    /** What this node runs, for its instance reports. */
    local: () => LocalReport
  },
  dataDir: string,
  options: MeshOptions
): Promise<GridMembership> {
  const settings = detectorPreset(options.detector)
  const config = await loadGridConfig(dataDir)
  const gridKey = await loadGridKey(join(dataDir, GRID_KEY_FILE))
  const privateKey = await loadNodeKey(dataDir)
  const host = await createMeshHost({ logger: components.logger.child({ component: 'mesh' }), clock: components.clock }, {
    privateKey,
    gridKey,
    listen: options.listen ?? config?.listen ?? ['/ip4/0.0.0.0/tcp/7400'],
    bootstrap: [...(config?.bootstrap ?? []), ...options.bootstrap],
    mdns: options.mdns ?? config?.mdns ?? true,
    dialTimeoutMs: options.dialTimeoutMs,
    topics: [ADVERT_TOPIC, HEARTBEAT_TOPIC, INSTANCES_TOPIC]
  })
  const transport = new Libp2pTransport({ host, logger: components.logger.child({ component: 'transport' }) }, { dialTimeoutMs: host.dialTimeoutMs })
  const directory = new NodeDirectory(
    { host, transport, clock: components.clock, logger: components.logger.child({ component: 'membership' }), advert: components.advert },
    { settings, incarnation: options.incarnation, advertIntervalMs: ADVERT_INTERVAL_MS, advertMinGapMs: ADVERT_MIN_GAP_MS, seed: options.incarnation }
  )
  await directory.start()
  const reports = new InstanceReports(
    { host, clock: components.clock, logger: components.logger.child({ component: 'reports' }), local: components.local },
    { selfId: transport.nodeId, incarnation: options.incarnation }
  )
  reports.start()
  let stopping: Promise<void> | undefined
  return {
    founder: config?.founder === true,
    host,
    transport,
    directory,
    reports,
    stop: () => {
      stopping ??= (async () => {
        reports.stop()
        await directory.stop()
        // The transport stops the host too: peers must see this node leave.
        await transport.close()
        await host.stop()
      })()
      return stopping
    }
  }
}
