/**
 * The splice a forwarder runs between two sockets: bytes whole and in order
 * both ways, a slow reader holding the writer back without the splice
 * buffering, half-close carried, and a failed side resetting the other.
 * Each case runs twice: with sockets read through `data` events (piped),
 * and with both read through pumps, the accepted one adopted, as a
 * forwarder and a terminal network make them.
 */
import t, { type Test } from 'tap'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { connect, createServer, Socket, type Server } from 'node:net'
import { splice } from '../../../daemon/network/index.ts'
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
  const how = pumped ? 'pumped' : 'data events'
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
    let written = 0
    let stalled = false
    const chunk = Buffer.alloc(64 * 1024, 7)
    // Write until the path is full: no drain for 500 ms.
    while (!stalled && written < 512 * MIB) {
      written += chunk.length
      if (!client.write(chunk)) {
        stalled = await Promise.race([once(client, 'drain').then(() => false), new Promise<boolean>(resolve => setTimeout(() => { resolve(true) }, 500))])
      }
    }
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

t.test('pumped: a side that ended before the splice began ends the other at once', async t => {
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
  const pumped = pumpedSocket({ allowHalfOpen: true })
  pumped.connect({ port: quiet, host: '127.0.0.1' })
  await once(pumped, 'end')
  const other = connect({ port: await farPort.promise, host: '127.0.0.1', allowHalfOpen: true })
  const far = await farSide
  t.teardown(() => { pumped.destroy(); other.destroy(); far.destroy() })
  t.ok(pumped.readableEnded, 'the pumped side has ended before the splice')
  const spliced = splice(pumped, other)
  far.resume()
  await once(far, 'end')
  t.pass('the far side reads the end')
  far.end()
  await spliced
  t.pass('the splice settles once the far side ends too')
})
