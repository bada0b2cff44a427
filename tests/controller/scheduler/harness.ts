/**
 * Builds nodes and apps for scheduler tests from compact tables, one row a
 * line, `key=value` cells with defaults for what a row leaves out:
 *
 *   nodes(`
 *     n1 zone=a cpu=4 mem=8Gi used=1/2Gi/0 caps=volume-mount label.rack=r1
 *     n2 zone=b power=battery:15 state=down cordoned draining
 *   `)
 *   app('shop', `
 *     web count=3 cpu=0.5 mem=512Mi anti [zone != b]
 *     db  image=postgres mem=4Gi disk=10Gi [label.ssd]
 *   `, ['zone in a,b'])
 *
 * A constraint goes in brackets, in the syntax apps use.
 */
import { parseBytes, parseConstraint, parseCpu } from '../../../controller/graph/index.ts'
import type { AppSpec, ComponentSpec, Constraint } from '../../../controller/graph/types.ts'
import { schedule } from '../../../controller/scheduler/index.ts'
import type { ImageLookup, NodeState, PowerSource, SchedNode, ScheduleOptions, ScheduleResult } from '../../../controller/scheduler/index.ts'

const GiB = 1024 ** 3

/** Images the tests use: plain needs nothing, postgres needs volume-mount. */
export const IMAGES: ImageLookup = new Map<string, { requires: string[] }>([
  ['plain', { requires: [] }],
  ['postgres', { requires: ['volume-mount', 'binary:postgres'] }],
  ['nbd', { requires: ['volume-mount'] }]
])

function rows (table: string): string[][] {
  return table.split('\n').map(l => l.trim()).filter(l => l !== '' && !l.startsWith('#'))
    .map(l => l.match(/\[[^\]]*\]|\S+/g) ?? [])
}

function bytes (text: string): number {
  const p = parseBytes(text)
  if (!p.ok) throw new Error(p.reason)
  return p.value
}

function cores (text: string): number {
  const p = parseCpu(text)
  if (!p.ok) throw new Error(p.reason)
  return p.value
}

function constraint (text: string): Constraint {
  const p = parseConstraint(text)
  if (!p.ok) throw new Error(p.reason)
  return p.value
}

/** Nodes from a table; defaults: zone z1, 4 cores, 8Gi memory, 100Gi disk, nothing used, mains, up. */
export function nodes (table: string): SchedNode[] {
  return rows(table).map(([id, ...cells]) => {
    const node: SchedNode = {
      id: id as string,
      name: id as string,
      zone: 'z1',
      labels: {},
      state: 'up',
      cordoned: false,
      draining: false,
      power: { source: 'mains' },
      capabilities: [],
      capacity: { cpu: 4, memory: 8 * GiB, disk: 100 * GiB },
      used: { cpu: 0, memory: 0, disk: 0 }
    }
    for (const cell of cells) {
      const eq = cell.indexOf('=')
      const key = eq < 0 ? cell : cell.slice(0, eq)
      const value = eq < 0 ? '' : cell.slice(eq + 1)
      if (key === 'cordoned') node.cordoned = true
      else if (key === 'draining') node.draining = true
      else if (key === 'zone') node.zone = value
      else if (key === 'name') node.name = value
      else if (key === 'state') node.state = value as NodeState
      else if (key === 'cpu') node.capacity.cpu = cores(value)
      else if (key === 'mem') node.capacity.memory = bytes(value)
      else if (key === 'disk') node.capacity.disk = bytes(value)
      else if (key === 'caps') node.capabilities = value.split(',')
      else if (key.startsWith('label.')) node.labels[key.slice(6)] = value
      else if (key === 'used') {
        const [c, m, d] = value.split('/')
        node.used = { cpu: cores(c ?? '0'), memory: bytes(m ?? '0'), disk: bytes(d ?? '0') }
      } else if (key === 'power') {
        const [source, charge] = value.split(':')
        node.power = charge === undefined ? { source: source as PowerSource } : { source: source as PowerSource, chargePercent: Number(charge) }
      } else throw new Error(`node ${id}: unknown cell ${cell}`)
    }
    return node
  })
}

/** An app from a table of components; defaults: image plain, count 1, 1 core, 1Gi memory, no disk. */
export function app (name: string, table: string, constraints: string[] = []): AppSpec {
  const components = rows(table).map(([cname, ...cells]): ComponentSpec => {
    const c: ComponentSpec = {
      name: cname as string,
      image: 'plain',
      count: 1,
      properties: {},
      resources: { cpu: 1, memory: GiB, disk: 0 },
      connections: [],
      volumes: [],
      constraints: [],
      antiAffinity: false
    }
    for (const cell of cells) {
      const [key, value = ''] = cell.split('=')
      if (cell.startsWith('[')) c.constraints.push(constraint(cell.slice(1, -1)))
      else if (key === 'anti') c.antiAffinity = true
      else if (key === 'image') c.image = value
      else if (key === 'count') c.count = Number(value)
      else if (key === 'cpu') c.resources.cpu = cores(value)
      else if (key === 'mem') c.resources.memory = bytes(value)
      else if (key === 'disk') c.resources.disk = bytes(value)
      else throw new Error(`component ${cname}: unknown cell ${cell}`)
    }
    return c
  })
  return { name, components, entries: [], constraints: constraints.map(constraint) }
}

/** Runs the scheduler over the test images. */
export function run (spec: AppSpec, grid: SchedNode[], options: ScheduleOptions = {}, existing: Record<string, string> = {}): ScheduleResult {
  return schedule({ app: spec, images: IMAGES, nodes: grid, existing, options })
}

/** instance → node of an ok result; throws with the explanations otherwise, so a test failure says why. */
export function where (result: ScheduleResult): Record<string, string> {
  if (!result.ok) throw new Error(`not placed: ${JSON.stringify(result.explanations)}`)
  return Object.fromEntries(result.placements.map(p => [p.instance, p.node]))
}

/** Distinct nodes an ok result uses. */
export function nodesUsed (result: ScheduleResult): string[] {
  return [...new Set(Object.values(where(result)))].sort()
}

/** Adds an ok result's placements to the nodes' `used`, as committing them would; returns new nodes. */
export function commit (spec: AppSpec, grid: SchedNode[], result: ScheduleResult): SchedNode[] {
  const next = grid.map(n => ({ ...n, used: { ...n.used } }))
  const byId = new Map(next.map(n => [n.id, n]))
  if (!result.ok) return next
  for (const p of result.placements) {
    const r = (spec.components.find(c => c.name === p.component) as ComponentSpec).resources
    const n = byId.get(p.node) as SchedNode
    n.used.cpu = Math.round((n.used.cpu + r.cpu) * 1000) / 1000
    n.used.memory += r.memory
    n.used.disk += r.disk
  }
  return next
}
