import t from 'tap'
import { RealClock } from '../../../controller/clock/index.ts'
import type { Message } from '../../../controller/raft/index.ts'
import { LoopbackNetwork, LoopbackTransport } from '../../../daemon/network/index.ts'
import { MAX_MESSAGE_BYTES, PeerLinks, RAFT_PROTOCOL, decodeMessage, readFrames } from '../../../daemon/consensus/index.ts'
import { logger, waitFor } from './helpers.ts'

const heartbeat = (i: number): Message => ({ type: 'heartbeat', from: 'a', to: 'b', term: 1, commit: i, context: new Uint8Array(0) })

t.test('the messages of one task to a peer go out as one write, in order', async t => {
  const network = new LoopbackNetwork()
  const a = new LoopbackTransport({ network }, { nodeId: 'a' })
  const b = new LoopbackTransport({ network }, { nodeId: 'b' })
  const links = new PeerLinks({ transport: a, clock: new RealClock(), logger }, { onMessage: () => {} })
  t.teardown(async () => { links.stop(); await a.close(); await b.close() })
  const got: number[] = []
  let chunks = 0
  b.handle(RAFT_PROTOCOL, stream => {
    stream.on('data', () => { chunks++ })
    void readFrames(stream, MAX_MESSAGE_BYTES, payload => {
      const m = decodeMessage(payload)
      if (m.type === 'heartbeat') got.push(m.commit)
    }).catch(() => {})
  })
  links.start()
  // The first message dials; wait for the stream before the burst.
  t.ok(links.send(heartbeat(0)))
  await waitFor(() => got.length === 1, 5000, 'the first message')
  chunks = 0
  for (let i = 1; i <= 50; i++) t.equal(links.send(heartbeat(i)), true)
  await waitFor(() => got.length === 51, 5000, 'the burst')
  t.ok(chunks <= 2, `50 messages of one task arrived in ${chunks} chunk(s)`)
  for (let i = 51; i <= 60; i++) { links.send(heartbeat(i)); await new Promise(resolve => setImmediate(resolve)) }
  await waitFor(() => got.length === 61, 5000, 'the trickle')
  t.same(got, Array.from({ length: 61 }, (_, i) => i), 'every message, in the order sent')
  t.equal(links.stats().sent, 61)
})
