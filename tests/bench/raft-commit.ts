/**
 * Raft commit cost with 3 voters on one host: one RaftCommandLog per voter in this
 * process over the loopback transport, each on its own LevelDB with synced
 * writes. Unbatched latency (one proposal at a time) and batched throughput
 * (many in flight), beside a bare write+fdatasync loop on the same disk,
 * measured in the same run. `npm run bench -- raft-commit`
 */
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { RealClock } from '../../controller/clock/index.ts'
import { putApp } from '../../controller/state/index.ts'
import type { AppSpec } from '../../controller/graph/types.ts'
import { RaftCommandLog } from '../../daemon/consensus/index.ts'
import { LoopbackNetwork, LoopbackTransport } from '../../daemon/network/index.ts'
import { openStore, type Store } from '../../daemon/store/index.ts'
import { quantile, summary } from './stats.ts'

const UNBATCHED = Number(process.env.BENCH_UNBATCHED ?? 300)
const BATCHED = Number(process.env.BENCH_BATCHED ?? 6000)
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 256)

const root = await mkdtemp(join(tmpdir(), 'trellis-bench-raft-'))
const spec = (name: string): AppSpec => ({ name, components: [], entries: [], constraints: [] })

// Baseline: what one durable write costs on this disk.
const file = openSync(join(root, 'fsync'), 'w')
const fsyncs: number[] = []
const block = Buffer.alloc(256, 7)
for (let i = 0; i < 500; i++) {
  const t0 = performance.now()
  writeSync(file, block)
  fdatasyncSync(file)
  fsyncs.push(performance.now() - t0)
}
closeSync(file)
process.stdout.write(`baseline: write+fdatasync of 256 bytes ${summary(fsyncs, ' ms')}\n`)

const network = new LoopbackNetwork()
const ids = ['a', 'b', 'c']
const members: Array<{ log: RaftCommandLog, store: Store, transport: LoopbackTransport }> = []
const logger = pino({ level: 'silent' })
try {
  for (const id of ids) {
    const store = await openStore(join(root, id))
    const transport = new LoopbackTransport({ network }, { nodeId: id })
    const log = new RaftCommandLog({ transport, store, clock: new RealClock(), logger }, { voters: ids, tickMs: 50 })
    await log.start()
    members.push({ log, store, transport })
  }
  let leader: RaftCommandLog | undefined
  while (leader === undefined) {
    leader = members.find(m => m.log.status().role === 'leader')?.log
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  const latencies: number[] = []
  for (let i = 0; i < UNBATCHED; i++) {
    const t0 = performance.now()
    await leader.propose(putApp(spec(`u${i}`), ''))
    latencies.push(performance.now() - t0)
  }
  process.stdout.write(`unbatched commit on the leader, 3 voters: ${summary(latencies, ' ms')} ` +
    `(p50 = ${(quantile(latencies, 0.5) / quantile(fsyncs, 0.5)).toFixed(1)}× one fdatasync)\n`)

  let next = 0
  const t0 = performance.now()
  await Promise.all(Array.from({ length: IN_FLIGHT }, async () => {
    while (next < BATCHED) {
      const i = next++
      await leader.propose(putApp(spec(`b${i}`), ''))
    }
  }))
  const seconds = (performance.now() - t0) / 1000
  const rate = BATCHED / seconds
  process.stdout.write(`batched: ${BATCHED} commits with ${IN_FLIGHT} in flight in ${seconds.toFixed(2)} s = ${rate.toFixed(0)} commits/s ` +
    `(${(rate * quantile(fsyncs, 0.5) / 1000).toFixed(1)}× the rate of back-to-back fdatasyncs)\n`)
} finally {
  for (const m of members) { await m.log.close(); await m.transport.close(); await m.store.close() }
  await rm(root, { recursive: true, force: true })
}
