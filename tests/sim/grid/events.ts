/**
 * Turns a scenario's timed events into actions on the grid: kills and
 * revivals, partitions and their healing, battery drain, daemon restarts,
 * cordon and drain. Node selectors are resolved when the event fires, with
 * the run's seeded rng, so `random` hits a node that is alive then.
 */
import { statefulInstanceId } from '../../../controller/graph/index.ts'
import { putApp } from '../../../controller/state/index.ts'
import { InvalidScenarioError } from './errors.ts'
import type { Grid } from './grid.ts'
import type { SimNode } from './node.ts'
import type { SimEvent } from './types.ts'

/** Something to do at a simulated time; `disturbs` marks it as a failure the grid must recover from. */
export interface Action {
  at: number
  seq: number
  label: string
  disturbs: boolean
  run: (grid: Grid) => Promise<void> | void
}

/** What an action reports back to the run loop: nodes it killed (for the recovery figures). */
export interface ActionHooks {
  killed: (node: SimNode) => void
}

/** Actions due in time order, ties in the order they were queued. */
export class ActionQueue {
  #items: Action[] = []
  #seq = 0

  add (at: number, label: string, disturbs: boolean, run: Action['run']): void {
    this.#items.push({ at, seq: this.#seq++, label, disturbs, run })
    this.#items.sort((a, b) => a.at - b.at || a.seq - b.seq)
  }

  /** Removes and returns the actions due by `now`. */
  due (now: number): Action[] {
    let k = 0
    while (k < this.#items.length && this.#items[k]!.at <= now) k++
    return this.#items.splice(0, k)
  }

  /** When the last disturbing action is scheduled, or -Infinity. */
  lastDisturbance (): number {
    let last = -Infinity
    for (const a of this.#items) if (a.disturbs && a.at > last) last = a.at
    return last
  }
}

/** Queues the actions of one scenario event. */
export function queueEvent (queue: ActionQueue, event: SimEvent, hooks: ActionHooks): void {
  switch (event.kind) {
    case 'kill-node':
      queue.add(event.at, `kill-node ${event.node}`, true, grid => {
        const node = select(grid, event.node)
        if (node === undefined) { grid.say('skipped', `kill-node ${event.node}: no live node`); return }
        kill(grid, node, 'kill-node', hooks)
        if (event.reviveAfterMs !== undefined) queue.add(event.at + event.reviveAfterMs, `revive ${node.facts.id}`, true, async grid => { await revive(grid, node) })
      })
      return
    case 'kill-zone':
      queue.add(event.at, `kill-zone ${event.zone}`, true, grid => {
        const victims = inZone(grid, event.zone).filter(n => n.alive)
        grid.say('kill-zone', `${event.zone}: ${victims.length} nodes`)
        for (const n of victims) kill(grid, n, 'kill-node', hooks, true)
        if (event.reviveAfterMs !== undefined) {
          queue.add(event.at + event.reviveAfterMs, `revive-zone ${event.zone}`, true, async grid => {
            grid.say('revive-zone', `${event.zone}: ${victims.length} nodes`)
            for (const n of victims) await revive(grid, n, true)
          })
        }
      })
      return
    case 'partition':
      queue.add(event.at, `partition ${event.zone ?? event.node ?? ''}`, true, grid => {
        const cut = event.zone !== undefined ? inZone(grid, event.zone) : [select(grid, event.node ?? 'random')].filter((n): n is SimNode => n !== undefined)
        const now = grid.clock.now()
        for (const n of cut) { n.cutOff = true; n.cutOffAt = now }
        grid.say('partition', `${cut.map(n => n.facts.id).join(', ')} cut off from the leader for ${event.durationMs} ms`)
        queue.add(event.at + event.durationMs, 'heal', true, grid => {
          for (const n of cut) n.cutOff = false
          grid.say('heal', `${cut.length} nodes reconnected`)
        })
      })
      return
    case 'battery-drain':
      queue.add(event.at, `battery-drain ${event.zone}`, true, grid => {
        const nodes = inZone(grid, event.zone).filter(n => n.charge !== undefined)
        for (const n of nodes) n.drainPerMs = event.percentPerMinute / 60_000
        grid.say('battery-drain', `${event.zone}: ${nodes.length} battery nodes losing ${event.percentPerMinute}%/min`)
      })
      return
    case 'restart-daemon':
      queue.add(event.at, `restart-daemon ${event.node}`, true, grid => {
        const node = select(grid, event.node)
        if (node === undefined) return
        node.crashDaemon()
        grid.say('daemon-down', `${node.facts.id} for ${event.downMs} ms; its instances keep running`)
        queue.add(event.at + event.downMs, `daemon-up ${node.facts.id}`, true, async grid => {
          if (!node.alive) return
          await node.restartDaemon(grid.clock.now())
          grid.say('daemon-up', `${node.facts.id} re-adopted ${node.handles.size} instances`)
        })
      })
      return
    case 'cordon':
    case 'uncordon':
    case 'drain':
      queue.add(event.at, `${event.kind} ${event.node}`, event.kind === 'drain', grid => {
        const node = select(grid, event.node)
        if (node === undefined) return
        grid.admin(node.facts.id, event.kind)
        grid.say(event.kind, node.facts.id)
      })
      return
    case 'scale':
      queue.add(event.at, `scale ${event.app}.${event.component}`, false, grid => {
        const app = grid.state.apps.get(event.app)
        if (app === undefined || !app.spec.components.some(c => c.name === event.component)) throw new InvalidScenarioError(`events: no component ${event.app}.${event.component}`)
        const spec = { ...app.spec, components: app.spec.components.map(c => c.name === event.component ? { ...c, count: event.count } : c) }
        grid.commit(putApp(spec, JSON.stringify(spec), ''))
        grid.say('scale', `${event.app}.${event.component} to ${event.count}`)
      })
      return
    default:
      throw new InvalidScenarioError(`events: unknown kind ${JSON.stringify((event as { kind: unknown }).kind)}`)
  }
}

function kill (grid: Grid, node: SimNode, why: string, hooks: ActionHooks, quiet = false): void {
  hooks.killed(node)
  node.powerOff()
  if (!quiet) grid.say(why, node.facts.id)
}

async function revive (grid: Grid, node: SimNode, quiet = false): Promise<void> {
  if (node.alive) return
  await node.powerOn(grid.clock.now())
  if (!quiet) grid.say('revive', `${node.facts.id} boots (incarnation ${node.incarnation})`)
}

function inZone (grid: Grid, zone: string): SimNode[] {
  const nodes = grid.nodes.filter(n => n.facts.zone === zone)
  if (nodes.length === 0) throw new InvalidScenarioError(`events: no zone ${zone}`)
  return nodes
}

/**
 * A node id, `random`, `random@<zone>`, `random-busy` (a node holding
 * placements), `holding:<instance>` (the node an instance is placed on) or
 * `replica-of:<instance>` (a member of the instance's volume other than its
 * primary): random picks among live nodes not cut off, by the seeded rng.
 */
function select (grid: Grid, selector: string): SimNode | undefined {
  if (selector.startsWith('holding:')) {
    const p = grid.state.placements.get(selector.slice('holding:'.length))
    return p === undefined ? undefined : grid.byId.get(p.node)
  }
  if (selector.startsWith('replica-of:')) {
    const instance = selector.slice('replica-of:'.length)
    const v = [...grid.state.volumes.values()].find(v => statefulInstanceId(v.app, v.component) === instance)
    const member = v?.members.find(m => m !== v.primary)
    return member === undefined ? undefined : grid.byId.get(member)
  }
  if (selector === 'random-busy') {
    const busy = new Set([...grid.state.placements.values()].map(p => p.node))
    return grid.rng.pick(grid.nodes.filter(n => n.alive && n.daemonUp && !n.cutOff && busy.has(n.facts.id)))
  }
  if (selector === 'random' || selector.startsWith('random@')) {
    const zone = selector.startsWith('random@') ? selector.slice('random@'.length) : undefined
    return grid.rng.pick(grid.nodes.filter(n => n.alive && n.daemonUp && !n.cutOff && (zone === undefined || n.facts.zone === zone)))
  }
  const node = grid.byId.get(selector)
  if (node === undefined) throw new InvalidScenarioError(`events: no node ${selector}`)
  return node
}
