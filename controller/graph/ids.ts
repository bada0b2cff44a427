/**
 * The names Trellis derives from an app's graph, built and read here only.
 * App and component names are DNS labels and volume names hold no dot, so a
 * dot always separates the parts:
 *
 *   instance   <app>.<component>.<index>    three-tier.web.1
 *   volume     <app>.<component>.<volume>   three-tier.db.data
 *   snapshot   <volume>@<name>              three-tier.db.data@before-upgrade
 *   subject    <app>.<what>                 three-tier.placement (what an event is about)
 */
import type { AppSpec, ComponentSpec } from './types.ts'

/** The parts of an instance id. */
export interface InstanceName {
  app: string
  component: string
  index: number
}

/** The id of instance `index` of a component: the name the node agent runs it under. */
export function instanceId (app: string, component: string, index: number): string {
  return `${app}.${component}.${index}`
}

/** The parts of an instance id, or undefined when `id` is not one. */
export function parseInstanceId (id: string): InstanceName | undefined {
  const parts = id.split('.')
  if (parts.length !== 3) return undefined
  const [app, component, index] = parts as [string, string, string]
  if (app === '' || component === '' || !/^(0|[1-9]\d*)$/.test(index)) return undefined
  return { app, component, index: Number(index) }
}

/**
 * The instance a component's volumes attach to. A component with volumes runs
 * one instance (the validator sees to it), so it is always index 0.
 */
export function statefulInstanceId (app: string, component: string): string {
  return instanceId(app, component, 0)
}

/** The id a component's volume has on the grid. */
export function volumeId (app: string, component: string, volume: string): string {
  return `${app}.${component}.${volume}`
}

/** The id of snapshot `name` of a volume. */
export function snapshotId (volume: string, name: string): string {
  return `${volume}@${name}`
}

/** The id of something of an app's that events are recorded about: an entry, its placement, the node's fence. */
export function subjectId (app: string, what: string): string {
  return `${app}.${what}`
}

/** The app an instance, volume or event subject belongs to. */
export function appOf (id: string): string {
  const dot = id.indexOf('.')
  return dot < 0 ? id : id.slice(0, dot)
}

/** The component of `app` that instance `id` belongs to, or undefined when it is not one of the app's. */
export function componentOf (app: AppSpec, id: string): ComponentSpec | undefined {
  const name = parseInstanceId(id)
  return name?.app === app.name ? app.components.find(c => c.name === name.component) : undefined
}
