/**
 * One TCP stream between appliances on two nodes: throughput and 64-byte
 * round trip through the Trellis path, beside the same bytes on simpler
 * paths, all in one run, with the CPU each node process spent per GiB.
 *
 *   appliances (this process)      node A (child)                 node B (child)
 *   trellis:  client ──TCP──▶ output listener (Forwarder) ══ transport ══▶ TerminalNetwork ──TCP──▶ sink / echo
 *   relay:    client ──TCP──▶ a plain relay (pipe) ─────── TCP ───────▶ a plain relay (pipe) ──TCP──▶ sink / echo
 *   bare:     a transport stream /trellis/bench/1 ═══ transport ═══▶ counts / echoes
 *   loopback: client ──TCP──▶ sink / echo, both here
 *
 * The relay is the like-for-like for the Trellis path: the same hops and
 * processes, each relaying in JavaScript, without encryption or the
 * transport. The transport is the bulk channel (TLS) unless BENCH_BULK=0
 * (libp2p). Nodes A and B are MeshHosts (tcp · noise · yamux) in processes
 * of their own, on the daemon's V8 flags (BENCH_V8=default: V8's own).
 * `npm run bench -- stream` (env BENCH_MIB, default 1024;
 * BENCH_REPS, default 3; BENCH_ROUNDS, default 2000; BENCH_KINDS, default
 * loopback,relay,bare,trellis; BENCH_DIRECTION, default up: the client
 * sends to the sink; down: the far end sends to the client, as a server
 * answers a download).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { connect, createServer, Socket, type OnReadOpts, type Server, type SocketConstructorOpts } from 'node:net'
import type { Duplex } from 'node:stream'
import { TLSSocket } from 'node:tls'
import { fileURLToPath } from 'node:url'
import { quantile, replies, stopChildren, summary } from './stats.ts'
import { onProcessEnd } from '../helpers/process-end.ts'
import { benchNodeExecArgv, benchNodeV8 } from '../helpers/daemon-v8.ts'
import { readTlsIntoOwnBuffer } from '../../daemon/network/tls-reads.ts'

const MIB = 1024 * 1024
const GIB = 1024 * MIB
const BYTES = Number(process.env.BENCH_MIB ?? 1024) * MIB
const REPS = Number(process.env.BENCH_REPS ?? 3)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2000)
const WARMUP_ROUNDS = 200
/** How long the nodes' idle CPU is measured, in ms. */
const IDLE_MS = 3000
const CHUNK = 64 * 1024 // bytes a write: one yamux frame's worth
const PING = 64 // bytes
const RAW_PROTOCOL = '/trellis/bench/1'
/** First byte of a stream: what the far end does with it. */
const SINK = 0x53 // 'S' + 8-byte length: count that many bytes, then answer one byte
const ECHO = 0x45 // 'E': send every byte back
const SOURCE = 0x44 // 'D' + 8-byte length: send that many bytes, then end
/** up: bytes go from the client to the far end; down: from the far end to the client. */
const DOWN = process.env.BENCH_DIRECTION === 'down'
/**
 * How the appliances (client, sink, echo) read TCP: 'lean' (the default)
 * into one buffer of their own, as a server written for throughput reads;
 * 'data' through data events, a fresh buffer each, as every figure before
 * 2026-12-05 22:40 UTC. On this machine the appliances share the two cores
 * with both nodes, and data events cost them more CPU than node A spends.
 */
const LEAN = (process.env.BENCH_APPLIANCE ?? 'lean') === 'lean'
if (!['lean', 'data'].includes(process.env.BENCH_APPLIANCE ?? 'lean')) throw new Error(`BENCH_APPLIANCE is "${process.env.BENCH_APPLIANCE}": expected lean or data`)
const LEAN_READ_BYTES = 1024 * 1024

type Message =
  | { kind: 'ready', peerId?: string, address?: string, port?: number, relayPort?: number }
  | { kind: 'throughput', ms: number }
  | { kind: 'rtt', rtts: number[] }
  | { kind: 'cpu', ms: number, sysMs: number }
  | { kind: 'error', message: string }

const reply = replies<Message>()
const KINDS = ['loopback', 'relay', 'bare', 'trellis'] as const
type Kind = typeof KINDS[number]
const LABELS: Record<Kind, string> = {
  loopback: 'loopback TCP             ',
  relay: 'TCP through two relays   ',
  bare: process.env.BENCH_BULK === '0' ? 'bare libp2p stream       ' : 'bare TLS channel stream  ',
  trellis: 'Trellis terminal         '
}
const wanted = new Set((process.env.BENCH_KINDS ?? KINDS.join(',')).split(',') as Kind[])
const kinds = KINDS.filter(k => wanted.has(k))

const role = process.argv[2]
if (role === 'a' || role === 'b') await node(role)
else await main()

// ───────────────────────────── the appliances and the report ─────────────────────────────

async function main (): Promise<void> {
  const appliance = await applianceServer()
  const children: ChildProcess[] = []
  const stop = (): void => { for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL') }
  onProcessEnd(stop)
  try {
    const gridKey = (await import('../../daemon/mesh/index.ts')).GridKey.create()
    const env = { ...process.env, BENCH_GRID_KEY: Buffer.from(gridKey.encode()).toString('base64') }
    const b = fork(fileURLToPath(import.meta.url), ['b', String(appliance.port)], { env, stdio: 'inherit', execArgv: benchNodeExecArgv() })
    children.push(b)
    const bReady = await reply(b, 'ready')
    const a = fork(fileURLToPath(import.meta.url), ['a', bReady.peerId!, bReady.address!, String(bReady.relayPort)], { env, stdio: 'inherit', execArgv: benchNodeExecArgv() })
    children.push(a)
    const aReady = await reply(a, 'ready')
    const cpu = async (child: ChildProcess): Promise<[number, number]> => { child.send({ kind: 'cpu' }); const m = await reply(child, 'cpu'); return [m.ms, m.sysMs] }

    process.stdout.write(`${BYTES / MIB} MiB a run ${DOWN ? 'from the far end to the client' : 'from the client to the far end'} in ${CHUNK / 1024} KiB writes, ${REPS} runs each (interleaved, median shown); ${ROUNDS} round trips of ${PING} bytes each; nodes on ${benchNodeV8()}\n`)
    const mbps: Record<Kind, number[]> = { loopback: [], relay: [], bare: [], trellis: [] }
    /** CPU ms each node process spent per GiB carried, per run. */
    const cpuA: Record<Kind, number[]> = { loopback: [], relay: [], bare: [], trellis: [] }
    const cpuB: Record<Kind, number[]> = { loopback: [], relay: [], bare: [], trellis: [] }
    /** Of which in the kernel (system time). */
    const sysA: Record<Kind, number[]> = { loopback: [], relay: [], bare: [], trellis: [] }
    const sysB: Record<Kind, number[]> = { loopback: [], relay: [], bare: [], trellis: [] }
    /** CPU ms per GiB this process (the appliances: client, sink, echo) spent. */
    const cpuApp: Record<Kind, number[]> = { loopback: [], relay: [], bare: [], trellis: [] }
    const run = async (kind: Kind): Promise<number> => {
      if (kind === 'loopback') return await tcpThroughput(appliance.port)
      if (kind === 'relay') return await tcpThroughput(aReady.relayPort!)
      if (kind === 'trellis') return await tcpThroughput(aReady.port!)
      a.send({ kind: 'throughput', bytes: BYTES })
      return (await reply(a, 'throughput')).ms
    }
    // What each node spends idle (the mesh's own timers), per ms, taken off each run's CPU.
    const idle0 = [await cpu(a), await cpu(b)]
    const t0 = performance.now()
    await new Promise(resolve => setTimeout(resolve, IDLE_MS))
    const idle1 = [await cpu(a), await cpu(b)]
    const idleMs = performance.now() - t0
    const idleRate = [0, 1].map(i => [(idle1[i]![0] - idle0[i]![0]) / idleMs, (idle1[i]![1] - idle0[i]![1]) / idleMs])
    process.stdout.write(`idle CPU: node A ${(100 * idleRate[0]![0]!).toFixed(1)} %, node B ${(100 * idleRate[1]![0]!).toFixed(1)} % of a core (taken off the CPU per GiB below)\n`)
    for (let r = 0; r < REPS; r++) {
      for (const kind of kinds) {
        const [a0, b0] = [await cpu(a), await cpu(b)]
        const app0 = process.cpuUsage()
        const ms = await run(kind)
        const app = process.cpuUsage(app0)
        const [a1, b1] = [await cpu(a), await cpu(b)]
        cpuApp[kind].push((app.user + app.system) / 1000 / (BYTES / GIB))
        mbps[kind].push(BYTES / MIB / (ms / 1000))
        const per = (d: number, rate: number): number => Math.max(0, d - rate * ms) / (BYTES / GIB)
        cpuA[kind].push(per(a1[0] - a0[0], idleRate[0]![0]!))
        cpuB[kind].push(per(b1[0] - b0[0], idleRate[1]![0]!))
        sysA[kind].push(per(a1[1] - a0[1], idleRate[0]![1]!))
        sysB[kind].push(per(b1[1] - b0[1], idleRate[1]![1]!))
      }
    }
    const rtt: Partial<Record<Kind, number[]>> = {}
    for (const kind of kinds) {
      if (kind === 'loopback') rtt.loopback = await tcpRtt(appliance.port)
      if (kind === 'relay') rtt.relay = await tcpRtt(aReady.relayPort!)
      if (kind === 'trellis') rtt.trellis = await tcpRtt(aReady.port!)
      if (kind === 'bare') { a.send({ kind: 'rtt', rounds: ROUNDS }); rtt.bare = (await reply(a, 'rtt')).rtts }
    }

    const med = (k: Kind): number => quantile(mbps[k], 0.5)
    const range = (v: number[]): string => v.map(x => x.toFixed(0)).join(', ')
    process.stdout.write(`\nthroughput (MiB/s, written as MB/s); CPU ms per GiB in node A and node B (median; of which kernel), and in the appliances (${LEAN ? 'lean' : 'data-event'} reads; the bare stream's ends are in node A and node B)\n`)
    const ms = (v: number[]): string => quantile(v, 0.5).toFixed(0)
    for (const k of kinds) {
      const parts = [
        ...(k === 'loopback' ? [] : [`A ${ms(cpuA[k])} (${ms(sysA[k])}) B ${ms(cpuB[k])} (${ms(sysB[k])})`]),
        ...(k === 'bare' ? [] : [`appliances ${ms(cpuApp[k])}`])
      ]
      process.stdout.write(`  ${LABELS[k]}${med(k).toFixed(0).padStart(5)} MB/s (runs: ${range(mbps[k])})   CPU/GiB ${parts.join(' ')} ms\n`)
    }
    if (wanted.has('trellis')) {
      const best = Math.max(...kinds.filter(k => k !== 'trellis').map(med).filter(Number.isFinite), 0)
      const vs = kinds.filter(k => k !== 'trellis').map(k => `Trellis / ${k} ${(100 * med('trellis') / med(k)).toFixed(0)} %`).join(', ')
      process.stdout.write(`  ${vs}\n`)
      process.stdout.write(`  Trellis ${med('trellis') >= 600 ? 'meets' : 'MISSES'} ≥ 600 MB/s; ${best > 0 ? `${med('trellis') >= 0.8 * best ? 'meets' : 'MISSES'} ≥ 80 % of the best beside it (${(100 * med('trellis') / best).toFixed(0)} %)` : ''}\n`)
    }
    process.stdout.write('\n64-byte round trip\n')
    for (const k of kinds) process.stdout.write(`  ${LABELS[k]} ${summary(rtt[k]!, ' ms')}\n`)
    if (rtt.trellis !== undefined && rtt.loopback !== undefined) {
      const added = quantile(rtt.trellis, 0.5) - quantile(rtt.loopback, 0.5)
      const added99 = quantile(rtt.trellis, 0.99) - quantile(rtt.loopback, 0.99)
      process.stdout.write(`  added by Trellis over loopback: p50 ${added.toFixed(3)} ms, p99 ${added99.toFixed(3)} ms (target < 0.3 ms: ${added < 0.3 ? 'met' : 'MISSED'} at p50)` +
        `${rtt.relay !== undefined ? `; over the relays: p50 ${(quantile(rtt.trellis, 0.5) - quantile(rtt.relay, 0.5)).toFixed(3)} ms` : ''}\n`)
    }
  } finally {
    await stopChildren(children)
    await new Promise(resolve => appliance.server.close(resolve))
  }
}

/** The appliance end: a TCP server that sinks, echoes or sources, by the stream's first byte. */
async function applianceServer (): Promise<{ server: Server, port: number }> {
  const server = createServer({ pauseOnConnect: LEAN }, accepted => {
    const { socket, reads } = LEAN ? adoptLean(accepted) : { socket: accepted, reads: eventReads(accepted) }
    socket.setNoDelay(true)
    socket.on('error', () => {})
    let mode: number | undefined
    let header = Buffer.alloc(0)
    let want = 0
    let got = 0
    reads.on(d => {
      if (mode === undefined) {
        header = Buffer.concat([header, d])
        if (header[0] === ECHO) { mode = ECHO; d = header.subarray(1) } else if (header.length >= 9) {
          mode = header[0]
          want = Number(header.readBigUInt64BE(1))
          d = header.subarray(9)
          if (mode === SOURCE) { void source(socket, want); return }
        } else return
      }
      // A lean read's bytes are only valid during the call.
      if (mode === ECHO) { if (d.byteLength > 0) socket.write(LEAN ? Buffer.from(d) : d); return }
      got += d.byteLength
      if (got >= want) socket.end(Buffer.from([1]))
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return { server, port: (server.address() as { port: number }).port }
}

type Listener = (d: Uint8Array) => void
/** Where a harness end hears what it reads. */
interface Reads { on: (h: Listener) => void, off: (h: Listener) => void }

function eventReads (stream: Duplex): Reads {
  return { on: h => { stream.on('data', h) }, off: h => { stream.off('data', h) } }
}

/**
 * How a bare transport stream's end reads: with lean appliances, a TLS
 * channel stream into a buffer of its own as the daemon reads one
 * (tls-reads.ts), so that the bare stream is the best the channel does;
 * else, and for libp2p streams, through data events.
 */
function transportReads (stream: Duplex): Reads {
  if (!LEAN || !(stream instanceof TLSSocket)) return eventReads(stream)
  const { deliver, reads } = listened()
  return readTlsIntoOwnBuffer(stream, deliver) ? reads : eventReads(stream)
}

/** Reads into one buffer of its own (Node's `onread`): each read's bytes are valid during the listeners' call only. */
function leanReads (): { onread: OnReadOpts, reads: Reads } {
  const { deliver, reads } = listened()
  const onread: OnReadOpts = {
    buffer: Buffer.allocUnsafe(LEAN_READ_BYTES),
    callback: (n, buffer) => { deliver(buffer.subarray(0, n) as Buffer); return true }
  }
  return { onread, reads }
}

/**
 * Listeners for reads into a buffer of one's own: `deliver` hands each read
 * to them, valid during the call only; a read before anyone listens (what
 * a socket held already) is copied and kept until someone does.
 */
function listened (): { deliver: (bytes: Buffer) => void, reads: Reads } {
  const listeners = new Set<Listener>()
  const early: Buffer[] = []
  const deliver = (bytes: Buffer): void => {
    if (listeners.size === 0) early.push(Buffer.from(bytes))
    else for (const h of listeners) h(bytes)
  }
  return { deliver, reads: { on: h => { listeners.add(h); for (const b of early.splice(0)) h(b) }, off: h => { listeners.delete(h) } } }
}

/**
 * An accepted connection (its server made with pauseOnConnect, not read yet)
 * moved to a socket that reads leanly: Node gives `onread` only to sockets
 * one makes, so the handle moves, as the daemon's read pump does.
 */
function adoptLean (accepted: Socket): { socket: Socket, reads: Reads } {
  const inner = accepted as unknown as { _handle: unknown }
  const handle = inner._handle
  if (handle == null) throw new Error('the accepted socket has no handle to adopt')
  inner._handle = null
  accepted.destroy()
  const { onread, reads } = leanReads()
  const socket = new Socket({ handle, onread } as unknown as SocketConstructorOpts)
  socket.resume()
  return { socket, reads }
}

/** Sends BYTES through a TCP connection to port and waits for the sink's answer; ms. */
async function tcpThroughput (port: number): Promise<number> {
  const { socket, reads } = await tcpConnect(port)
  const ms = await timedTransfer(socket, reads, BYTES)
  socket.destroy()
  return ms
}

/**
 * BENCH_DIRECTION up: sends `bytes` on `stream` to a sink and waits for its
 * answer; down: asks the far end for `bytes` and reads them all. ms.
 */
async function timedTransfer (stream: Duplex, reads: Reads, bytes: number): Promise<number> {
  const header = Buffer.alloc(9)
  header[0] = DOWN ? SOURCE : SINK
  header.writeBigUInt64BE(BigInt(bytes), 1)
  const done = new Promise<void>((resolve, reject) => {
    let got = 0
    const onData = (d: Uint8Array): void => {
      got += d.byteLength
      if (!DOWN || got >= bytes) { reads.off(onData); resolve() }
    }
    reads.on(onData)
    stream.once('error', reject)
    stream.once('end', () => { reject(new Error(`stream ended before the ${DOWN ? 'source sent everything' : 'sink answered'}`)) })
  })
  const t0 = performance.now()
  stream.write(header)
  if (!DOWN) {
    const chunk = Buffer.alloc(CHUNK, 7)
    for (let sent = 0; sent < bytes; sent += CHUNK) {
      if (!stream.write(chunk)) await once(stream, 'drain')
    }
  }
  await done
  return performance.now() - t0
}

/** The far end of a download: `bytes` in CHUNK writes, then the end. */
async function source (stream: Duplex, bytes: number): Promise<void> {
  const chunk = Buffer.alloc(CHUNK, 7)
  for (let sent = 0; sent < bytes; sent += CHUNK) {
    if (!stream.write(chunk)) await once(stream, 'drain')
  }
  stream.end()
}

/** 64-byte ping-pongs through a TCP connection to port's echo; ms each, after a warm-up. */
async function tcpRtt (port: number): Promise<number[]> {
  const { socket, reads } = await tcpConnect(port)
  socket.write(Buffer.from([ECHO]))
  const rtts = await pingPong(ROUNDS, payload => { socket.write(payload) }, reads.on, reads.off)
  socket.destroy()
  return rtts
}

async function tcpConnect (port: number): Promise<{ socket: Socket, reads: Reads }> {
  const lean = LEAN ? leanReads() : undefined
  const socket = connect({ host: '127.0.0.1', port, ...(lean === undefined ? {} : { onread: lean.onread }) })
  socket.setNoDelay(true)
  await once(socket, 'connect')
  return { socket, reads: lean?.reads ?? eventReads(socket) }
}

/** Timed round trips of PING bytes, after WARMUP_ROUNDS untimed ones. */
async function pingPong (rounds: number, send: (b: Uint8Array) => void, on: (h: (d: Uint8Array) => void) => void, off: (h: (d: Uint8Array) => void) => void): Promise<number[]> {
  const payload = Buffer.alloc(PING, 1)
  const rtts: number[] = []
  for (let i = 0; i < WARMUP_ROUNDS + rounds; i++) {
    const t0 = performance.now()
    await new Promise<void>(resolve => {
      let got = 0
      const h = (d: Uint8Array): void => { got += d.byteLength; if (got >= PING) { off(h); resolve() } }
      on(h)
      send(payload)
    })
    if (i >= WARMUP_ROUNDS) rtts.push(performance.now() - t0)
  }
  return rtts
}


// ───────────────────────────── a node: one MeshHost and its TerminalNetwork ─────────────────────────────

async function node (which: 'a' | 'b'): Promise<void> {
  const { pino } = await import('pino')
  const { benchMeshNode } = await import('./mesh-node.ts')
  const { TerminalNetwork } = await import('../../daemon/network/index.ts')
  const logger = pino({ level: 'silent' })
  const send = (m: Message): void => { process.send!(m) }
  process.on('disconnect', () => process.exit(0))
  try {
    const { multiaddr } = await import('@multiformats/multiaddr')
    const { host, transport } = await benchMeshNode(logger, [RAW_PROTOCOL])
    const network = new TerminalNetwork({ transport, logger })
    network.start()
    const stopAll = async (): Promise<void> => { await network.close(); await transport.close(); process.exit(0) }
    process.on('message', (m: { kind: string, bytes?: number, rounds?: number }) => {
      if (m.kind === 'stop') void stopAll()
      if (m.kind === 'cpu') { const u = process.cpuUsage(); send({ kind: 'cpu', ms: (u.user + u.system) / 1000, sysMs: u.system / 1000 }) }
      if (which !== 'a') return
      if (m.kind === 'throughput') void bareThroughput(m.bytes!).then(ms => { send({ kind: 'throughput', ms }) }, (err: Error) => { send({ kind: 'error', message: err.message }) })
      if (m.kind === 'rtt') void bareRtt(m.rounds!).then(rtts => { send({ kind: 'rtt', rtts }) }, (err: Error) => { send({ kind: 'error', message: err.message }) })
    })

    if (which === 'b') {
      const appliancePort = Number(process.argv[3])
      network.registerInput('sink', 'in', { host: '127.0.0.1', port: appliancePort })
      // The bare end: the same sink / echo, on a transport stream.
      transport.handle(RAW_PROTOCOL, stream => {
        stream.on('error', () => {})
        let mode: number | undefined
        let want = 0
        let got = 0
        transportReads(stream).on(bytes => {
          let d = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
          if (mode === undefined) {
            mode = d[0]
            if (mode === SINK || mode === SOURCE) want = Number(d.readBigUInt64BE(1))
            if (mode === SOURCE) { void source(stream, want); return }
            d = d.subarray(mode === SINK ? 9 : 1)
          }
          // A lean read's bytes are only valid during the call.
          if (mode === ECHO) { if (d.byteLength > 0) stream.write(Buffer.from(d)); return }
          got += d.byteLength
          if (got >= want) stream.end(Uint8Array.of(1))
        })
      })
      const relayPort = await relay(appliancePort)
      send({ kind: 'ready', peerId: host.peerId, address: host.addresses[0]!, relayPort })
      return
    }

    const peer = process.argv[3]!
    await host.libp2p.dial(multiaddr(process.argv[4]!))
    const relayPort = await relay(Number(process.argv[5]))
    const forwarder = await network.listen('bench', { host: '127.0.0.1', port: 0 }, () => [{ node: peer, instance: 'sink', terminal: 'in' }])
    send({ kind: 'ready', port: forwarder.address.port, relayPort })

    async function bareThroughput (bytes: number): Promise<number> {
      const stream = await transport.dial(peer, RAW_PROTOCOL)
      stream.on('error', () => {})
      const ms = await timedTransfer(stream, transportReads(stream), bytes)
      stream.destroy()
      return ms
    }
    async function bareRtt (rounds: number): Promise<number[]> {
      const stream = await transport.dial(peer, RAW_PROTOCOL)
      stream.on('error', () => {})
      stream.write(Uint8Array.of(ECHO))
      const rtts = await pingPong(rounds,
        payload => { stream.write(payload) },
        h => { stream.on('data', h) },
        h => { stream.off('data', h) })
      stream.destroy()
      return rtts
    }
  } catch (err) {
    send({ kind: 'error', message: (err as Error).stack ?? String(err) })
    process.exit(1)
  }
}

/** A plain TCP relay in front of port, as a program of one's own would write it: pipe both ways. */
async function relay (port: number): Promise<number> {
  const server = createServer({ allowHalfOpen: true }, downstream => {
    downstream.setNoDelay(true)
    const upstream = connect({ host: '127.0.0.1', port, allowHalfOpen: true })
    upstream.setNoDelay(true)
    const fail = (): void => { downstream.destroy(); upstream.destroy() }
    downstream.on('error', fail)
    upstream.on('error', fail)
    downstream.pipe(upstream)
    upstream.pipe(downstream)
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return (server.address() as { port: number }).port
}
