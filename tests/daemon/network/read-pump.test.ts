/**
 * The read pump: a socket made with one, or an accepted one adopted, is read
 * into a buffer of its own that grows while reads fill it and shrinks back
 * when they are short; what it reads before it is attached is kept; and on
 * this Node an accepted socket is adopted rather than left to `data` events.
 */
import t, { type Test } from 'tap'
import { once } from 'node:events'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { PassThrough } from 'node:stream'
import { MAX_RELAY_BUFFER_BYTES, MIN_RELAY_BUFFER_BYTES } from '../../../daemon/network/buffer-size.ts'
import { adoptAccepted, pumpedSocket, pumpOf } from '../../../daemon/network/read-pump.ts'

async function listening (t: Test, onConnection: (s: Socket) => void, options = {}): Promise<{ server: Server, port: number }> {
  const server = createServer(options, onConnection)
  t.teardown(() => { server.close() })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as { port: number }).port }
}

/** Resolves once `sink` has taken `bytes` in all. */
function collected (sink: PassThrough, bytes: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let got = 0
  return new Promise(resolve => {
    sink.on('data', (d: Buffer) => {
      chunks.push(d)
      got += d.length
      if (got >= bytes) resolve(Buffer.concat(chunks))
    })
  })
}

t.test('reads before attach are kept and come first; the buffer grows to the largest under bulk and shrinks back', async t => {
  const sent: Socket[] = []
  const { port } = await listening(t, s => {
    sent.push(s)
    s.write('hello ')
  })
  const socket = pumpedSocket()
  t.teardown(() => { socket.destroy(); for (const s of sent) s.destroy() })
  socket.connect({ port, host: '127.0.0.1' })
  await once(socket, 'connect')
  // Let the greeting arrive and be read before there is anywhere to write it.
  while (sent.length === 0 || sent[0]!.bytesWritten < 6) await new Promise(resolve => setImmediate(resolve))
  await new Promise(resolve => setTimeout(resolve, 50))
  const pump = pumpOf(socket)!
  t.equal(pump.bufferBytes, MIN_RELAY_BUFFER_BYTES, 'starts at the smallest buffer')
  const sink = new PassThrough()
  const bulk = Buffer.alloc(8 * 1024 * 1024, 5)
  const whole = collected(sink, 6 + bulk.length)
  pump.attach(socket, sink)
  sent[0]!.write(bulk)
  let largest = 0
  sink.on('data', (d: Buffer) => { largest = Math.max(largest, d.length) })
  const got = await whole
  t.equal(got.subarray(0, 6).toString(), 'hello ', 'the early read comes first')
  t.ok(got.subarray(6).equals(bulk), 'then the bulk, whole and in order')
  // Each chunk the sink gets is one read, written on as it came.
  t.ok(largest > 64 * 1024 && largest <= MAX_RELAY_BUFFER_BYTES, `reads that filled the buffer grew it: reads of up to ${largest} bytes, where data events give 64 KiB at most`)
  const more = collected(sink, 3)
  sent[0]!.write('end')
  await more
  t.equal(pump.bufferBytes, MIN_RELAY_BUFFER_BYTES, 'a short read takes it back to the smallest')
})

t.test('an accepted socket is adopted: read through a pump, and the server counts it closed', async t => {
  let adopted: Socket | undefined
  const { server, port } = await listening(t, s => { adopted = adoptAccepted(s) }, { pauseOnConnect: true, allowHalfOpen: true })
  const client = connect({ port, host: '127.0.0.1' })
  t.teardown(() => { client.destroy(); adopted?.destroy() })
  await once(client, 'connect')
  while (adopted === undefined) await new Promise(resolve => setImmediate(resolve))
  t.ok(pumpOf(adopted) !== undefined, 'this Node takes the fast path')
  t.equal(adopted.allowHalfOpen, true, 'the server\'s allowHalfOpen is kept')
  const sink = new PassThrough()
  const got = collected(sink, 5)
  pumpOf(adopted)!.attach(adopted, sink)
  client.write('abcde')
  t.equal((await got).toString(), 'abcde', 'bytes come through the pump')
  adopted.write('back')
  const [back] = await once(client, 'data') as [Buffer]
  t.equal(back.toString(), 'back', 'and the adopted socket writes as the accepted one would')
  const closed = new Promise<void>(resolve => server.close(() => { resolve() }))
  await closed
  t.pass('the server closes without waiting on the adopted connection, which forwarders close themselves')
  t.notOk(adopted.destroyed, 'the adopted connection is still open')
})

t.test('a socket that is not paused and unread is left as it is', async t => {
  let kept: Socket | undefined
  let original: Socket | undefined
  const { port } = await listening(t, s => { original = s; kept = adoptAccepted(s) })
  const client = connect({ port, host: '127.0.0.1' })
  t.teardown(() => { client.destroy(); original?.destroy() })
  await once(client, 'connect')
  while (kept === undefined) await new Promise(resolve => setImmediate(resolve))
  t.equal(kept, original, 'the same socket')
  t.equal(pumpOf(kept), undefined, 'no pump')
})
