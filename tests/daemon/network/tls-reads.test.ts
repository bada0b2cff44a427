/**
 * A bulk channel stream's plaintext read into a buffer of our own
 * (tls-reads.ts), on the listening end whose TLS socket wraps a TCP socket
 * of the channel's own: this Node takes the fast path; bytes come whole and
 * in order, those buffered before first; pause holds the sender back; the
 * end comes after the bytes, and a cut stream errors rather than ends;
 * spliced into a TCP socket, as node B of a terminal stream does, a stream
 * carries every byte both ways; frames come whole and a bad length is
 * refused.
 */
import t, { type Test } from 'tap'
import { createHash } from 'node:crypto'
import { once } from 'node:events'
import { connect, createServer, type Socket } from 'node:net'
import type { Duplex } from 'node:stream'
import { TLSSocket } from 'node:tls'
import { frame, readFrames, splice } from '../../../daemon/network/index.ts'
import { readTlsIntoOwnBuffer } from '../../../daemon/network/tls-reads.ts'
import { channels } from '../mesh/tls-channels.ts'
import { writeUntilStalled } from './fill.ts'

const MIB = 1024 * 1024
const PROTOCOL = '/trellis/test-reads/1'

/** A stream dialled from one channel to another: `near` the dialler's end, `far` the listener's. */
async function bulkStream (t: Test): Promise<{ near: Duplex, far: TLSSocket }> {
  const { list: [a, b], close } = await channels(2)
  t.teardown(close)
  const accepted = new Promise<Duplex>(resolve => { b!.handle(PROTOCOL, resolve) })
  const near = await a!.dial(b!.nodeId, PROTOCOL)
  const far = await accepted
  if (!(far instanceof TLSSocket)) throw new Error('the listener\'s end of a bulk stream is not a TLS socket')
  t.teardown(() => { near.destroy(); far.destroy() })
  return { near, far }
}

/** `bytes` of a counting pattern in 64 KiB pieces, each its own. */
function * pieces (bytes: number): Generator<Buffer> {
  for (let sent = 0, i = 0; sent < bytes; sent += 64 * 1024, i++) {
    const chunk = Buffer.alloc(Math.min(64 * 1024, bytes - sent), i & 0xff)
    chunk.writeUInt32BE(i)
    yield chunk
  }
}

/** Writes `bytes` of pieces(), waiting on drain; the SHA-256 of them. */
async function send (stream: Duplex, bytes: number): Promise<string> {
  const hash = createHash('sha256')
  for (const chunk of pieces(bytes)) {
    hash.update(chunk)
    if (!stream.write(chunk)) await once(stream, 'drain')
  }
  return hash.digest('hex')
}

t.test('a listener\'s end reads into our buffer: what was buffered first, then every byte in order, then the end', async t => {
  const { near, far } = await bulkStream(t)
  near.write('early')
  // Bytes the socket has read and holds before the switch.
  await once(far, 'readable')
  t.ok(far.readableLength > 0, 'the socket holds bytes before the switch')
  const hash = createHash('sha256')
  let bytes = 0
  let views = 0
  const ok = readTlsIntoOwnBuffer(far, b => { hash.update(b); bytes += b.length; views++ })
  t.ok(ok, 'this Node takes the fast path')
  const ended = once(far, 'end')
  await send(near, 32 * MIB)
  near.end()
  await ended
  t.equal(bytes, 5 + 32 * MIB, 'every byte came')
  const expected = createHash('sha256').update('early')
  for (const chunk of pieces(32 * MIB)) expected.update(chunk)
  t.equal(hash.digest('hex'), expected.digest('hex'), 'in order, the buffered bytes first')
  t.ok(views >= (32 * MIB) / (64 * 1024), `read a record or so at a time (${views} reads)`)
  t.equal(far.listenerCount('data'), 0, 'no data events were needed')
})

t.test('pause holds the sender back; resume reads the rest', async t => {
  const { near, far } = await bulkStream(t)
  let bytes = 0
  t.ok(readTlsIntoOwnBuffer(far, b => { bytes += b.length }), 'fast path')
  far.pause()
  const { written, stalled } = await writeUntilStalled(near, 512 * MIB)
  t.ok(stalled, `the sender stalled after ${(written / MIB).toFixed(1)} MiB`)
  t.ok(bytes < written, `the reader took ${(bytes / MIB).toFixed(1)} MiB while paused, not all`)
  const ended = once(far, 'end')
  far.resume()
  if (near.writableNeedDrain) await once(near, 'drain')
  near.end()
  await ended
  t.equal(bytes, written, 'resumed, every byte came')
})

t.test('a socket already read through data events is left as it is', async t => {
  const { near, far } = await bulkStream(t)
  const got: Buffer[] = []
  far.on('data', (d: Buffer) => got.push(d))
  t.notOk(readTlsIntoOwnBuffer(far, () => { t.fail('no bytes come this way') }), 'declined')
  near.end('still data events')
  await once(far, 'end')
  t.equal(Buffer.concat(got).toString(), 'still data events', 'the bytes came through data events')
})

t.test('spliced into a TCP socket, as a terminal stream\'s input node does: every byte both ways, half-close carried', async t => {
  const { near, far } = await bulkStream(t)
  const farSide = Promise.withResolvers<Socket>()
  const server = createServer({ allowHalfOpen: true }, farSide.resolve)
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => { server.close() })
  const input = connect({ host: '127.0.0.1', port: (server.address() as { port: number }).port, allowHalfOpen: true })
  await once(input, 'connect')
  const app = await farSide.promise
  t.teardown(() => { input.destroy(); app.destroy() })
  const spliced = splice(far, input)
  const received = (s: Duplex): Promise<{ hash: string, bytes: number }> => new Promise(resolve => {
    const hash = createHash('sha256')
    let bytes = 0
    s.on('data', (d: Buffer) => { hash.update(d); bytes += d.length })
    s.once('end', () => { resolve({ hash: hash.digest('hex'), bytes }) })
  })
  const atApp = received(app)
  const atNear = received(near)
  const [there, back] = await Promise.all([send(near, 48 * MIB), send(app, 16 * MIB)])
  near.end()
  t.same(await atApp, { hash: there, bytes: 48 * MIB }, 'the app got the stream whole, and its end')
  app.end()
  t.same(await atNear, { hash: back, bytes: 16 * MIB }, 'and the dialler got the app\'s answer whole')
  await spliced
})

t.test('frames read from a bulk stream come whole through our buffer; a bad length destroys the stream', async t => {
  const { near, far } = await bulkStream(t)
  const sizes = [1, 100, 16 * 1024, 16 * 1024 + 1, 300_000, 5, 1024 * 1024]
  const got: Buffer[] = []
  const reading = readFrames(far, 2 * MIB, f => { got.push(f) })
  t.equal(far.listenerCount('data'), 0, 'read into our buffer, not through data events')
  for (const [i, n] of sizes.entries()) near.write(frame(Buffer.alloc(n, i + 1)))
  near.end()
  await reading
  t.same(got.map(f => f.length), sizes, 'every frame, whole and in order')
  t.ok(got.every((f, i) => f.every(b => b === i + 1)), 'each frame\'s own bytes')

  const bad = await bulkStream(t)
  const refused = readFrames(bad.far, 1024, () => { t.fail('no frame') })
  bad.near.write(Buffer.from([0x7f, 0, 0, 0, 1, 2, 3]))
  await t.rejects(refused, { code: 'ERR_FRAME_TOO_LARGE' }, 'an oversized length is refused')
  t.ok(bad.far.destroyed, 'and the stream destroyed')
})


t.test('a stream cut mid-transfer errors the reader, never a clean end', async t => {
  const { near, far } = await bulkStream(t)
  let bytes = 0
  let ended = false
  t.ok(readTlsIntoOwnBuffer(far, b => { bytes += b.length }), 'fast path')
  far.on('end', () => { ended = true })
  const failed = new Promise<Error>(resolve => far.once('error', resolve))
  near.write(Buffer.alloc(256 * 1024, 1))
  while (bytes === 0) await new Promise(resolve => setTimeout(resolve, 5))
  // A bulk stream destroyed before its end resets its TCP connection.
  near.destroy()
  t.match(await failed, { code: 'ECONNRESET' }, 'the reader sees the reset')
  t.notOk(ended, 'and never an end')
})
