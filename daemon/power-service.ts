import type { Logger } from 'pino'
import type { ParkView, PowerView } from '../controller/client/types.ts'
import { DEFAULT_HIGH_PERCENT, DEFAULT_LOW_PERCENT, DEFAULT_MIN_ACTIVE_NODES } from '../controller/reconciler/index.ts'
import { adminOf, setNodeAdmin, setPower, type CommandLog, type PowerPolicy } from '../controller/state/index.ts'
import { ApiError, badRequest, notFound, type PowerChange, type PowerService } from './api/index.ts'
import type { GridNodes } from './membership/index.ts'

export interface GridPowerComponents {
  /** The grid's log; absent on a node outside any grid, which has nowhere to move instances to. */
  log?: CommandLog
  nodes: GridNodes
  logger: Logger
  /** Sends a Wake-on-LAN packet to a node; false when its MAC is unknown. */
  wake: (node: string) => Promise<boolean>
}

/**
 * The power policy for operators: turn consolidation on or off, park and
 * unpark a node by hand. The leader's reconcile loop does the rest
 * (controller/reconciler/consolidate.ts).
 */
export class GridPower implements PowerService {
  readonly #c: GridPowerComponents

  constructor (components: GridPowerComponents) {
    this.#c = components
  }

  async power (): Promise<PowerView> {
    const log = this.#grid()
    await log.readBarrier?.()
    const parked = (await this.#c.nodes.views()).flatMap(n => n.admin === 'parked' || n.admin === 'parking'
      ? [{ id: n.id, name: n.name, state: n.state, admin: n.admin, ...(n.wakeMac !== undefined ? { wakeMac: n.wakeMac } : {}) }]
      : [])
    const p = log.state.power
    return {
      consolidate: p?.consolidate === true,
      lowPercent: p?.lowPercent ?? DEFAULT_LOW_PERCENT,
      highPercent: p?.highPercent ?? DEFAULT_HIGH_PERCENT,
      minActiveNodes: p?.minActiveNodes ?? DEFAULT_MIN_ACTIVE_NODES,
      parked
    }
  }

  async setPower (change: PowerChange): Promise<PowerView> {
    const log = this.#grid()
    await log.readBarrier?.()
    const now = log.state.power
    const next: PowerPolicy = { consolidate: change.consolidate ?? now?.consolidate ?? false }
    for (const key of ['lowPercent', 'highPercent', 'minActiveNodes'] as const) {
      const value = change[key] ?? now?.[key]
      if (value !== undefined) next[key] = value
    }
    const low = next.lowPercent ?? DEFAULT_LOW_PERCENT
    const high = next.highPercent ?? DEFAULT_HIGH_PERCENT
    // Refused before anything is proposed: a bad policy changes nothing.
    if (low < 1 || low > 100) throw badRequest(`lowPercent must be 1 to 100, not ${low}`)
    if (high < 1 || high > 100) throw badRequest(`highPercent must be 1 to 100, not ${high}`)
    // Parking fills the rest to at most low; waking at high must lie above it, or the grid parks and wakes in turn.
    if (low >= high) throw badRequest(`lowPercent (${low}) must be below highPercent (${high})`)
    if ((next.minActiveNodes ?? DEFAULT_MIN_ACTIVE_NODES) < 1) throw badRequest(`minActiveNodes must be 1 or more, not ${String(next.minActiveNodes)}`)
    await log.propose(setPower(next))
    this.#c.logger.info(next, 'grid power policy changed')
    return await this.power()
  }

  async park (idOrName: string): Promise<ParkView> {
    const log = this.#grid()
    const node = await this.#c.nodes.find(idOrName)
    if (node === undefined) throw notFound(`node ${idOrName}`)
    const current = adminOf(log.state, node.id)
    if (current.parked) return { node: node.name, admin: current.draining ? 'parking' : 'parked' }
    // Emptied first, as a drain; the leader marks it parked once nothing is left on it.
    await log.propose(setNodeAdmin(node.id, { cordoned: true, draining: true, parked: true }, 'parked by an operator'))
    this.#c.logger.info({ node: node.name }, 'node parking')
    return { node: node.name, admin: 'parking' }
  }

  async unpark (idOrName: string): Promise<ParkView> {
    const log = this.#grid()
    const node = await this.#c.nodes.find(idOrName)
    if (node === undefined) throw notFound(`node ${idOrName}`)
    const current = adminOf(log.state, node.id)
    if (!current.parked) throw badRequest(`node ${node.name} is not parked${current.cordoned ? ` (it is ${current.draining ? 'draining' : 'cordoned'}: trellis node uncordon ${node.name})` : ''}`)
    const down = node.state !== 'up'
    const woken = down && await this.#c.wake(node.id)
    await log.propose(setNodeAdmin(node.id, { cordoned: false, draining: false, parked: false }, `unparked by an operator${woken ? '; waking it (Wake-on-LAN)' : ''}`))
    this.#c.logger.info({ node: node.name, woken }, 'node unparked')
    return { node: node.name, admin: 'schedulable', ...(down ? { woken } : {}) }
  }

  #grid (): CommandLog {
    if (this.#c.log === undefined) throw new ApiError('ERR_NOT_IN_GRID', 'this node belongs to no grid: there is nothing to park or wake')
    return this.#c.log
  }
}
