/**
 * CPU per byte of the mesh stack: a bare libp2p stream between two
 * MeshHosts in this one process, so the CPU time of both ends (ciphers,
 * framing, muxing) is counted together, on one thread. Unlike throughput,
 * CPU seconds per GiB barely move when other work shares the machine.
 * `npm run bench -- mesh-cpu` (env BENCH_MIB, default 128; BENCH_REPS,
 * default 3).
 */
import { generateKeyPair } from '@libp2p/crypto/keys'
import type { Stream } from '@libp2p/interface'
import { pino } from 'pino'
import { createMeshHost, GridKey } from '../../daemon/mesh/index.ts'
import { quantile } from './stats.ts'

const MIB = 1024 * 1024
const BYTES = Number(process.env.BENCH_MIB ?? 128) * MIB
const REPS = Number(process.env.BENCH_REPS ?? 3)
const WARMUP = 16 * MIB // bytes
const CHUNK = 64 * 1024 // bytes a write
const PROTOCOL = '/trellis/bench/cpu/1'

const logger = pino({ level: 'silent' })
const gridKey = GridKey.create()
const [a, b] = await Promise.all([0, 1].map(async () => await createMeshHost({ logger }, {
  privateKey: await generateKeyPair('Ed25519'), gridKey, listen: ['/ip4/127.0.0.1/tcp/0']
})))

let received: () => void = () => {}
let got = 0
await b.libp2p.handle(PROTOCOL, (stream: Stream) => {
  // Read, or yamux's read buffer overflows and the stream is reset.
  stream.addEventListener('message', event => { got += event.data.byteLength })
  stream.addEventListener('remoteCloseWrite', () => { received() })
})

/** Sends `bytes` over a new stream; wall seconds and CPU seconds (both ends) until the far end has all of it. */
async function send (bytes: number): Promise<{ wallS: number, cpuS: number }> {
  got = 0
  const done = new Promise<void>(resolve => { received = resolve })
  const stream = await a.libp2p.dialProtocol(b.libp2p.peerId, PROTOCOL)
  const chunk = new Uint8Array(CHUNK)
  const started = process.hrtime.bigint()
  const cpu = process.cpuUsage()
  for (let sent = 0; sent < bytes; sent += CHUNK) {
    if (!stream.send(chunk)) await stream.onDrain()
  }
  await stream.close()
  await done
  if (got !== bytes) throw new Error(`the far end got ${got} bytes of ${bytes}`)
  const used = process.cpuUsage(cpu)
  return { wallS: Number(process.hrtime.bigint() - started) / 1e9, cpuS: (used.user + used.system) / 1e6 }
}

try {
  await a.libp2p.dial(b.libp2p.getMultiaddrs()[0]!)
  await send(WARMUP)
  const runs: Array<{ wallS: number, cpuS: number }> = []
  for (let i = 0; i < REPS; i++) runs.push(await send(BYTES))
  const gib = BYTES / (1024 * MIB)
  const perGib = runs.map(r => r.cpuS / gib)
  const rate = runs.map(r => BYTES / MIB / r.wallS)
  process.stdout.write(`${BYTES / MIB} MiB a run in 64 KiB writes, ${REPS} runs, both ends in this process (tcp · noise · yamux)\n`)
  process.stdout.write(`  CPU: ${quantile(perGib, 0.5).toFixed(2)} s per GiB, both ends (runs: ${perGib.map(v => v.toFixed(2)).join(', ')})\n`)
  process.stdout.write(`  throughput: ${quantile(rate, 0.5).toFixed(0)} MiB/s on one thread (runs: ${rate.map(v => v.toFixed(0)).join(', ')})\n`)
} finally {
  await Promise.all([a.stop(), b.stop()])
}
