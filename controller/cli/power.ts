/** `trellis power` and `trellis node park|unpark`: the grid's power policy (docs/field.md, Power). */
import type { PowerView, TrellisClient } from '../client/index.ts'
import type { Format, Output } from './commands.ts'
import { table } from './format.ts'

/** What `trellis power` may change: consolidation on or off, and the thresholds. */
export interface PowerFlags {
  consolidate?: 'on' | 'off'
  lowPercent?: number
  highPercent?: number
  minActiveNodes?: number
}

/** The policy and the parked nodes; with a change, sets it first. */
export async function power (client: TrellisClient, out: Output, flags: PowerFlags, format: Format): Promise<number> {
  const { consolidate, ...thresholds } = flags
  const change = {
    ...(consolidate !== undefined ? { consolidate: consolidate === 'on' } : {}),
    ...Object.fromEntries(Object.entries(thresholds).filter(([, v]) => v !== undefined))
  }
  const view = Object.keys(change).length === 0 ? await client.power() : await client.setPower(change)
  if (format === 'json') { out.write(JSON.stringify(view, null, 2)); return 0 }
  out.write(powerText(view))
  return 0
}

function powerText (v: PowerView): string {
  const lines = [v.consolidate
    ? `consolidation on: a node is parked when the others would carry at most ${v.lowPercent} % of the load, and woken at ${v.highPercent} % or when an app cannot be placed; at least ${v.minActiveNodes} nodes stay active`
    : 'consolidation off: nothing is parked by the grid (trellis power consolidate on); parked nodes are still woken when capacity is short']
  if (v.parked.length === 0) return [...lines, 'no parked nodes'].join('\n')
  return [...lines, '', table(['NODE', 'ADMIN', 'STATE', 'WAKE MAC'], v.parked.map(p => [p.name, p.admin, p.state === 'up' ? 'up' : 'off', p.wakeMac ?? '-']))].join('\n')
}

/** Parks or unparks one node. */
export async function park (client: TrellisClient, out: Output, node: string, action: 'park' | 'unpark', format: Format): Promise<number> {
  const r = await client.park(node, action)
  if (format === 'json') { out.write(JSON.stringify(r, null, 2)); return 0 }
  const woken = r.woken === undefined ? '' : r.woken ? '; it was off: Wake-on-LAN packet sent' : '; it is off and its MAC is unknown: power it on by hand'
  out.write(r.admin === 'parking'
    ? `node ${r.node}: parking (its instances move elsewhere, one at a time; then it is parked and may be powered off)`
    : r.admin === 'parked' ? `node ${r.node}: parked` : `node ${r.node}: schedulable${woken}`)
  return 0
}
