/** Small helpers for benchmark figures, and for talking to the node processes a benchmark forks. */
import type { ChildProcess } from 'node:child_process'

/** The q-quantile (0..1) of values, by nearest rank. */
export function quantile (values: number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!
}

export function summary (values: number[], unit: string): string {
  return `n=${values.length} p50=${fmt(quantile(values, 0.5))}${unit} p99=${fmt(quantile(values, 0.99))}${unit} max=${fmt(Math.max(...values))}${unit}`
}

/** Round-trip times of 64-byte ping-pongs over loopback TCP, in ms: the baseline a mesh figure is set against. */
export async function loopbackRtt (rounds = 2000): Promise<number[]> {
  const { createServer, connect } = await import('node:net')
  const server = createServer(s => { s.setNoDelay(true); s.on('data', d => s.write(d)) })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  const socket = connect({ host: '127.0.0.1', port })
  socket.setNoDelay(true)
  await new Promise(resolve => socket.once('connect', resolve))
  const payload = Buffer.alloc(64, 1)
  const rtts: number[] = []
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now()
    await new Promise<void>(resolve => {
      let got = 0
      const onData = (d: Buffer): void => { got += d.length; if (got >= 64) { socket.off('data', onData); resolve() } }
      socket.on('data', onData)
      socket.write(payload)
    })
    rtts.push(performance.now() - t0)
  }
  socket.destroy()
  server.close()
  return rtts
}

/** Collects teardown functions the test helpers register, and runs them last-first. */
export function cleanup (): { add: (fn: () => Promise<void>) => void, run: () => Promise<void> } {
  const fns: Array<() => Promise<void>> = []
  return {
    add: fn => { fns.push(fn) },
    run: async () => { for (const fn of fns.reverse()) await fn().catch(() => {}) }
  }
}

/** Three significant digits, so 0.015 and 2312 both read well. */
function fmt (n: number): string {
  return Number.isFinite(n) ? String(Number(n.toPrecision(3))) : String(n)
}

/**
 * A typed waiter for a forked node's IPC messages: `replies<Message>()` gives
 * `reply(child, kind)`, which resolves with the child's next message of that
 * kind and rejects on a message of kind 'error' (its `message`) or the
 * child's exit.
 */
export function replies<M extends { kind: string }> (): <K extends M['kind']>(child: ChildProcess, kind: K) => Promise<Extract<M, { kind: K }>> {
  return async (child, kind) => await new Promise((resolve, reject) => {
    const onMessage = (m: M): void => {
      if (m.kind === 'error') { done(); reject(new Error((m as { message?: string }).message)); return }
      if (m.kind === kind) { done(); resolve(m as Extract<M, { kind: typeof kind }>) }
    }
    const onExit = (code: number | null): void => { done(); reject(new Error(`node process exited with ${code}`)) }
    const done = (): void => { child.off('message', onMessage); child.off('exit', onExit) }
    child.on('message', onMessage)
    child.once('exit', onExit)
  })
}

/** Asks each forked node to stop ({ kind: 'stop' }) and waits for it to exit, killing one that takes over 5 s. */
export async function stopChildren (children: readonly ChildProcess[]): Promise<void> {
  await Promise.all(children.map(async c => {
    if (c.exitCode !== null || c.signalCode !== null) return
    const exited = new Promise(resolve => c.once('exit', resolve))
    c.send({ kind: 'stop' })
    const timer = setTimeout(() => c.kill('SIGKILL'), 5000)
    await exited
    clearTimeout(timer)
  }))
}
