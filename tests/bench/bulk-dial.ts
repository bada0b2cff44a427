/**
 * What one short terminal stream costs in handshakes: CPU per bulk-channel
 * dial (TlsChannel: TCP connect, TLS 1.3 PSK handshake with an ephemeral
 * key exchange, the protocol frame and its answer, then both ends closed),
 * both ends in this process, beside the bare TLS handshake with the same
 * options in the same run, its context made once and made per dial (what
 * tls.connect does when given options alone). An appliance that opens a
 * connection per request or per health probe makes one dial each when the
 * far end is on another node, so this is part of an idle node's CPU running
 * an app (issue 12: < 1 % of a core; `npm run bench -- idle`).
 * `npm run bench -- bulk-dial` (env BENCH_DIALS, default 400; BENCH_REPS, default 3).
 */
import { randomBytes } from 'node:crypto'
import { connect as tcpConnect, createServer } from 'node:net'
import type { Duplex } from 'node:stream'
import { connect, createSecureContext, TLSSocket, type SecureContext } from 'node:tls'
import { quantile } from './stats.ts'
import { channels } from '../daemon/mesh/tls-channels.ts'
import { TLS_OPTIONS as OPTIONS } from '../../daemon/mesh/tls-channel.ts'

const DIALS = Number(process.env.BENCH_DIALS ?? 400)
const REPS = Number(process.env.BENCH_REPS ?? 3)
const WARMUP = 100
const PROTOCOL = '/trellis/bench/dial/1'

/** µs of this process's CPU per call of `one`, over `n` calls in series. */
async function cpuPer (n: number, one: () => Promise<void>): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await one()
  const c0 = process.cpuUsage()
  for (let i = 0; i < n; i++) await one()
  const c = process.cpuUsage(c0)
  return (c.user + c.system) / n
}

/** Resolves once the stream has closed, after ending it. */
async function endAndClose (s: Duplex): Promise<void> {
  await new Promise<void>(resolve => { s.once('close', () => { resolve() }); s.resume(); s.end() })
}

const psk = randomBytes(32)
const serverContext = createSecureContext(OPTIONS)
const server = createServer(tcp => {
  const s = new TLSSocket(tcp, { isServer: true, secureContext: serverContext, pskCallback: () => psk } as ConstructorParameters<typeof TLSSocket>[1])
  s.on('error', () => {})
  s.once('secure', () => { s.resume(); s.end() })
})
await new Promise<void>(resolve => { server.listen(0, '127.0.0.1', resolve) })
const port = (server.address() as { port: number }).port

/** A bare PSK handshake to `server`, with `context` or (undefined) one made for the dial. */
async function bare (context: SecureContext | undefined): Promise<void> {
  const tcp = tcpConnect({ host: '127.0.0.1', port })
  const s = connect({ ...OPTIONS, ...(context === undefined ? {} : { secureContext: context }), socket: tcp, pskCallback: () => ({ psk, identity: 'bench' }), checkServerIdentity: () => undefined })
  s.on('error', () => {})
  await new Promise<void>((resolve, reject) => { s.once('secureConnect', resolve); s.once('error', reject) })
  await endAndClose(s)
}

const { list: [a, b], close } = await channels(2)
b!.handle(PROTOCOL, stream => { stream.on('error', () => {}); stream.resume(); stream.end() })
const channelDial = async (): Promise<void> => { await endAndClose(await a!.dial(b!.nodeId, PROTOCOL)) }

const clientContext = createSecureContext(OPTIONS)
const figures: Record<string, number[]> = { 'bare handshake, context made once': [], 'bare handshake, context per dial': [], 'TlsChannel dial': [] }
try {
  for (let r = 0; r < REPS; r++) {
    figures['bare handshake, context made once']!.push(await cpuPer(DIALS, async () => { await bare(clientContext) }))
    figures['bare handshake, context per dial']!.push(await cpuPer(DIALS, async () => { await bare(undefined) }))
    figures['TlsChannel dial']!.push(await cpuPer(DIALS, channelDial))
  }
} finally {
  await close()
  server.close()
}

const base = quantile(figures['bare handshake, context made once']!, 0.5)
process.stdout.write(`${DIALS} dials × ${REPS} rounds, both ends in this process; µs of CPU per dial (median of rounds; each round's in brackets):\n`)
for (const [name, v] of Object.entries(figures)) {
  const m = quantile(v, 0.5)
  process.stdout.write(`  ${name}: ${m.toFixed(0)} µs (${v.map(x => x.toFixed(0)).join(', ')}), ${(m / base).toFixed(2)}× the bare handshake with its context made once\n`)
}
process.stdout.write('target: none of its own; part of the idle node\'s < 1 % of a core (issue 12, `npm run bench -- idle`)\n')
