/**
 * A Raft snapshot over a slow radio link: two processes in network
 * namespaces (tests/harness/netns), the receiver's link limited to
 * BENCH_LINK_KBIT each way (tc htb, a radio's 50-packet queue). The sender
 * sends one snapshot of BENCH_MIB MiB over the bulk channel as trellisd does
 * (daemon/consensus/snapshot-transfer.ts) while a ping goes every 100 ms
 * on a TCP connection of its own through the same link, as Raft's
 * heartbeats and appends go on libp2p's. Once paced by a LinkPacer at half
 * the measured rate (`--link-share 50`, the default), then unpaced (1 MiB
 * pieces, four in flight: what `--link-share 0` does), in the same run.
 *
 * Targets (issue 13): paced, the snapshot keeps to about its share of the
 * link (0.5–1.25× of share × link) and the pings stay under `field`'s
 * failure detector's patience (p90 < 1 s); the unpaced round is the baseline.
 *
 * Env: BENCH_LINK_KBIT (default 2000), BENCH_MIB (2), BENCH_SHARES (50,0).
 * Needs root, iproute2 and tc.
 */
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { GridKey } from '../../daemon/mesh/index.ts'
import { FieldNet } from '../harness/netns/field-net.ts'

const LINK_KBIT = Number(process.env.BENCH_LINK_KBIT ?? 2000)
const MIB = Number(process.env.BENCH_MIB ?? 2)
const SHARES = (process.env.BENCH_SHARES ?? '50,0').split(',').map(Number)
const PEER = join(import.meta.dirname, 'snapshot-peer.ts')
const PORT = 7991
const PING_P90_TARGET_MS = 1000 // ms

interface Run { ok: boolean, ms: number, bytesPerSecond: number, pings: number, p50: number, p90: number, max: number, estimate: number }

if (process.getuid?.() !== 0) {
  process.stderr.write('field-snapshot needs root (network namespaces)\n')
  process.exit(2)
}
const dir = mkdtempSync(join(tmpdir(), 'trellis-field-snapshot-'))
const keyFile = join(dir, 'grid.key')
writeFileSync(keyFile, GridKey.create().encode())
const net = FieldNet.create({ nodes: 2 })
const server = spawn('nsenter', [...net.nsenterArgs(1), process.execPath, PEER, 'server', net.nodes[1]!.address, String(PORT), keyFile], { stdio: ['ignore', 'pipe', 'inherit'] })
const stop = (): void => { server.kill('SIGKILL'); net.destroy(); rmSync(dir, { recursive: true, force: true }) }
process.on('SIGINT', () => { stop(); process.exit(130) })
let missed = false
try {
  const peer = await new Promise<string>((resolve, reject) => {
    server.stdout.once('data', (d: Buffer) => { resolve((JSON.parse(String(d).trim()) as { peer: string }).peer) })
    server.once('exit', code => { reject(new Error(`server exited (${code})`)) })
  })
  net.limit(1, { kbit: LINK_KBIT })
  const link = LINK_KBIT * 1000 / 8 // bytes per second
  process.stdout.write(`snapshot of ${MIB} MiB over a ${LINK_KBIT} kbit/s link (receiver's link limited both ways), a ping every 100 ms on its own connection\n`)
  for (const share of SHARES) {
    const r = await new Promise<Run>((resolve, reject) => {
      execFile('nsenter', [...net.nsenterArgs(0), process.execPath, PEER, 'client', net.nodes[1]!.address, String(PORT), keyFile, peer, String(MIB), String(share / 100)],
        { timeout: 600_000 }, (err, stdout) => { if (err !== null) reject(err); else resolve(JSON.parse(stdout.trim()) as Run) })
    })
    const used = r.bytesPerSecond / link
    const label = share > 0 ? `paced at ${share} %` : 'unpaced (baseline)'
    process.stdout.write(`${label}: ${r.ok ? 'delivered' : 'FAILED'} in ${(r.ms / 1000).toFixed(1)} s, ${(used * 100).toFixed(0)} % of the link` +
      `${share > 0 ? ` (estimate ${(r.estimate * 8 / 1000).toFixed(0)} kbit/s)` : ''}; pings ${r.pings}: p50 ${r.p50} ms, p90 ${r.p90} ms, max ${r.max} ms\n`)
    if (share > 0) {
      const within = used >= 0.5 * share / 100 && used <= 1.25 * share / 100
      const quick = r.p90 < PING_P90_TARGET_MS
      process.stdout.write(`  target: ${(0.5 * share).toFixed(0)}–${(1.25 * share).toFixed(0)} % of the link: ${within ? 'met' : 'missed'}; pings p90 < ${PING_P90_TARGET_MS} ms: ${quick ? 'met' : 'missed'}\n`)
      if (!within || !quick || !r.ok) missed = true
    }
  }
} finally {
  stop()
}
if (missed && process.env.BENCH_STRICT === '1') process.exit(1)
