/**
 * Keeping a page current. Today every view polls the API (every 1.5 s, the
 * next request only after the last answered, so a slow node is never
 * flooded). When the API grows an event stream (GET /v1/events as
 * server-sent events), a view keeps this same contract: subscribe with
 * EventSource and call nudge() on each event, with a long poll as the
 * fallback. Nothing else in the views changes.
 */

import { takeStale } from './api.js'

/** How often a view asks again, ms. */
export const POLL_MS = 1500

/** @type {(error: Error | undefined, stale: string | undefined) => void} */
let report = () => {}

/**
 * Tells the page whether its data is current: undefined after a refresh that
 * worked, the error after one that failed (the node is unreachable, say);
 * and, after one that worked, why it was stale if the node answered from
 * what it last knew (an island without the grid's quorum).
 * @param {(error: Error | undefined, stale: string | undefined) => void} fn
 */
export function whenRefreshed (fn) {
  report = fn
}

/**
 * Calls refresh now (or, `later`, after a first interval: the caller has just
 * done it) and then again intervalMs after each one settles, until stopped.
 * @param {() => Promise<void>} refresh
 * @param {number} [intervalMs]
 * @param {{ later?: boolean }} [options]
 * @returns {{ stop: () => void, nudge: () => void }}
 */
export function every (refresh, intervalMs = POLL_MS, options = {}) {
  let stopped = false
  let running = false
  let again = false
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer
  const run = async () => {
    if (stopped) return
    if (running) { again = true; return }
    clearTimeout(timer)
    running = true
    try {
      takeStale()
      await refresh()
      if (!stopped) report(undefined, takeStale())
    } catch (err) {
      if (!stopped) report(/** @type {Error} */ (err), undefined)
    } finally {
      running = false
    }
    if (stopped) return
    if (again) { again = false; void run(); return }
    timer = setTimeout(run, intervalMs)
  }
  if (options.later === true) timer = setTimeout(run, intervalMs)
  else void run()
  return {
    stop: () => { stopped = true; clearTimeout(timer) },
    nudge: () => { void run() }
  }
}
