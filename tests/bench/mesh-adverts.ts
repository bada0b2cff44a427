/**
 * Advert propagation at 5 and 20 real daemons on this machine: time from a
 * node publishing its advert to each other node receiving it, and the bytes
 * of one advert, beside the round trip of loopback TCP measured in the same
 * run. `npm run bench -- mesh-adverts`
 */
import { quantile, summary, loopbackRtt, cleanup } from './stats.ts'
import { startGrid, waitFor } from '../helpers/daemon.ts'

const SIZES = (process.env.BENCH_SIZES ?? '5,20').split(',').map(Number)
const SETTLE_MS = 25_000 // two advert periods after the grid has formed

const rtt = await loopbackRtt()
process.stdout.write(`baseline: loopback TCP 64-byte round trip ${summary(rtt, ' ms')}\n`)
for (const n of SIZES) {
  const c = cleanup()
  try {
    const started = Date.now()
    const { nodes } = await startGrid(c.add, n)
    for (const d of nodes) {
      await waitFor(`${n} nodes seen`, 120_000, async () => (await d.client.nodes()).filter(x => x.state === 'up' && x.cpu.cores > 0).length === n ? true : undefined, 500)
    }
    const formed = Date.now() - started
    const from = Date.now()
    await new Promise(resolve => setTimeout(resolve, SETTLE_MS))
    const delays: number[] = []
    const bytes: number[] = []
    for (const d of nodes) {
      for (const line of d.logTail(1_000_000).split('\n')) {
        if (!line.includes('"msg":"advert received"')) continue
        const e = JSON.parse(line) as { time: number, delayMs: number, bytes: number }
        if (e.time < from) continue
        delays.push(e.delayMs)
        bytes.push(e.bytes)
      }
    }
    const mean = bytes.reduce((a, b) => a + b, 0) / Math.max(1, bytes.length)
    process.stdout.write(`${n} daemons: grid formed in ${formed} ms; advert propagation ${summary(delays, ' ms')}; ` +
      `${mean.toFixed(0)} bytes per advert; p50 = ${(quantile(delays, 0.5) / quantile(rtt, 0.5)).toFixed(0)}× loopback RTT\n`)
  } finally {
    await c.run()
  }
}
