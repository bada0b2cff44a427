import t from 'tap'
import { once } from 'node:events'
import { createServer, connect, type Socket } from 'node:net'
import { Writable } from 'node:stream'
import { setImmediate as turn } from 'node:timers/promises'
import { FrameDecoder, TurnWriter, frame } from '../../../daemon/network/index.ts'

/** A Writable that records each call it gets: one entry per write or writev, with the chunks it carried. */
function recorder (): { stream: Writable, calls: Buffer[][] } {
  const calls: Buffer[][] = []
  const stream = new Writable({
    write (chunk: Buffer, _encoding, callback) { calls.push([chunk]); callback() },
    writev (chunks, callback) { calls.push(chunks.map(c => c.chunk as Buffer)); callback() }
  })
  return { stream, calls }
}

t.test('what is written in one turn leaves in one writev, in order; the next turn is a write of its own', async t => {
  const { stream, calls } = recorder()
  const w = new TurnWriter(stream)
  const done: number[] = []
  for (let i = 0; i < 5; i++) w.write([Buffer.from([i]), Buffer.from([10 + i])], () => { done.push(i) })
  t.same(calls, [], 'nothing is written before the turn ends')
  await turn()
  t.equal(calls.length, 1, 'one call for the whole turn')
  t.same(Buffer.concat(calls[0]!), Buffer.from([0, 10, 1, 11, 2, 12, 3, 13, 4, 14]), 'every chunk, in call order')
  await turn()
  t.same(done, [0, 1, 2, 3, 4], 'each done ran once its last chunk was taken')

  w.write([Buffer.from('x')])
  await turn()
  t.equal(calls.length, 2, 'a later turn is a call of its own')
  t.equal(stream.writableCorked, 0, 'the stream is left uncorked')
})

t.test('a lone write leaves at once as one writev; one while the turn is corked joins its batch, in order', async t => {
  const { stream, calls } = recorder()
  const w = new TurnWriter(stream)
  let done = false
  w.write([Buffer.from('a'), Buffer.from('b')], () => { done = true }, true)
  t.same(calls.map(c => Buffer.concat(c).toString()), ['ab'], 'written before the turn ends, its chunks in one call')
  t.equal(stream.writableCorked, 0, 'and the stream is not left corked')
  w.write([Buffer.from('c')])
  w.write([Buffer.from('d')], undefined, true)
  t.equal(calls.length, 1, 'a lone write after a batched one in the same turn waits with it')
  await turn()
  t.same(calls.map(c => Buffer.concat(c).toString()), ['ab', 'cd'], 'the batch leaves at the turn\'s end, in call order')
  t.ok(done, 'the lone write\'s done ran')
  t.equal(stream.writableCorked, 0, 'nothing is left corked')
})

t.test('empty chunks are skipped; a write to a destroyed or ended stream is dropped and its done runs at once', async t => {
  const { stream, calls } = recorder()
  const w = new TurnWriter(stream)
  let empty = false
  w.write([Buffer.alloc(0)], () => { empty = true })
  t.ok(empty, 'nothing to write: done at once')
  t.equal(stream.writableCorked, 0, 'and the stream was not corked for it')
  w.write([Buffer.from('a'), Buffer.alloc(0), Buffer.from('b')])
  await turn()
  t.same(calls.map(c => Buffer.concat(c).toString()), ['ab'])

  stream.end()
  let afterEnd = false
  w.write([Buffer.from('late')], () => { afterEnd = true })
  t.ok(afterEnd, 'an ended stream takes nothing')

  const gone = recorder()
  const w2 = new TurnWriter(gone.stream)
  gone.stream.destroy()
  let dropped = false
  w2.write([Buffer.from('x')], () => { dropped = true })
  t.ok(dropped)
  t.same(gone.calls, [])
})

t.test('a stream ended while corked for the turn still sends what was queued', async t => {
  const { stream, calls } = recorder()
  const w = new TurnWriter(stream)
  w.write([Buffer.from('before end')])
  stream.end()
  await once(stream, 'finish')
  await turn()
  t.same(calls.map(c => Buffer.concat(c).toString()), ['before end'])
})

t.test('over a real TCP socket, many frames written in one turn arrive whole and in order', async t => {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const address = server.address()
  if (address === null || typeof address === 'string') throw new Error('no port')
  const accepted = once(server, 'connection') as Promise<[Socket]>
  const client = connect(address.port, '127.0.0.1')
  const [peer] = await accepted
  t.teardown(() => { client.destroy(); peer.destroy(); server.close() })
  await once(client, 'connect')

  const decoder = new FrameDecoder(1 << 20)
  const got: Buffer[] = []
  peer.on('data', (chunk: Buffer) => { got.push(...decoder.push(chunk)) })
  const sent = Array.from({ length: 200 }, (_, i) => Buffer.alloc(1 + (i * 37) % 9000, i))
  const w = new TurnWriter(client)
  for (const s of sent) w.write([frame(s)])
  while (got.length < sent.length) await once(peer, 'data')
  t.same(got.map(g => g.toString('hex')), sent.map(s => s.toString('hex')), 'every frame, byte for byte, in order')
})
