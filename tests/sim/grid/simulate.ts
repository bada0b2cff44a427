/**
 * One seeded run of the grid simulator. Each tick of the detector's clock:
 *
 *   due events ─► batteries ─► heartbeats → membership table (node-down …)
 *     ─► every second: the leader's reconcile loop (plan + scheduler → PlaceApp → state machine)
 *     ─► node agents (start / stop / fence through the sim driver) ─► advance the VirtualClock
 *     ─► invariants, recovery figures
 *
 * Same scenario and seed, same timeline: nothing reads the wall clock or
 * Math.random, and every async step settles on the VirtualClock.
 */
import { VirtualClock } from '../../../controller/clock/index.ts'
import type { Decision } from '../../../controller/reconciler/index.ts'
import { ActionQueue, queueEvent } from './events.ts'
import { Grid } from './grid.ts'
import { checkRound, checkStep, deadBoundMs, unsettled } from './invariants.ts'
import { KillTracker } from './metrics.ts'
import { fnv1a } from '../../../controller/random/index.ts'
import type { SimOptions, SimResult } from './types.ts'

/** How often the leader runs a reconcile round, as the ReconcileLoop's timer does. */
export const ROUND_MS = 1_000 // ms
/** After the last failure, the grid must have settled within this long. */
export const CONVERGE_BOUND_MS = 30_000 // ms
/** Timeline lines name at most this many moved instances; the count is always given. */
const NAMED_MOVES = 6

/** The command line that replays a run. */
export function rerunLine (scenario: string, seed: number): string {
  return `node tests/sim/grid/main.ts --scenario ${scenario} --seed ${seed}`
}

/** Runs a scenario with a seed; never throws for a broken invariant, it reports it. */
export async function simulate (options: SimOptions): Promise<SimResult> {
  const { scenario, seed } = options
  const clock = new VirtualClock()
  const grid = new Grid({ clock }, { scenario, seed, schedule: options.schedule })
  const kills = new KillTracker()
  const queue = new ActionQueue()
  for (const event of scenario.events) queueEvent(queue, event, { killed: node => { kills.killed(grid, node) } })
  const tick = grid.settings.tickMs
  const bound = deadBoundMs(grid, ROUND_MS)
  const silentSince = new Map<string, number>()
  const violations: string[] = []
  const said = new Map<string, string>()
  const checkEvery = options.checkEvery ?? 1
  let lastDisturbance = 0
  let settledAt: number | undefined
  let peakNodesUsed = 0
  let nextRound = ROUND_MS
  let ticks = 0
  const violate = (lines: string[]): void => {
    for (const line of lines) {
      violations.push(`t=${clock.now()} ${line}`)
      grid.say('VIOLATION', line)
    }
  }

  while (clock.now() <= scenario.durationMs) {
    const now = clock.now()
    for (const action of queue.due(now)) {
      if (action.disturbs) { lastDisturbance = now; settledAt = undefined }
      await action.run(grid)
    }
    for (const n of grid.power(tick)) {
      kills.killed(grid, n)
      grid.say('battery-empty', `${n.facts.id} goes dark`)
      lastDisturbance = now
      settledAt = undefined
    }
    for (const e of grid.heartbeats(now)) {
      if (e.type === 'node-down') kills.down(e.peer, e.at)
      if (e.type === 'node-up' && now < ROUND_MS) continue
      grid.say(e.type, e.type === 'node-down' ? `${e.peer} (silent, suspect for ${e.suspectForMs} ms)` : e.peer)
    }
    if (now >= nextRound) {
      nextRound += ROUND_MS
      const before = new Map([...grid.state.placements].map(([id, p]) => [id, p.node]))
      const decisions = await grid.loop.round()
      grid.landed = [...grid.state.placements.values()].filter(p => before.get(p.instance) !== p.node)
      for (const d of decisions) {
        if (d.kind === 'park' || d.kind === 'parked' || d.kind === 'unpark') grid.powerChanged(d)
        else if (d.kind !== 'volume') record(grid, d, said)
      }
      // The planner says nothing about an app that is whole: an old "unschedulable" is over.
      for (const app of grid.lastDecision.keys()) if (!decisions.some(d => (d.kind === 'place' || d.kind === 'unschedulable') && d.app === app)) grid.lastDecision.delete(app)
      violate(checkRound(grid, now, silentSince, bound))
    }
    grid.agents(now)
    await clock.advance(tick)
    const at = clock.now()
    for (const n of grid.nodes) {
      if (n.heard) silentSince.delete(n.facts.id)
      else if (!silentSince.has(n.facts.id)) silentSince.set(n.facts.id, at)
    }
    kills.update(grid, at)
    if (++ticks % checkEvery === 0) violate(checkStep(grid, at, silentSince, bound))
    const used = new Set([...grid.state.placements.values()].map(p => p.node)).size
    if (used > peakNodesUsed) peakNodesUsed = used
    if (settledAt === undefined && at >= ROUND_MS * 2 && queue.lastDisturbance() < at) {
      if (unsettled(grid, false).length === 0) {
        settledAt = at
        grid.say('settled', `${at - lastDisturbance} ms after the last disturbance`)
      }
    }
    if (options.failFast === true && violations.length > 0) break
  }

  const end = clock.now()
  if (violations.length === 0 || options.failFast !== true) {
    const left = unsettled(grid, scenario.expectAllPlaced === true)
    if (end - lastDisturbance >= CONVERGE_BOUND_MS && left.length > 0) {
      violate([`not settled ${end - lastDisturbance} ms after the last disturbance: ${left.slice(0, 5).join('; ')}${left.length > 5 ? ` (+${left.length - 5})` : ''}`])
    } else if (settledAt !== undefined && settledAt - lastDisturbance > CONVERGE_BOUND_MS) {
      violate([`settled only ${settledAt - lastDisturbance} ms after the last disturbance (bound ${CONVERGE_BOUND_MS} ms)`])
    }
  }
  let h = fnv1a(`${scenario.name}/${seed}`)
  for (const e of grid.timeline) h = fnv1a(`${e.at} ${e.kind} ${e.detail}\n`, h)
  for (const p of [...grid.state.placements.values()].sort((a, b) => a.instance < b.instance ? -1 : 1)) h = fnv1a(`${p.instance}@${p.node}#${p.generation}\n`, h)
  const unschedulable: Record<string, string> = {}
  for (const [app, d] of grid.lastDecision) if (d.kind === 'unschedulable') unschedulable[app] = Object.values(d.explanations).join('; ')
  return {
    scenario: scenario.name,
    seed,
    durationMs: end,
    nodes: grid.nodes.length,
    instances: grid.world.apps.reduce((s, a) => s + a.components.reduce((t, c) => t + c.count, 0), 0),
    timeline: grid.timeline,
    hash: h.toString(16).padStart(8, '0'),
    violations,
    detection: kills.detection(),
    recovery: kills.recovery(),
    moved: grid.moved,
    nodesUsed: new Set([...grid.state.placements.values()].map(p => p.node)).size,
    peakNodesUsed,
    unschedulable,
    commands: grid.commands,
    rerun: rerunLine(scenario.name, seed)
  }
}

/** Puts a decision on the timeline; an unschedulable verdict only when it changes. */
function record (grid: Grid, d: Decision, said: Map<string, string>): void {
  grid.lastDecision.set(d.app, d)
  if (d.kind === 'unschedulable') {
    const text = Object.values(d.explanations).join('; ')
    if (said.get(d.app) === text) return
    said.set(d.app, text)
    grid.say('unschedulable', `${d.app}: ${text}`)
    return
  }
  said.delete(d.app)
  if (d.moved.length === 0 && d.reason.startsWith('new app')) {
    grid.say('placed', `${d.app}: ${d.placements.length} instances on ${new Set(d.placements.map(p => p.node)).size} nodes`)
    return
  }
  const names = d.moved.slice(0, NAMED_MOVES).join(', ') + (d.moved.length > NAMED_MOVES ? ` (+${d.moved.length - NAMED_MOVES})` : '')
  grid.say('re-placed', `${d.app}: ${d.moved.length} moved${d.moved.length > 0 ? ` [${names}]` : ''} (${d.reason.length > 120 ? d.reason.slice(0, 117) + '...' : d.reason})`)
}
