import { createHash } from 'node:crypto'
import type { Catalog, ImageManifest } from '../../controller/catalog/types.ts'
import { instanceId, type AppSpec, type ComponentSpec } from '../../controller/graph/index.ts'
import type { GridState } from '../../controller/state/index.ts'
import type { Endpoint } from '../network/endpoint.ts'

/** One instance this node should run, with everything needed to start it. */
export interface InstancePlan {
  /** `<app>.<component>.<index>` */
  id: string
  app: string
  component: string
  index: number
  node: string
  spec: ComponentSpec
  image: ImageManifest
  /**
   * Fingerprint of what the running process depends on (its component, its
   * image, how many instances sit behind each output). A change means restart.
   */
  hash: string
}

/** Says which node runs an instance; one node runs everything until the grid has a scheduler. */
export type Placement = (instanceId: string) => string | undefined

/**
 * Every instance the state asks for that is placed on `node`. Pure. Apps whose
 * image is missing from the catalog are skipped and reported in `missing`.
 */
export function planInstances (state: GridState, catalog: Catalog, node: string, place: Placement): { plans: InstancePlan[], missing: string[] } {
  const plans: InstancePlan[] = []
  const missing: string[] = []
  for (const app of [...state.apps.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    for (const spec of app.spec.components) {
      // The digest the app was applied with, so a newer version imported since changes nothing.
      const image = catalog.get(spec.digest ?? spec.image)
      if (image === undefined) { missing.push(`${app.name}.${spec.name}: image ${spec.image}`); continue }
      const hash = fingerprint(app.spec, spec, image)
      for (let index = 0; index < spec.count; index++) {
        const id = instanceId(app.name, spec.name, index)
        if (place(id) !== node) continue
        plans.push({ id, app: app.name, component: spec.name, index, node, spec, image, hash })
      }
    }
  }
  return { plans, missing }
}

/** Every instance of a component's input, in index order, wherever each runs. */
export function endpointsOf (app: AppSpec, component: string, terminal: string, place: Placement): Endpoint[] {
  const spec = app.components.find(c => c.name === component)
  if (spec === undefined) return []
  const endpoints: Endpoint[] = []
  for (let index = 0; index < spec.count; index++) {
    const instance = instanceId(app.name, component, index)
    const node = place(instance)
    if (node !== undefined) endpoints.push({ node, instance, terminal })
  }
  return endpoints
}

function fingerprint (app: AppSpec, spec: ComponentSpec, image: ImageManifest): string {
  const behind = spec.connections.map(c => [c.output, c.component, c.input, app.components.find(x => x.name === c.component)?.count ?? 0])
  const what: unknown[] = [image.name, image.version, image.start, image.health]
  // Added only when set, so that images without them keep the hash they had before these fields existed.
  if (image.stop !== undefined || image.environment !== undefined) what.push(image.stop ?? null, image.environment ?? null)
  const text = JSON.stringify({ spec, image: what, behind })
  return createHash('sha256').update(text).digest('hex').slice(0, 16)
}
