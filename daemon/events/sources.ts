/**
 * What a node observes for itself, as events: membership transitions from
 * its failure detector and changes committed to the grid's state. Pure
 * translations; daemon/node.ts feeds them to GridEvents.observe.
 */
import type { ApplyResult } from '../../controller/state/index.ts'
import type { MembershipEvent } from '../membership/index.ts'
import type { NewEvent } from './types.ts'

type Observed = Omit<NewEvent, 'origin'>

/**
 * A membership transition as a grid event; subject and detail name the node.
 * A parked node going quiet is what parking is for (it was powered off): its
 * suspicion is not said and its going down is `node-off`, not a failure.
 */
export function membershipEvent (e: MembershipEvent, nameOf: (id: string) => string, parked: (id: string) => boolean = () => false): Observed | undefined {
  const name = nameOf(e.peer)
  const base = { at: e.at, kind: e.type, app: '', subject: name }
  if ((e.type === 'node-suspect' || e.type === 'node-down' || e.type === 'node-left') && parked(e.peer)) {
    return e.type === 'node-suspect' ? undefined : { ...base, kind: 'node-off', detail: `${name} is parked and off (${e.type === 'node-left' ? 'it shut down cleanly' : 'silent'}, as parking allows)` }
  }
  switch (e.type) {
    case 'node-up': return { ...base, detail: `${name} is up (incarnation ${e.incarnation})` }
    case 'node-suspect': return { ...base, detail: `${name} missed heartbeats (phi ${e.phi.toFixed(1)}); asking others to probe it` }
    case 'node-recovered': return { ...base, detail: `${name} answered again (${e.by})` }
    case 'node-down': return { ...base, detail: `${name} is down: silent for ${(e.suspectForMs / 1000).toFixed(1)} s after suspicion (phi ${e.phi.toFixed(1)})` }
    case 'node-rejoined': return { ...base, detail: `${name} is back (incarnation ${e.incarnation}, was ${e.from})` }
    case 'node-left': return { ...base, detail: `${name} left the grid cleanly` }
  }
}

/** A committed change as a grid event, or undefined for the kinds other events already tell (placements, volumes). */
export function appliedEvent (r: ApplyResult, at: number, nameOf: (id: string) => string): Observed | undefined {
  switch (r.kind) {
    case 'app-put':
      if (r.change === 'unchanged') return undefined
      if (r.change === 'refused') return { at, kind: 'app-refused', app: r.name, subject: r.name, detail: r.why ?? 'refused' }
      return { at, kind: r.change === 'created' ? 'app-created' : 'app-updated', app: r.name, subject: r.name, detail: `version ${r.version} committed` }
    case 'app-deleted':
      return r.existed ? { at, kind: 'app-deleted', app: r.name, subject: r.name, detail: 'deleted with its instances and volumes' } : undefined
    case 'node-admin': {
      const name = nameOf(r.node)
      const why = r.reason !== undefined ? ` (${r.reason})` : ''
      if (r.parked === true) {
        return r.draining
          ? { at, kind: 'node-parking', app: '', subject: name, detail: `${name}: moving its instances elsewhere to park it${why}` }
          : { at, kind: 'node-parked', app: '', subject: name, detail: `${name}: parked: empty, takes nothing new, may be powered off${why}` }
      }
      // Only an unpark carries a reason when it ends in no admin state at all.
      if (!r.cordoned && !r.draining && r.reason !== undefined) return { at, kind: 'node-unparked', app: '', subject: name, detail: `${name}: takes instances again${why}` }
      const kind = r.draining ? 'node-draining' : r.cordoned ? 'node-cordoned' : 'node-uncordoned'
      return { at, kind, app: '', subject: name, detail: r.draining ? `${name}: moving its instances elsewhere` : r.cordoned ? `${name}: nothing new is placed on it` : `${name}: takes instances again` }
    }
    case 'power-set':
      return { at, kind: 'power-policy', app: '', subject: 'grid', detail: r.consolidate ? 'consolidation on: idle nodes are emptied and parked' : 'consolidation off: nothing more is parked' }
    case 'image-put':
      return r.change === 'created' ? { at, kind: 'image-added', app: '', subject: `${r.name}@${r.version}`, detail: r.digest } : undefined
    case 'image-deleted':
      return r.existed ? { at, kind: 'image-deleted', app: '', subject: `${r.name}@${r.version}`, detail: 'deleted from the catalog' } : undefined
    default:
      return undefined
  }
}
