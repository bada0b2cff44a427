/** `trellis events`: what happened in the grid, as the asked node knows it; `-f` goes on live. */
import type { EventView } from '../client/types.ts'
import type { TrellisClient } from '../client/index.ts'
import type { Format, Output } from './commands.ts'
import { table, time } from './format.ts'

/** What the events command was asked. */
export interface EventsFlags {
  app?: string
  since?: number
  tail: number
  follow: boolean
}

/** Prints the latest events as a table (or JSON); following, one line per event as it comes. */
export async function events (client: TrellisClient, out: Output, flags: EventsFlags, format: Format, signal?: AbortSignal): Promise<number> {
  const q = { app: flags.app, since: flags.since, tail: flags.tail }
  if (!flags.follow) {
    const list = await client.events(q)
    if (format === 'json') { out.write(JSON.stringify(list, null, 2)); return 0 }
    if (list.length === 0) { out.error(`no events${flags.app !== undefined ? ` of app ${flags.app}` : ''} on this node yet`); return 0 }
    out.write(table(['TIME', 'NODE', 'KIND', 'SUBJECT', 'DETAIL'], list.map(e => [time(e.at), e.node, e.kind, e.subject, e.detail])))
    return 0
  }
  for await (const e of client.followEvents(q, signal)) out.write(format === 'json' ? JSON.stringify(e) : eventLine(e))
  return 0
}

/** One event on one line, for a followed stream. */
export function eventLine (e: EventView): string {
  return `${time(e.at)}  ${e.node}  ${e.kind}  ${e.subject}  ${e.detail}`
}
