/**
 * `trellis logs` and `trellis events`'s shared time flag. Lines go to
 * stdout; notices (no lines yet, crash-looping, moved, unreachable) go to
 * stderr, so a pipe gets only what the instances wrote.
 */
import type { LogsOptions, TrellisClient } from '../client/index.ts'
import type { Format, Output } from './commands.ts'
import { time } from './format.ts'

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/**
 * `--since`: a duration back from now (90s, 10m, 1h30m, 2d) or a time
 * (2026-05-01T12:00:00Z, or anything Date.parse reads). Returns ms since the
 * epoch; throws a TypeError naming what it cannot read.
 */
export function parseSince (text: string, now: number): number {
  const t = text.trim()
  if (/^(\d+(\.\d+)?(ms|s|m|h|d))+$/.test(t)) {
    let ms = 0
    for (const [, n, unit] of t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)) ms += Number(n) * UNIT_MS[unit!]!
    return Math.max(0, Math.round(now - ms))
  }
  const at = Date.parse(t)
  if (!Number.isFinite(at)) throw new TypeError(`--since wants a duration (10m, 1h30m) or a time (2026-05-01T12:00:00Z), not ${JSON.stringify(text)}`)
  return at
}

/** What the logs command was asked. */
export interface LogsFlags {
  tail?: number
  since?: number
  stream: 'stdout' | 'stderr' | 'both'
  follow: boolean
  timestamps: boolean
}

/**
 * Prints an app's lines (all instances, a component's, or one). Exit 1 when
 * no instance had a line to print: the notices on stderr say why.
 */
export async function logs (client: TrellisClient, out: Output, app: string, instance: string | undefined, flags: LogsFlags, format: Format, signal?: AbortSignal): Promise<number> {
  const options: LogsOptions = { instance, tail: flags.tail, since: flags.since, stream: flags.stream }
  if (flags.follow) return await follow(client, out, app, options, flags, format, signal)
  const result = await client.logs(app, options)
  if (format === 'json') { out.write(JSON.stringify(result, null, 2)); return 0 }
  let printed = 0
  for (const r of result) {
    for (const n of r.notices) out.error(n)
    if (r.entries.length === 0) continue
    if (result.length > 1) out.write(`==> ${r.instance}${r.nodeName !== undefined ? ` on ${r.nodeName}` : ''} <==`)
    for (const e of r.entries) out.write(flags.timestamps ? `${time(e.at)} ${e.text}` : e.text)
    printed += r.entries.length
  }
  return printed > 0 ? 0 : 1
}

async function follow (client: TrellisClient, out: Output, app: string, options: LogsOptions, flags: LogsFlags, format: Format, signal?: AbortSignal): Promise<number> {
  // One instance named exactly: its lines bare; several: each prefixed with its instance.
  const several = options.instance === undefined || !/\.\d+$/.test(options.instance)
  for await (const r of client.followLogs(app, options, signal)) {
    if (format === 'json') { out.write(JSON.stringify(r)); continue }
    if ('notice' in r) { out.error(`-- ${r.notice}`); continue }
    const prefix = `${flags.timestamps ? `${time(r.at)} ` : ''}${several ? `${r.instance.slice(app.length + 1)} | ` : ''}`
    out.write(prefix + r.text)
  }
  return 0
}
