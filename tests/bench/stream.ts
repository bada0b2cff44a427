/**
 * One TCP stream between appliances on two nodes: throughput and 64-byte
 * round trip through the Trellis path, beside a direct loopback TCP stream
 * and a bare libp2p stream between the same kind of hosts, all in one run.
 *
 *   appliances (this process)      node A (child)                 node B (child)
 *   client ──TCP──▶ output listener (Forwarder) ══ libp2p ══▶ TerminalNetwork ──TCP──▶ sink / echo
 *   bare:           raw stream /trellis/bench/1 ═════ libp2p ═════▶ counts / echoes
 *   loopback:       client ──TCP──▶ sink / echo, both here
 *
 * Nodes A and B are MeshHosts (tcp · noise · yamux) in processes of
 * their own. `npm run bench -- stream` (env BENCH_MIB, default 1024; BENCH_REPS,
 * default 3; BENCH_ROUNDS, default 2000).
 */
import { fork, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { fileURLToPath } from 'node:url'
import { quantile, replies, stopChildren, summary } from './stats.ts'

const MIB = 1024 * 1024
const BYTES = Number(process.env.BENCH_MIB ?? 1024) * MIB
const REPS = Number(process.env.BENCH_REPS ?? 3)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2000)
const WARMUP_ROUNDS = 200
const CHUNK = 64 * 1024 // bytes a write: one yamux frame's worth
const PING = 64 // bytes
const RAW_PROTOCOL = '/trellis/bench/1'
/** First byte of a stream: what the far end does with it. */
const SINK = 0x53 // 'S' + 8-byte length: count that many bytes, then answer one byte
const ECHO = 0x45 // 'E': send every byte back

type Message =
  | { kind: 'ready', peerId?: string, address?: string, port?: number }
  | { kind: 'throughput', ms: number }
  | { kind: 'rtt', rtts: number[] }
  | { kind: 'error', message: string }

const reply = replies<Message>()

const role = process.argv[2]
if (role === 'a' || role === 'b') await node(role)
else await main()

// ───────────────────────────── the appliances and the report ─────────────────────────────

async function main (): Promise<void> {
  const appliance = await applianceServer()
  const children: ChildProcess[] = []
  const stop = (): void => { for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL') }
  process.once('exit', stop)
  try {
    const gridKey = (await import('../../daemon/mesh/index.ts')).GridKey.create()
    const env = { ...process.env, BENCH_GRID_KEY: Buffer.from(gridKey.encode()).toString('base64') }
    const b = fork(fileURLToPath(import.meta.url), ['b', String(appliance.port)], { env, stdio: 'inherit' })
    children.push(b)
    const bReady = await reply(b, 'ready')
    const a = fork(fileURLToPath(import.meta.url), ['a', bReady.peerId!, bReady.address!], { env, stdio: 'inherit' })
    children.push(a)
    const aReady = await reply(a, 'ready')
    const listener = aReady.port!

    process.stdout.write(`${BYTES / MIB} MiB a run in ${CHUNK / 1024} KiB writes, ${REPS} runs each (interleaved, median shown); ${ROUNDS} round trips of ${PING} bytes each\n`)
    const mbps: Record<string, number[]> = { loopback: [], bare: [], trellis: [] }
    for (let r = 0; r < REPS; r++) {
      mbps.loopback!.push(BYTES / MIB / (await tcpThroughput(appliance.port) / 1000))
      a.send({ kind: 'throughput', bytes: BYTES })
      mbps.bare!.push(BYTES / MIB / ((await reply(a, 'throughput')).ms / 1000))
      mbps.trellis!.push(BYTES / MIB / (await tcpThroughput(listener) / 1000))
    }
    const loopRtt = await tcpRtt(appliance.port)
    a.send({ kind: 'rtt', rounds: ROUNDS })
    const bareRtt = (await reply(a, 'rtt')).rtts
    const trellisRtt = await tcpRtt(listener)

    const med = (k: string): number => quantile(mbps[k]!, 0.5)
    const line = (k: string, label: string): string => `${label} ${med(k).toFixed(0)} MB/s (runs: ${mbps[k]!.map(v => v.toFixed(0)).join(', ')})\n`
    process.stdout.write('\nthroughput (MiB/s, written as MB/s)\n')
    process.stdout.write(line('loopback', '  loopback TCP       '))
    process.stdout.write(line('bare', '  bare libp2p stream '))
    process.stdout.write(line('trellis', '  Trellis terminal   '))
    process.stdout.write(`  Trellis / bare libp2p ${(100 * med('trellis') / med('bare')).toFixed(0)} % (target ≥ 80 %), Trellis / loopback ${(100 * med('trellis') / med('loopback')).toFixed(0)} %; ` +
      `Trellis ${med('trellis') >= 300 ? 'meets' : 'MISSES'} ≥ 300 MB/s\n`)
    process.stdout.write('\n64-byte round trip\n')
    process.stdout.write(`  loopback TCP        ${summary(loopRtt, ' ms')}\n`)
    process.stdout.write(`  bare libp2p stream  ${summary(bareRtt, ' ms')}\n`)
    process.stdout.write(`  Trellis terminal    ${summary(trellisRtt, ' ms')}\n`)
    const added = quantile(trellisRtt, 0.5) - quantile(loopRtt, 0.5)
    const added99 = quantile(trellisRtt, 0.99) - quantile(loopRtt, 0.99)
    process.stdout.write(`  added by Trellis over loopback: p50 ${added.toFixed(3)} ms, p99 ${added99.toFixed(3)} ms (target < 0.3 ms: ${added < 0.3 ? 'met' : 'MISSED'} at p50); ` +
      `over bare libp2p: p50 ${(quantile(trellisRtt, 0.5) - quantile(bareRtt, 0.5)).toFixed(3)} ms\n`)
  } finally {
    await stopChildren(children)
    await new Promise(resolve => appliance.server.close(resolve))
  }
}

/** The appliance end: a TCP server that sinks or echoes, by the stream's first byte. */
async function applianceServer (): Promise<{ server: Server, port: number }> {
  const server = createServer(socket => {
    socket.setNoDelay(true)
    socket.on('error', () => {})
    let mode: number | undefined
    let header = Buffer.alloc(0)
    let want = 0
    let got = 0
    socket.on('data', (d: Buffer) => {
      if (mode === undefined) {
        header = Buffer.concat([header, d])
        if (header[0] === ECHO) { mode = ECHO; d = header.subarray(1) } else if (header.length >= 9) {
          mode = SINK
          want = Number(header.readBigUInt64BE(1))
          d = header.subarray(9)
        } else return
      }
      if (mode === ECHO) { if (d.length > 0) socket.write(d); return }
      got += d.length
      if (got >= want) socket.end(Buffer.from([1]))
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return { server, port: (server.address() as { port: number }).port }
}

/** Sends BYTES through a TCP connection to port and waits for the sink's answer; ms. */
async function tcpThroughput (port: number): Promise<number> {
  const socket = await tcpConnect(port)
  const header = Buffer.alloc(9)
  header[0] = SINK
  header.writeBigUInt64BE(BigInt(BYTES), 1)
  const chunk = Buffer.alloc(CHUNK, 7)
  const answered = new Promise<void>((resolve, reject) => {
    socket.once('data', () => { resolve() })
    socket.once('error', reject)
    socket.once('end', () => { reject(new Error('stream ended before the sink answered')) })
  })
  const t0 = performance.now()
  socket.write(header)
  for (let sent = 0; sent < BYTES; sent += CHUNK) {
    if (!socket.write(chunk)) await once(socket, 'drain')
  }
  await answered
  const ms = performance.now() - t0
  socket.destroy()
  return ms
}

/** 64-byte ping-pongs through a TCP connection to port's echo; ms each, after a warm-up. */
async function tcpRtt (port: number): Promise<number[]> {
  const socket = await tcpConnect(port)
  socket.write(Buffer.from([ECHO]))
  const rtts = await pingPong(ROUNDS,
    payload => { socket.write(payload) },
    handler => { socket.on('data', handler) },
    handler => { socket.off('data', handler) })
  socket.destroy()
  return rtts
}

async function tcpConnect (port: number): Promise<Socket> {
  const socket = connect({ host: '127.0.0.1', port })
  socket.setNoDelay(true)
  await once(socket, 'connect')
  return socket
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
  const { multiaddr } = await import('@multiformats/multiaddr')
  const { pino } = await import('pino')
  const { benchMeshNode } = await import('./mesh-node.ts')
  const { TerminalNetwork } = await import('../../daemon/network/index.ts')
  type Stream = import('@libp2p/interface').Stream
  const logger = pino({ level: 'silent' })
  const send = (m: Message): void => { process.send!(m) }
  process.on('disconnect', () => process.exit(0))
  try {
    const { host, transport } = await benchMeshNode(logger)
    const network = new TerminalNetwork({ transport, logger })
    network.start()
    const stopAll = async (): Promise<void> => { await network.close(); await transport.close(); process.exit(0) }
    process.on('message', (m: { kind: string, bytes?: number, rounds?: number }) => {
      if (m.kind === 'stop') void stopAll()
      if (which !== 'a') return
      if (m.kind === 'throughput') void bareThroughput(m.bytes!).then(ms => { send({ kind: 'throughput', ms }) }, (err: Error) => { send({ kind: 'error', message: err.message }) })
      if (m.kind === 'rtt') void bareRtt(m.rounds!).then(rtts => { send({ kind: 'rtt', rtts }) }, (err: Error) => { send({ kind: 'error', message: err.message }) })
    })

    if (which === 'b') {
      network.registerInput('sink', 'in', { host: '127.0.0.1', port: Number(process.argv[3]) })
      // The bare end: the same sink / echo, on a raw libp2p stream.
      await host.libp2p.handle(RAW_PROTOCOL, (stream: Stream) => {
        let mode: number | undefined
        let want = 0
        let got = 0
        stream.addEventListener('message', event => {
          const parts = event.data instanceof Uint8Array ? [event.data] : [...event.data]
          for (let d of parts) {
            if (mode === undefined) {
              mode = d[0]
              if (mode === SINK) want = Number(Buffer.from(d.buffer, d.byteOffset, d.byteLength).readBigUInt64BE(1))
              d = d.subarray(mode === SINK ? 9 : 1)
            }
            if (mode === ECHO) { if (d.byteLength > 0) stream.send(d); continue }
            got += d.byteLength
            if (got >= want) { stream.send(Uint8Array.of(1)); void stream.close() }
          }
        })
      })
      send({ kind: 'ready', peerId: host.peerId, address: host.addresses[0]! })
      return
    }

    const peer = process.argv[3]!
    await host.libp2p.dial(multiaddr(process.argv[4]!))
    const forwarder = await network.listen('bench', { host: '127.0.0.1', port: 0 }, () => [{ node: peer, instance: 'sink', terminal: 'in' }])
    send({ kind: 'ready', port: forwarder.address.port })

    const open = async (): Promise<Stream> => await host.libp2p.dialProtocol(multiaddr(process.argv[4]!), RAW_PROTOCOL)
    const drained = async (stream: Stream): Promise<void> => {
      // As Libp2pDuplex does: 'drain' also fires for streams still short of window; check again after libp2p's retry.
      while (stream.writableNeedsDrain && stream.status === 'open') {
        await new Promise<void>(resolve => { stream.addEventListener('drain', () => { queueMicrotask(resolve) }, { once: true }) })
      }
    }
    async function bareThroughput (bytes: number): Promise<number> {
      const stream = await open()
      const header = Buffer.alloc(9)
      header[0] = SINK
      header.writeBigUInt64BE(BigInt(bytes), 1)
      const chunk = Buffer.alloc(CHUNK, 7)
      const answered = new Promise<void>(resolve => { stream.addEventListener('message', () => { resolve() }, { once: true }) })
      const t0 = performance.now()
      stream.send(header)
      for (let sent = 0; sent < bytes; sent += CHUNK) {
        // The same buffer every time: nothing writes to it, so libp2p may hold it.
        if (!stream.send(chunk)) await drained(stream)
      }
      await answered
      const ms = performance.now() - t0
      await stream.close().catch(() => {})
      return ms
    }
    async function bareRtt (rounds: number): Promise<number[]> {
      const stream = await open()
      stream.send(Uint8Array.of(ECHO))
      type Listener = (e: { data: Uint8Array | Iterable<Uint8Array> }) => void
      const handlers = new Map<(d: Uint8Array) => void, Listener>()
      const rtts = await pingPong(rounds,
        payload => { stream.send(payload) },
        h => {
          const l: Listener = e => {
            const parts = e.data instanceof Uint8Array ? [e.data] : [...e.data]
            for (const p of parts) h(p)
          }
          handlers.set(h, l)
          stream.addEventListener('message', l as never)
        },
        h => { stream.removeEventListener('message', handlers.get(h) as never); handlers.delete(h) })
      stream.abort(new Error('done'))
      return rtts
    }
  } catch (err) {
    send({ kind: 'error', message: (err as Error).stack ?? String(err) })
    process.exit(1)
  }
}
