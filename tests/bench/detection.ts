/**
 * kill -9 → every other node sees the victim down: the distribution over
 * repeated kills of real daemons, printed with the detector settings, beside
 * the seeded simulation of the same preset. `npm run bench -- detection`
 */
import { cleanup, summary } from './stats.ts'
import { startGrid, waitFor } from '../helpers/daemon.ts'
import { detectorPreset } from '../../daemon/membership/index.ts'
import { CLEAN_LAN, detectionDistribution, LOSSY_FIELD } from '../sim/membership/index.ts'

const KILLS = Number(process.env.BENCH_KILLS ?? 20)
const PRESET = process.env.BENCH_DETECTOR ?? 'lan'
const settings = detectorPreset(PRESET)
process.stdout.write(`detector ${PRESET}: ${JSON.stringify(settings)}\n`)

const c = cleanup()
try {
  const { nodes } = await startGrid(c.add, 5, ['--profile', PRESET])
  for (const d of nodes) await waitFor('5 up', 60_000, async () => (await d.client.nodes()).filter(x => x.state === 'up').length === 5 ? true : undefined, 250)
  const times: number[] = []
  for (let k = 0; k < KILLS; k++) {
    const victim = nodes[1 + (k % 4)]!
    const id = (await victim.client.node()).id
    const killed = Date.now()
    await victim.crash()
    const others = nodes.filter(d => d !== victim)
    await Promise.all(others.map(async d => await waitFor('down', 30_000, async () => (await d.client.nodes()).find(n => n.id === id)?.state === 'down' ? true : undefined, 25)))
    times.push(Date.now() - killed)
    await victim.restart()
    await Promise.all(others.map(async d => await waitFor('up', 60_000, async () => (await d.client.nodes()).find(n => n.id === id)?.state === 'up' ? true : undefined, 100)))
  }
  process.stdout.write(`real daemons, ${KILLS} kills, until all 4 others see down: ${summary(times, ' ms')}\n`)
} finally {
  await c.run()
}
const sim = detectionDistribution(settings, { channel: PRESET === 'field' ? LOSSY_FIELD : CLEAN_LAN, runs: 200 })
process.stdout.write(`simulated (200 seeded kills, ${PRESET} on its channel model): p50=${sim.p50.toFixed(0)} ms p99=${sim.p99.toFixed(0)} ms max=${sim.max.toFixed(0)} ms\n`)
