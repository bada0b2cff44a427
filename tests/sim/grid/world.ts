/**
 * Expands a scenario into what the real code takes: AppSpecs for the state
 * machine and the scheduler, an image lookup, and the nodes' static facts.
 */
import type { AppSpec, ComponentSpec } from '../../../controller/graph/index.ts'
import type { Amounts, ImageLookup } from '../../../controller/scheduler/types.ts'
import { InvalidScenarioError } from './errors.ts'
import type { AppTemplate, Scenario } from './types.ts'

const MiB = 1024 ** 2
const GiB = 1024 ** 3

/** What a node is, before anything happens to it. */
export interface NodeFacts {
  id: string
  name: string
  zone: string
  labels: Record<string, string>
  capabilities: string[]
  capacity: Amounts
  power: { source: 'mains' | 'battery', chargePercent?: number }
}

/** The expanded scenario. */
export interface World {
  nodes: NodeFacts[]
  apps: AppSpec[]
  images: ImageLookup
  /** commandKey(app, component) → the sim command its instances run. */
  commands: Map<string, string[]>
}

/** Expands a scenario; throws InvalidScenarioError (ERR_INVALID_SCENARIO) naming what is wrong. */
export function worldOf (scenario: Scenario): World {
  const prefix = scenario.nodePrefix ?? 'node-'
  const total = scenario.nodes.reduce((s, g) => s + g.count, 0)
  const width = String(Math.max(total - 1, 0)).length
  const nodes: NodeFacts[] = []
  for (const group of scenario.nodes) {
    if (!Number.isSafeInteger(group.count) || group.count < 0) throw new InvalidScenarioError(`nodes: count ${group.count} in zone ${group.zone} is not a whole number`)
    for (let k = 0; k < group.count; k++) {
      // Zero-padded so id order is numeric order: the scheduler sorts nodes by id.
      const id = `${prefix}${String(nodes.length).padStart(width, '0')}`
      nodes.push({
        id,
        name: id,
        zone: group.zone,
        labels: { ...group.labels },
        capabilities: [...(group.capabilities ?? [])],
        capacity: { cpu: group.cpu, memory: group.memoryGiB * GiB, disk: group.diskGiB * GiB },
        power: group.power?.source === 'battery' ? { source: 'battery', chargePercent: group.power.chargePercent ?? 100 } : { source: 'mains' }
      })
    }
  }
  const commands = new Map<string, string[]>()
  const apps: AppSpec[] = []
  const names = new Set<string>()
  for (const template of scenario.apps) {
    for (const app of expand(template)) {
      if (names.has(app.name)) throw new InvalidScenarioError(`apps: ${app.name} is listed twice`)
      names.add(app.name)
      for (const c of template.components) {
        if (!Object.hasOwn(scenario.images, c.image)) throw new InvalidScenarioError(`apps.${template.name}.${c.name}: no image ${c.image} in images`)
        commands.set(commandKey(app.name, c.name), c.command ?? ['sim', 'run'])
      }
      apps.push(app)
    }
  }
  const images = new Map(Object.entries(scenario.images).map(([name, requires]) => [name, { requires }]))
  return { nodes, apps, images, commands }
}

function expand (template: AppTemplate): AppSpec[] {
  const copies = template.copies ?? 1
  const names = copies === 1 && template.copies === undefined ? [template.name] : Array.from({ length: copies }, (_, i) => `${template.name}-${i}`)
  return names.map(name => ({
    name,
    components: template.components.map((c): ComponentSpec => ({
      name: c.name,
      image: c.image,
      count: c.count,
      properties: {},
      resources: { cpu: c.cpu, memory: c.memoryMiB * MiB, disk: (c.diskGiB ?? 0) * GiB },
      connections: [],
      volumes: c.volumeGiB === undefined ? [] : [{ name: 'data', size: c.volumeGiB * GiB, replicas: 2, mount: '/data' }],
      constraints: [],
      antiAffinity: c.antiAffinity === true
    })),
    entries: [],
    constraints: []
  }))
}

/** The key of a component's sim command in World.commands. */
export function commandKey (app: string, component: string): string {
  return `${app}/${component}`
}
