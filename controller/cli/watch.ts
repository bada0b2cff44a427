/**
 * `-w`: run a listing again every second and print it whenever what it
 * prints changes, stamped with the time, until Ctrl-C (exit 0).
 */
import type { Output } from './commands.ts'

const WATCH_MS = 1000

/** Calls `render` until `signal` aborts; prints its text when it differs from the last. */
export async function watch (out: Output, render: () => Promise<string>, signal: AbortSignal): Promise<number> {
  let last = ''
  while (!signal.aborted) {
    let text: string
    try {
      text = await render()
    } catch (err) {
      // A daemon restarting is worth a line, not the end of the watch.
      text = `(${(err as Error).message})`
    }
    if (text !== last) out.write(`--- ${new Date().toISOString().slice(11, 19)}Z\n${text}`)
    last = text
    await new Promise<void>(resolve => {
      const timer = setTimeout(resolve, WATCH_MS)
      signal.addEventListener('abort', () => { clearTimeout(timer); resolve() }, { once: true })
    })
  }
  return 0
}
