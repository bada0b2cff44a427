import type { ParkView, PowerView } from '../../controller/client/types.ts'
import { badRequest } from './errors.ts'
import type { ApiServer } from './server.ts'

/** The grid's power policy as the API serves it (docs/field.md, Power). */
export interface PowerService {
  /** The policy and the parked nodes. */
  power (): Promise<PowerView>
  /** Turns consolidation on or off; committed before it returns. */
  setPower (change: { consolidate: boolean }): Promise<PowerView>
  /** Parks a node (by id or name): it is emptied like a drain, then kept empty to be powered off. */
  park (node: string): Promise<ParkView>
  /** Makes a parked node schedulable again, waking it with Wake-on-LAN when it is down. */
  unpark (node: string): Promise<ParkView>
}

/** Binds the power routes. docs/api.md documents them. */
export function addPowerRoutes (server: ApiServer, power: PowerService): void {
  server.route('GET', '/v1/power', async () => await power.power())
  server.route('PUT', '/v1/power', async req => {
    let body: unknown
    try { body = JSON.parse(req.body.toString('utf8')) } catch { body = undefined }
    const consolidate = (body as { consolidate?: unknown } | undefined)?.consolidate
    if (typeof consolidate !== 'boolean') throw badRequest('send { "consolidate": true } or { "consolidate": false }')
    return await power.setPower({ consolidate })
  })
  server.route('POST', '/v1/nodes/:node/park', async req => await power.park(req.params.node!))
  server.route('POST', '/v1/nodes/:node/unpark', async req => await power.unpark(req.params.node!))
}
