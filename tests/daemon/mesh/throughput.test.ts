/**
 * Sanity, not a benchmark: a large transfer over a real mesh stream arrives
 * whole. Nothing here is timed; tests/bench measures speed.
 */
import t from 'tap'
import { createHash, randomBytes } from 'node:crypto'
import { once } from 'node:events'
import { Libp2pTransport } from '../../../daemon/mesh/index.ts'
import { DIAL_TIMEOUT, logger, startGrid } from './helpers.ts'

const TOTAL = 64 * 1024 * 1024 // bytes
const CHUNK = 256 * 1024 // bytes
const SINK = '/trellis-test/sink/1'

t.test('64 MiB through one stream arrive intact', async t => {
  const [hostA, hostB] = await startGrid(t, 2)
  const a = new Libp2pTransport({ host: hostA, logger }, { dialTimeoutMs: DIAL_TIMEOUT })
  const b = new Libp2pTransport({ host: hostB, logger }, { dialTimeoutMs: DIAL_TIMEOUT })
  t.teardown(async () => { await Promise.all([a.close(), b.close()]) })

  // The sink hashes what it reads and answers with the digest and the count.
  b.handle(SINK, stream => {
    const hash = createHash('sha256')
    let count = 0
    stream.on('data', (chunk: Buffer) => { hash.update(chunk); count += chunk.length })
    stream.on('end', () => { stream.end(`${hash.digest('hex')} ${count}`) })
    stream.on('error', () => {})
  })
  const stream = await a.dial(b.nodeId, SINK)
  const reply: Buffer[] = []
  stream.on('data', (chunk: Buffer) => reply.push(chunk))
  const ended = once(stream, 'end')

  const sent = createHash('sha256')
  // One random block, varied per chunk, so the hash sees distinct data at every offset.
  const block = randomBytes(CHUNK)
  for (let offset = 0; offset < TOTAL; offset += CHUNK) {
    const chunk = Buffer.from(block)
    chunk.writeUInt32BE(offset / CHUNK, 0)
    sent.update(chunk)
    if (!stream.write(chunk)) await once(stream, 'drain')
  }
  stream.end()
  await ended
  t.equal(Buffer.concat(reply).toString(), `${sent.digest('hex')} ${TOTAL}`, 'same digest, same length')
})
