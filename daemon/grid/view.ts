import type { NodeView } from '../../controller/client/types.ts'
import type { NodeAdvert } from '../resources/index.ts'
import type { DirectoryEntry } from './directory.ts'

/** A directory entry as the API shows it. Nodes heard from but not yet advertised show what is known. */
export function nodeView (entry: DirectoryEntry): NodeView {
  const a: NodeAdvert | undefined = entry.advert
  return {
    id: entry.id,
    name: a?.name ?? entry.id,
    state: entry.state,
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
    ...(entry.drops !== undefined ? { drops: entry.drops } : {})
  }
}
