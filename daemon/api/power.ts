import type { ParkView, PowerView } from '../../controller/client/types.ts'
import { badRequest } from './errors.ts'
import type { ApiServer } from './server.ts'

/** A change to the power policy: what is absent stays as it is. */
export interface PowerChange {
  consolidate?: boolean
  lowPercent?: number
  highPercent?: number
  minActiveNodes?: number
}

/** The grid's power policy as the API serves it (docs/field.md, Power). */
export interface PowerService {
  /** The policy and the parked nodes. */
  power (): Promise<PowerView>
  /** Turns consolidation on or off and sets its thresholds (those not given stay); committed before it returns. */
  setPower (change: PowerChange): Promise<PowerView>
  /** Parks a node (by id or name): it is emptied like a drain, then kept empty to be powered off. */
  park (node: string): Promise<ParkView>
  /** Makes a parked node schedulable again, waking it with Wake-on-LAN when it is down. */
  unpark (node: string): Promise<ParkView>
}

/** Binds the power routes. docs/api.md documents them. */
export function addPowerRoutes (server: ApiServer, power: PowerService): void {
  server.route('GET', '/v1/power', async () => await power.power())
  server.route('PUT', '/v1/power', async req => {
    let body: Record<string, unknown> | undefined
    try { body = JSON.parse(req.body.toString('utf8')) as Record<string, unknown> } catch { body = undefined }
    if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('send { "consolidate": true | false, "lowPercent": 50, "highPercent": 80, "minActiveNodes": 2 } (any of them)')
    const change: PowerChange = {}
    for (const [key, value] of Object.entries(body)) {
      if (key === 'consolidate') {
        if (typeof value !== 'boolean') throw badRequest('consolidate must be true or false')
        change.consolidate = value
      } else if (key === 'lowPercent' || key === 'highPercent' || key === 'minActiveNodes') {
        if (!Number.isInteger(value)) throw badRequest(`${key} must be a whole number, not ${JSON.stringify(value)}`)
        change[key] = value as number
      } else {
        throw badRequest(`unknown field ${JSON.stringify(key)}: send consolidate, lowPercent, highPercent or minActiveNodes`)
      }
    }
    return await power.setPower(change)
  })
  server.route('POST', '/v1/nodes/:node/park', async req => await power.park(req.params.node!))
  server.route('POST', '/v1/nodes/:node/unpark', async req => await power.unpark(req.params.node!))
}
