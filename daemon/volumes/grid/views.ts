/**
 * Volumes as the API shows them: the committed record, with each member's
 * node state and, from the primary, the progress of its catch-ups.
 */
import type { VolumeMemberView, VolumeView } from '../../../controller/client/types.ts'
import type { VolumeRecord } from '../../../controller/state/index.ts'

export interface VolumeViewSources {
  nameOf: (id: string) => string
  stateOf: (id: string) => string
  /** Catch-ups the primary runs for this volume (local or gossiped). */
  syncsOf: (volume: string, primary: string) => Array<{ node: string, comparedBytes: number, totalBytes: number, copiedBytes: number, startedAt: number }>
}

export function volumeView (v: VolumeRecord, src: VolumeViewSources): VolumeView {
  const syncs = v.primary === '' ? [] : src.syncsOf(v.id, v.primary)
  const members = v.members.map((id): VolumeMemberView => {
    const sync = syncs.find(s => s.node === id)
    return {
      id,
      name: src.nameOf(id),
      node: src.stateOf(id),
      inSync: v.inSync.includes(id),
      primary: id === v.primary,
      ...(sync !== undefined && !v.inSync.includes(id)
        ? { sync: { ...sync, percent: sync.totalBytes === 0 ? 100 : Math.floor(100 * sync.comparedBytes / sync.totalBytes) } }
        : {})
    }
  })
  const live = members.filter(m => m.inSync && m.node === 'up').length
  const state = live === 0
    ? 'unavailable'
    : members.some(m => m.sync !== undefined)
      ? 'rebuilding'
      : v.inSync.length < v.replicas ? 'degraded' : 'healthy'
  return {
    id: v.id,
    app: v.app,
    component: v.component,
    sizeBytes: v.sizeBytes,
    replicas: v.replicas,
    generation: v.generation,
    ...(v.primary !== '' ? { primary: { id: v.primary, name: src.nameOf(v.primary) } } : {}),
    state,
    members
  }
}
