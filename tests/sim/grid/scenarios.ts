/**
 * The built-in scenarios. Each is plain data (a JSON file of the same shape
 * runs too); the grid is a few hundred nodes in four zones running
 * three-tier apps (anti-affine load balancers and web servers, a database
 * with a volume on nodes that can mount one) and batch workers that crash
 * now and then.
 */
import { UnknownScenarioError } from './errors.ts'
import type { AppTemplate, NodeGroup, Scenario, SimEvent } from './types.ts'

const IMAGES: Record<string, string[]> = { lb: [], web: [], db: ['volume-mount'], worker: [] }

/** Four zones of equal nodes; a third of each zone can mount volumes. */
function zones (perZone: number, power?: Record<string, NodeGroup['power']>): NodeGroup[] {
  return ['a', 'b', 'c', 'd'].flatMap(zone => {
    const mounting = Math.ceil(perZone / 3)
    const base = { zone, cpu: 8, memoryGiB: 32, diskGiB: 500, power: power?.[zone] }
    return [
      { ...base, count: mounting, capabilities: ['volume-mount'] },
      { ...base, count: perZone - mounting }
    ]
  })
}

const THREE_TIER: AppTemplate = {
  name: 'shop',
  copies: 20,
  components: [
    { name: 'lb', image: 'lb', count: 2, cpu: 0.25, memoryMiB: 256, antiAffinity: true },
    { name: 'web', image: 'web', count: 4, cpu: 0.5, memoryMiB: 1024, diskGiB: 1, antiAffinity: true },
    { name: 'db', image: 'db', count: 1, cpu: 1, memoryMiB: 4096, diskGiB: 5, volumeGiB: 20 }
  ]
}

const WORKERS: AppTemplate = {
  name: 'batch',
  copies: 10,
  components: [{ name: 'worker', image: 'worker', count: 6, cpu: 2, memoryMiB: 2048, diskGiB: 2, command: ['sim', 'crash-after', '20000'] }]
}

function base (name: string, description: string, events: SimEvent[], durationMs: number, extra: Partial<Scenario> = {}): Scenario {
  return { name, description, nodes: zones(30), apps: [THREE_TIER, WORKERS], images: IMAGES, events, durationMs, expectAllPlaced: true, ...extra }
}

/** The shape of examples/three-tier.yaml on three equal nodes that can all mount volumes. */
function threeNodes (name: string, description: string, events: SimEvent[]): Scenario {
  return {
    name,
    description,
    nodes: [{ zone: 'a', count: 3, cpu: 2, memoryGiB: 4, diskGiB: 50, capabilities: ['volume-mount'] }],
    apps: [{
      name: 'shop',
      components: [
        { name: 'lb', image: 'lb', count: 1, cpu: 0.25, memoryMiB: 128 },
        { name: 'web', image: 'web', count: 2, cpu: 0.25, memoryMiB: 128, antiAffinity: true },
        { name: 'db', image: 'db', count: 1, cpu: 0.5, memoryMiB: 192, volumeGiB: 1 }
      ]
    }],
    images: IMAGES,
    events,
    durationMs: 90_000,
    expectAllPlaced: true
  }
}

/** The scenarios by name. */
export const SCENARIOS: Readonly<Record<string, Scenario>> = Object.freeze({
  'zone-loss': base('zone-loss', 'a whole zone (a quarter of 120 nodes) loses power at 20 s and returns at 60 s',
    [{ at: 20_000, kind: 'kill-zone', zone: 'b', reviveAfterMs: 40_000 }], 100_000),
  'rolling-kill': base('rolling-kill', 'every 8 s a busy node dies and comes back 15 s later; one daemon restarts in place',
    [
      ...Array.from({ length: 8 }, (_, k): SimEvent => ({ at: 10_000 + 8_000 * k, kind: 'kill-node', node: 'random-busy', reviveAfterMs: 15_000 })),
      { at: 30_000, kind: 'restart-daemon', node: 'random-busy', downMs: 800 }
    ], 120_000),
  'battery-drain': base('battery-drain', 'zone c runs on batteries that drain from 45/35 % at 60 %/min: below 20 % it takes nothing new, at 0 % it goes dark (field detector)',
    [{ at: 5_000, kind: 'battery-drain', zone: 'c', percentPerMinute: 60 }], 100_000,
    {
      detector: 'field',
      nodes: zones(30).map(g => g.zone === 'c' ? { ...g, power: { source: 'battery', chargePercent: g.capabilities === undefined ? 45 : 35 } } : g)
    }),
  drain: base('drain', 'an operator cordons node-024 and drains two busy nodes; the cordon is lifted at 40 s',
    [
      { at: 10_000, kind: 'cordon', node: 'node-024' },
      { at: 15_000, kind: 'drain', node: 'random-busy' },
      { at: 25_000, kind: 'drain', node: 'random-busy' },
      { at: 40_000, kind: 'uncordon', node: 'node-024' }
    ], 80_000),
  'db-node-loss': threeNodes('db-node-loss', 'three nodes: the node running the db (its volume\'s primary) and, packed with it, a web instance dies at 10 s and boots again at 50 s',
    [{ at: 10_000, kind: 'kill-node', node: 'holding:shop.db.0', reviveAfterMs: 40_000 }]),
  'db-node-loss-stale-replica': threeNodes('db-node-loss-stale-replica', 'three nodes: the db\'s replica is cut off for 2 s and dropped from the in-sync set; while it catches up the db\'s node (with a web instance) dies, so the db must wait for that node (back at 54 s) and the rest of the app must not',
    [
      { at: 10_000, kind: 'partition', node: 'replica-of:shop.db.0', durationMs: 2_000 },
      { at: 14_000, kind: 'kill-node', node: 'holding:shop.db.0', reviveAfterMs: 40_000 }
    ]),
  power: {
    name: 'power',
    description: '12 nodes (6 on battery) with consolidation on run a shop whose web tier shrinks from 24 to 4 at 20 s: nodes are emptied and parked (powered off), battery first; at 150 s it grows back to 24 and parked nodes are woken, mains first, until it fits',
    nodes: [
      { zone: 'a', count: 2, cpu: 4, memoryGiB: 16, diskGiB: 100, capabilities: ['volume-mount'] },
      { zone: 'a', count: 4, cpu: 4, memoryGiB: 16, diskGiB: 100 },
      { zone: 'b', count: 3, cpu: 4, memoryGiB: 16, diskGiB: 100, power: { source: 'battery', chargePercent: 60 } },
      { zone: 'b', count: 3, cpu: 4, memoryGiB: 16, diskGiB: 100, power: { source: 'battery', chargePercent: 90 } }
    ],
    apps: [{
      name: 'shop',
      components: [
        { name: 'lb', image: 'lb', count: 2, cpu: 0.25, memoryMiB: 256, antiAffinity: true },
        { name: 'web', image: 'web', count: 24, cpu: 0.5, memoryMiB: 512 },
        { name: 'db', image: 'db', count: 1, cpu: 1, memoryMiB: 2048, volumeGiB: 10 }
      ]
    }],
    images: IMAGES,
    events: [
      { at: 20_000, kind: 'scale', app: 'shop', component: 'web', count: 4 },
      { at: 150_000, kind: 'scale', app: 'shop', component: 'web', count: 24 }
    ],
    durationMs: 240_000,
    expectAllPlaced: true,
    power: { consolidate: true, settleMs: 5_000 }
  },
  partition: base('partition', 'zone d is cut off from the leader for 15 s: its databases fence themselves, the leader re-places, the zone rejoins',
    [{ at: 20_000, kind: 'partition', zone: 'd', durationMs: 15_000 }], 80_000)
})

/** A built-in scenario by name; throws UnknownScenarioError (ERR_UNKNOWN_SCENARIO) otherwise. */
export function scenarioNamed (name: string): Scenario {
  if (!Object.hasOwn(SCENARIOS, name)) throw new UnknownScenarioError(`unknown scenario ${name} (built in: ${Object.keys(SCENARIOS).join(', ')})`)
  return SCENARIOS[name] as Scenario
}
