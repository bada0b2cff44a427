/**
 * `apply --wait`: waits until the applied version runs everywhere, healthy,
 * with every entry published, showing how far it has got: a bar on a
 * terminal, a line per change otherwise (logs, CI).
 */
import cliProgress from 'cli-progress'
import type { TrellisClient } from '../client/index.ts'
import type { AppSummaryView } from '../client/types.ts'
import type { Output } from './commands.ts'

const POLL_MS = 500

/** Rolled out: every instance runs the present configuration and is healthy, and every entry is published. */
export function rolledOut (app: AppSummaryView): boolean {
  return app.updated === app.instances && app.healthy === app.instances && app.entryErrors.length === 0
}

/** Where a rollout stands, in one line. */
export function rolloutLine (app: AppSummaryView): string {
  const entries = app.entryErrors.length === 0 ? '' : `; entry not published: ${app.entryErrors.join(', ')}`
  return `${app.name}: ${app.updated}/${app.instances} updated, ${app.healthy}/${app.instances} healthy${entries}`
}

/** Polls until the app has rolled out (true) or `seconds` pass (false); the last summary either way. */
export async function waitForRollout (client: TrellisClient, out: Output, name: string, seconds: number, tty: boolean): Promise<{ done: boolean, app: AppSummaryView }> {
  const deadline = Date.now() + seconds * 1000
  let bar: cliProgress.SingleBar | undefined
  let last = ''
  try {
    for (;;) {
      const app = await client.app(name)
      const steps = 2 * app.instances
      const done = app.updated + app.healthy
      if (tty) {
        if (bar === undefined) {
          bar = new cliProgress.SingleBar({ format: `${name} [{bar}] {updated}/{instances} updated, {healthy}/{instances} healthy{entries}`, stream: process.stderr, hideCursor: true, clearOnComplete: true }, cliProgress.Presets.shades_classic)
          bar.start(steps, done, { ...app, entries: '' })
        }
        bar.setTotal(steps)
        bar.update(done, { ...app, entries: app.entryErrors.length === 0 ? '' : `, ${app.entryErrors.length} entry not published` })
      } else {
        const line = rolloutLine(app)
        if (line !== last) out.error(line)
        last = line
      }
      if (rolledOut(app)) return { done: true, app }
      if (Date.now() > deadline) return { done: false, app }
      await new Promise(resolve => setTimeout(resolve, POLL_MS))
    }
  } finally {
    bar?.stop()
  }
}
