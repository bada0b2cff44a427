/**
 * A signal that aborts after `ms` with a TimeoutError, as
 * AbortSignal.timeout's does, unless cleared first. AbortSignal.timeout's
 * timer cannot be cancelled: it fires when the time is up even when what it
 * bounded ended long before, so every health probe and every dial woke the
 * event loop once more, a second or ten later; on an idle node running an
 * app that was about five wake-ups a second (docs/benchmarks.md). The timer
 * does not keep the process alive, as AbortSignal.timeout's does not.
 */
export function deadline (ms: number): { signal: AbortSignal, clear: () => void } {
  const controller = new AbortController()
  const timer = setTimeout(() => {
    controller.abort(new DOMException(`timed out after ${ms} ms`, 'TimeoutError'))
  }, ms)
  timer.unref()
  return { signal: controller.signal, clear: () => { clearTimeout(timer) } }
}
