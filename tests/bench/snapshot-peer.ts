/**
 * The two ends of a Raft snapshot transfer over a real link, for the
 * field-snapshot bench: run inside network namespaces with `nsenter`. Both
 * ends speak over the bulk channel (TlsChannel, as trellisd does); the
 * "Raft" traffic is a ping every 100 ms on a TCP connection of its own
 * through the same link, as the Raft stream is on libp2p's connection.
 *
 *   server ADDR PORT KEYFILE          receives snapshots, echoes pings; prints {"peer": id}
 *   client ADDR PORT KEYFILE PEER MIB SHARE
 *                                     sends one snapshot of MIB MiB, paced by a LinkPacer at
 *                                     SHARE (0: unpaced, 1 MiB pieces, four in flight), pings
 *                                     meanwhile; prints one JSON line of what it measured
 */
import { readFileSync } from 'node:fs'
import { randomBytes } from 'node:crypto'
import { generateKeyPair } from '@libp2p/crypto/keys'
import { pino } from 'pino'
import { RealClock } from '../../controller/clock/index.ts'
import { SnapshotTransfers } from '../../daemon/consensus/index.ts'
import { GridKey, TlsChannel } from '../../daemon/mesh/index.ts'
import { LinkPacer } from '../../daemon/network/index.ts'

const [mode, address, portText, keyFile, peer, mibText, shareText] = process.argv.slice(2)
const port = Number(portText)
const PING = '/bench/ping/1'
const PING_MS = 100 // ms
const logger = pino({ level: 'silent' })
const clock = new RealClock()
const gridKey = GridKey.parse(readFileSync(keyFile!))
const privateKey = await generateKeyPair('Ed25519')
const channel = new TlsChannel({ privateKey, gridKey, logger, locate: async () => ({ host: address!, port }) })

if (mode === 'server') {
  await channel.listen(address!, port)
  const transfers = new SnapshotTransfers({ transport: channel, clock, logger }, { onMessage: () => {}, onProgress: () => {}, onDone: () => {} })
  transfers.start()
  channel.handle(PING, stream => { stream.on('error', () => {}); stream.pipe(stream) })
  process.stdout.write(JSON.stringify({ peer: channel.nodeId }) + '\n')
} else {
  const mib = Number(mibText)
  const share = Number(shareText)
  const pacer = share > 0 ? new LinkPacer(clock, { ceilingBytesPerSecond: 0, share }) : undefined
  let done: ((ok: boolean) => void) | undefined
  const finished = new Promise<boolean>(resolve => { done = resolve })
  const transfers = new SnapshotTransfers({ transport: channel, clock, logger }, {
    onMessage: () => {}, onProgress: () => {}, onDone: (_to, ok) => { done!(ok) }, pacerFor: () => pacer
  })
  const ping = await channel.dial(peer!, PING)
  const rtts: number[] = []
  let pending = Buffer.alloc(0)
  ping.on('data', (d: Buffer) => {
    pending = Buffer.concat([pending, d])
    while (pending.length >= 8) {
      rtts.push(Date.now() - pending.readDoubleBE(0))
      pending = pending.subarray(8)
    }
  })
  const pinging = setInterval(() => {
    const b = Buffer.alloc(8)
    b.writeDoubleBE(Date.now())
    ping.write(b)
  }, PING_MS)
  const data = randomBytes(mib * 1024 * 1024)
  const started = Date.now()
  transfers.send({ type: 'snapshot', from: channel.nodeId, to: peer!, term: 1, snapshot: { index: 1, term: 1, conf: { voters: [channel.nodeId, peer!], learners: [] }, data } })
  const ok = await finished
  const ms = Date.now() - started
  clearInterval(pinging)
  // Pings still queued behind the last pieces count too.
  await new Promise(resolve => setTimeout(resolve, 1000))
  rtts.sort((a, b) => a - b)
  const q = (p: number): number => rtts[Math.min(rtts.length - 1, Math.floor(p * rtts.length))] ?? -1
  process.stdout.write(JSON.stringify({ ok, ms, bytesPerSecond: data.length / (ms / 1000), pings: rtts.length, p50: q(0.5), p90: q(0.9), max: q(1), estimate: pacer?.view().estimate ?? 0 }) + '\n')
  transfers.stop()
  ping.destroy()
  await channel.close()
  process.exit(0)
}
