/**
 * The splice a forwarder runs between two sockets: bytes whole and in order
 * both ways, a slow reader holding the writer back without the splice
 * buffering, half-close carried, and a failed side resetting the other.
 * Each case runs twice: with sockets read through `data` events (their
 * reads gathered a turn at a time, as a transport stream's are), and with
 * both read through pumps, the accepted one adopted, as a forwarder and a
 * terminal network make them. Then the gathering itself: one write a turn,
 * bounded, and back-pressure carried.
 */
import t, { type Test } from 'tap'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { connect, createServer, Socket, type Server } from 'node:net'
import { Duplex } from 'node:stream'
import { splice } from '../../../daemon/network/index.ts'
import { MAX_RELAY_BUFFER_BYTES, MIN_RELAY_BUFFER_BYTES } from '../../../daemon/network/buffer-size.ts'
import { writeUntilStalled } from './fill.ts'
import { adoptAccepted, pumpedSocket, pumpOf } from '../../../daemon/network/read-pump.ts'

const MIB = 1024 * 1024

/**
 * client ──TCP──▶ relay (splice) ──TCP──▶ far. Resolves once the relay has
 * both of its sockets; `far` is the far end's socket.
 */
async function relayed (t: Test, pumped: boolean): Promise<{ client: Socket, far: Socket, near: Socket, up: Socket, spliced: Promise<void> }> {
  const servers: Server[] = []
  t.teardown(() => { for (const s of servers) s.close() })
  const farSide = new Promise<Socket>(resolve => {
    const far = createServer({ allowHalfOpen: true }, resolve)
    servers.push(far)
  })
  await new Promise<void>(resolve => servers[0]!.listen(0, '127.0.0.1', resolve))
  const farPort = (servers[0]!.address() as { port: number }).port
  const relay = new Promise<{ near: Socket, up: Socket, spliced: Promise<void> }>(resolve => {
    const server = createServer({ allowHalfOpen: true, pauseOnConnect: true }, accepted => {
      const near = pumped ? adoptAccepted(accepted) : accepted
      const up = pumped ? pumpedSocket({ allowHalfOpen: true }) : new Socket({ allowHalfOpen: true })
      up.connect({ host: '127.0.0.1', port: farPort })
      if (pumped && (pumpOf(near) === undefined || pumpOf(up) === undefined)) throw new Error('not pumped')
      up.once('connect', () => { resolve({ near, up, spliced: splice(near, up) }) })
    })
    servers.push(server)
  })
  await new Promise<void>(resolve => servers[1]!.listen(0, '127.0.0.1', resolve))
  const client = connect({ host: '127.0.0.1', port: (servers[1]!.address() as { port: number }).port, allowHalfOpen: true })
  const [far, { near, up, spliced }] = await Promise.all([farSide, relay])
  t.teardown(() => { for (const s of [client, far, near, up]) s.destroy() })
  return { client, far, near, up, spliced }
}

/** Writes `bytes` of a counting pattern in 64 KiB pieces, waiting on drain; the SHA-256 of what was written. */
async function send (socket: Socket, bytes: number): Promise<string> {
  const hash = createHash('sha256')
  for (let sent = 0, i = 0; sent < bytes; sent += 64 * 1024, i++) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, bytes - sent), i & 0xff)
    hash.update(chunk)
    if (!socket.write(chunk)) await once(socket, 'drain')
  }
  return hash.digest('hex')
}

/** Reads until the end; the SHA-256 and length of what came. */
async function receive (socket: Socket): Promise<{ hash: string, bytes: number }> {
  const hash = createHash('sha256')
  let bytes = 0
  socket.on('data', (d: Buffer) => { hash.update(d); bytes += d.length })
  await once(socket, 'end')
  return { hash: hash.digest('hex'), bytes }
}

for (const pumped of [false, true]) {
  const how = pumped ? 'pumped' : 'gathered'
  t.test(`${how}: bytes arrive whole and in order both ways at once, and half-close is carried`, async t => {
    const { client, far, spliced } = await relayed(t, pumped)
    const there = receive(far)
    const back = receive(client)
    const [sentThere, sentBack] = await Promise.all([send(client, 48 * MIB), send(far, 32 * MIB)])
    client.end()
    t.same(await there, { hash: sentThere, bytes: 48 * MIB }, 'client → far whole')
    // The far end still writes after the client's end: half-close, not close.
    far.end(Buffer.from('after'))
    const got = await back
    t.equal(got.bytes, 32 * MIB + 5, 'far → client whole, with what came after the client ended')
    await spliced
    t.pass('the splice settles once both ways ended')
  })

  t.test(`${how}: a slow reader holds the writer back: the splice buffers little and loses nothing`, async t => {
    const { client, far, up, near } = await relayed(t, pumped)
    far.pause()
    const { written, stalled } = await writeUntilStalled(client, 512 * MIB)
    t.ok(stalled, `the writer stalled (after ${(written / MIB).toFixed(1)} MiB, the kernel's buffers full)`)
    const held = up.writableLength + near.readableLength
    t.ok(held <= MIB, `the splice holds ${(held / 1024).toFixed(0)} KiB, not the rest`)
    const arrived = receive(far)
    far.resume()
    if (client.writableNeedDrain) await once(client, 'drain')
    client.end()
    t.equal((await arrived).bytes, written, 'every byte arrives once the reader reads')
  })

  t.test(`${how}: a side that fails resets the other: its peer sees an error, never a clean end`, async t => {
    const { client, far, spliced } = await relayed(t, pumped)
    client.write('x')
    await once(far, 'data')
    let ended = false
    client.on('end', () => { ended = true })
    const error = new Promise<Error>(resolve => client.once('error', resolve))
    far.resetAndDestroy()
    t.match(await error, { code: 'ECONNRESET' }, 'the client\'s connection is reset')
    await spliced
    t.notOk(ended, 'the client never read an end')
  })
}

for (const pumped of [false, true]) {
  t.test(`${pumped ? 'pumped' : 'gathered'}: a side that ended before the splice began ends the other at once`, async t => {
    const servers: Server[] = []
    t.teardown(() => { for (const s of servers) s.close() })
    const listen = async (onConnection: (s: Socket) => void): Promise<number> => {
      const server = createServer({ allowHalfOpen: true }, onConnection)
      servers.push(server)
      await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
      return (server.address() as { port: number }).port
    }
    // The input ends at once, with nothing said.
    const quiet = await listen(s => { s.end() })
    const farSide = new Promise<Socket>(resolve => { void listen(resolve).then(port => { farPort.resolve(port) }) })
    const farPort = Promise.withResolvers<number>()
    const ended = pumped ? pumpedSocket({ allowHalfOpen: true }) : new Socket({ allowHalfOpen: true })
    ended.connect({ port: quiet, host: '127.0.0.1' })
    ended.resume()
    await once(ended, 'end')
    const other = connect({ port: await farPort.promise, host: '127.0.0.1', allowHalfOpen: true })
    const far = await farSide
    t.teardown(() => { ended.destroy(); other.destroy(); far.destroy() })
    t.ok(ended.readableEnded, 'the side has ended before the splice')
    const spliced = splice(ended, other)
    far.resume()
    await once(far, 'end')
    t.pass('the far side reads the end')
    far.end()
    await spliced
    t.pass('the splice settles once the far side ends too')
  })
}

/**
 * A readable stream standing in for a transport stream (its reads pushed
 * by the test) spliced into a TCP socket to a far end that `far` reads;
 * `writes` holds the length of each write the splice made on the socket.
 */
async function gathered (t: Test): Promise<{ from: Duplex, to: Socket, far: Socket, writes: number[], spliced: Promise<void> }> {
  const farSide = Promise.withResolvers<Socket>()
  const server = createServer({ allowHalfOpen: true }, farSide.resolve)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const to = connect({ host: '127.0.0.1', port: (server.address() as { port: number }).port, allowHalfOpen: true })
  await once(to, 'connect')
  const far = await farSide.promise
  const writes: number[] = []
  const write = to.write.bind(to) as (chunk: Uint8Array) => boolean
  to.write = ((chunk: Uint8Array) => { writes.push(chunk.byteLength); return write(chunk) }) as typeof to.write
  const from = new Duplex({ read () {}, write (_c, _e, cb) { cb() } })
  const spliced = splice(from, to)
  t.teardown(() => { from.destroy(); to.destroy(); far.destroy(); server.close() })
  await turn() // the splice sets `from` flowing on the next tick
  return { from, to, far, writes, spliced }
}

const turn = async (): Promise<void> => { await new Promise(resolve => setImmediate(resolve)) }

t.test('gathered: a turn\'s reads go out together, in order, the buffer growing to MAX_RELAY_BUFFER_BYTES while turns fill it and back once one is quiet', async t => {
  const { from, to, far, writes, spliced } = await gathered(t)
  const arrived = receive(far)
  const sent = createHash('sha256')
  let bytes = 0
  const push = (c: Buffer): void => { sent.update(c); bytes += c.length; from.push(c) }
  /** Four 16 KiB reads in one turn: the writes made during the turn, and all of them once it ended. */
  const fourReads = async (): Promise<{ during: number[], all: number[] }> => {
    writes.length = 0
    for (let i = 0; i < 4; i++) push(Buffer.alloc(16 * 1024, i))
    const during = writes.slice()
    await turn()
    return { during, all: writes.slice() }
  }
  t.same(await fourReads(), { during: [16 * 1024], all: [16 * 1024, 48 * 1024] }, `a first turn of four 16 KiB reads: ${MIN_RELAY_BUFFER_BYTES / 1024} KiB once the buffer is full, the rest at the end of the turn from one four times larger`)
  t.same(await fourReads(), { during: [], all: [64 * 1024] }, 'the next such turn, one write at its end')

  writes.length = 0
  for (let i = 0; i < 40; i++) push(Buffer.alloc(16 * 1024, i))
  await turn()
  t.ok(writes.length >= 3 && writes.every(w => w <= MAX_RELAY_BUFFER_BYTES) && writes.includes(MAX_RELAY_BUFFER_BYTES), `640 KiB read in one turn, written ${MAX_RELAY_BUFFER_BYTES / 1024} KiB at most at a time (${writes.map(w => w / 1024).join(', ')} KiB)`)

  writes.length = 0
  push(Buffer.from('a quiet turn'))
  await turn()
  t.same(writes, [12], 'a quiet turn, one small write')
  t.same((await fourReads()).all, [16 * 1024, 48 * 1024], `and the buffer is back at ${MIN_RELAY_BUFFER_BYTES / 1024} KiB`)

  push(Buffer.from('tail'))
  from.push(null)
  t.same(await arrived, { hash: sent.digest('hex'), bytes }, 'every byte arrives in order, and the end after them')
  to.end()
  far.end()
  await spliced
})

t.test('gathered: a socket that needs draining pauses the reader until it drains, and nothing written is overwritten', async t => {
  const { from, to, far, spliced } = await gathered(t)
  far.pause()
  const sent = createHash('sha256')
  let bytes = 0
  // One 16 KiB read a turn, each its own bytes, until the reader is held back.
  for (let i = 0; !from.isPaused() && bytes < 256 * MIB; i++) {
    const chunk = Buffer.alloc(16 * 1024, i & 0xff)
    chunk.writeUInt32BE(i)
    sent.update(chunk)
    from.push(chunk)
    bytes += chunk.length
    await turn()
  }
  t.ok(from.isPaused(), `the reader is paused once the socket holds more than it should (after ${(bytes / MIB).toFixed(1)} MiB)`)
  t.ok(to.writableLength <= MAX_RELAY_BUFFER_BYTES + 64 * 1024, `the socket holds ${(to.writableLength / 1024).toFixed(0)} KiB waiting, not the rest`)
  const arrived = receive(far)
  far.resume()
  await new Promise<void>(resolve => { const check = (): void => { if (from.isPaused()) setTimeout(check, 5); else resolve() }; check() })
  t.pass('drained, the reader reads again')
  from.push(null)
  t.same(await arrived, { hash: sent.digest('hex'), bytes }, 'every byte arrives as written, none overwritten by a later turn')
  to.end()
  far.end()
  await spliced
})
