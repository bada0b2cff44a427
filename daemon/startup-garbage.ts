import type { Logger } from 'pino'

/**
 * One memory-reducing garbage collection once a started node has settled.
 * Starting leaves garbage in V8's old generation (the buffers its modules were
 * read into, the objects of the log's replay, the join, the first image
 * fetches), the memory outside the heap that it holds, and free pages V8
 * keeps pooled. V8 gives them back only in a memory-reducing collection, which
 * on an idle daemon its memory reducer starts from a watchdog 100 s after the
 * last full collection: until then an idle node holds 10–20 MB more
 * (docs/benchmarks.md, idle). One such collection costs the main thread about
 * 0.1 s, once.
 *
 * `gc` is there when the daemon runs with --expose-gc, as bin/launch starts
 * it; on a plain `node daemon/main.ts` (the tests') nothing happens.
 */
export function collectStartupGarbage (afterMs: number, logger: Logger): void {
  const gc = globalThis.gc
  if (gc === undefined) return
  setTimeout(() => {
    const started = performance.now()
    gc({ type: 'major', flavor: 'last-resort' })
    logger.debug({ ms: Math.round(performance.now() - started) }, 'startup garbage collected')
  }, afterMs).unref()
}
