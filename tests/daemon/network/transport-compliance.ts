/**
 * The contract every Transport keeps (loopback now, libp2p next), run against
 * each implementation by its own test file, as js-libp2p's interface
 * compliance tests are.
 */
import t from 'tap'
import type { Test } from 'tap'
import type { Duplex } from 'node:stream'
import { once } from 'node:events'
import { finished } from 'node:stream/promises'
import { createHash, randomBytes } from 'node:crypto'
import type { Transport } from '../../../daemon/network/index.ts'

/** Two connected transports made fresh for one test. */
export interface TransportPair {
  a: Transport
  b: Transport
  /** A node id that no transport holds; defaults to `no-such-node`. */
  absent?: string
  /** Closes both transports and frees what setup made. Safe after the test closed them itself. */
  cleanup (): Promise<void>
}

const ECHO = '/trellis-test/echo/1'
const SINK = '/trellis-test/sink/1'
const REPLY = '/trellis-test/reply/1'

const LARGE = 32 * 1024 * 1024 // bytes
const CHUNK = 64 * 1024 // bytes
/** More than any sane transport buffers for one stream whose reader has stopped. */
const BUFFER_BOUND = 16 * 1024 * 1024 // bytes
/** How long a writer waits for 'drain' before it counts as held back. */
const DRAIN_WAIT = 25 // ms
const STREAMS = 64

/** Runs the Transport compliance suite against transports made by setup. */
export function transportCompliance (name: string, setup: () => Promise<TransportPair>): void {
  t.test(`${name} keeps the Transport contract`, async t => {
    async function pair (t: Test): Promise<TransportPair> {
      const made = await setup()
      t.teardown(() => made.cleanup())
      return made
    }

    t.test('a round trip carries bytes and names the caller', async t => {
      const { a, b } = await pair(t)
      const callers: string[] = []
      b.handle(ECHO, (stream, from) => { callers.push(from); echo(stream) })
      a.handle(ECHO, (stream, from) => { callers.push(from); echo(stream) })

      const ab = await a.dial(b.nodeId, ECHO)
      ab.end('hello')
      t.equal((await readAll(ab)).toString(), 'hello')
      const ba = await b.dial(a.nodeId, ECHO)
      ba.end('olleh')
      t.equal((await readAll(ba)).toString(), 'olleh')
      t.same(callers, [a.nodeId, b.nodeId])
    })

    t.test('a large transfer arrives whole and in order, honouring back-pressure', async t => {
      const { a, b } = await pair(t)
      b.handle(ECHO, echo)
      const stream = await a.dial(b.nodeId, ECHO)

      const got = createHash('sha256')
      let received = 0
      const reading = (async () => {
        for await (const chunk of stream as AsyncIterable<Buffer>) { got.update(chunk); received += chunk.length }
      })()
      const sent = createHash('sha256')
      let heldBack = 0
      for (let offset = 0; offset < LARGE; offset += CHUNK) {
        const chunk = randomBytes(CHUNK)
        sent.update(chunk)
        if (!stream.write(chunk)) { heldBack++; await once(stream, 'drain') }
      }
      stream.end()
      await reading

      t.equal(received, LARGE)
      t.equal(got.digest('hex'), sent.digest('hex'), 'same bytes, same order')
      t.ok(heldBack > 0, 'the writer was told to wait at least once')
    })

    t.test('a writer is held back while its reader does not read', async t => {
      const { a, b } = await pair(t)
      const accepted = new Promise<Duplex>(resolve => b.handle(SINK, stream => { stream.on('error', noop); resolve(stream) }))
      const stream = await a.dial(b.nodeId, SINK)
      const remote = await accepted

      const chunk = Buffer.alloc(16 * 1024, 7)
      let written = 0
      let held = false
      while (written < BUFFER_BOUND) {
        const more = stream.write(chunk)
        written += chunk.length
        if (!more && !(await drained(stream, DRAIN_WAIT))) { held = true; break }
      }
      t.ok(held, `write() returned false and no 'drain' came (after ${written} bytes)`)
      t.ok(written < BUFFER_BOUND, 'buffering is bounded')

      let received = 0
      remote.on('data', (data: Buffer) => { received += data.length })
      stream.end()
      await once(remote, 'end')
      t.equal(received, written, 'everything written arrives once the reader reads')
    })

    t.test('many streams run at once without mixing', async t => {
      const { a, b } = await pair(t)
      b.handle(ECHO, echo)
      const payloads = Array.from({ length: STREAMS }, () => randomBytes(CHUNK))
      const echoed = await Promise.all(payloads.map(async payload => {
        const stream = await a.dial(b.nodeId, ECHO)
        stream.end(payload)
        return await readAll(stream)
      }))
      t.ok(echoed.every((data, i) => data.equals(payloads[i])), `${STREAMS} streams echoed their own bytes`)
    })

    t.test('the dialer ends first and still reads the reply', async t => {
      const { a, b } = await pair(t)
      b.handle(REPLY, stream => {
        stream.on('error', noop)
        readAll(stream).then(request => stream.end(`got ${request.toString()}`), noop)
      })
      const stream = await a.dial(b.nodeId, REPLY)
      stream.end('ping')
      t.equal((await readAll(stream)).toString(), 'got ping')
      await finished(stream)
      t.pass('both sides closed cleanly')
    })

    t.test('the listener ends first and still reads the request', async t => {
      const { a, b } = await pair(t)
      const request = new Promise<Buffer>((resolve, reject) => b.handle(REPLY, stream => {
        stream.on('error', noop)
        stream.end('greeting')
        readAll(stream).then(resolve, reject)
      }))
      const stream = await a.dial(b.nodeId, REPLY)
      t.equal((await readAll(stream)).toString(), 'greeting', "the dialer saw the listener's end")
      stream.end('written after the end')
      t.equal((await request).toString(), 'written after the end')
      await finished(stream)
      t.pass('both sides closed cleanly')
    })

    t.test('destroying one end mid-stream errors or closes the other', async t => {
      for (const side of ['dialer', 'listener'] as const) {
        const { a, b } = await pair(t)
        const accepted = new Promise<Duplex>(resolve => b.handle(SINK, stream => { stream.on('error', noop); resolve(stream) }))
        const stream = await a.dial(b.nodeId, SINK)
        stream.on('error', noop)
        const remote = await accepted
        stream.write('some bytes')
        const [victim, peer] = side === 'dialer' ? [stream, remote] : [remote, stream]
        const outcome = finished(peer).then(() => undefined, (err: unknown) => err)
        victim.destroy()
        t.ok(await outcome !== undefined, `the ${side}'s peer did not see a clean end`)
        t.ok(peer.destroyed, `the ${side}'s peer is destroyed`)
      }
    })

    t.test('dials fail with stable codes', async t => {
      const { a, b, absent } = await pair(t)
      await t.rejects(a.dial(absent ?? 'no-such-node', ECHO), { code: 'ERR_UNREACHABLE' }, 'unknown node')
      await t.rejects(a.dial(b.nodeId, '/trellis-test/nothing/1'), { code: 'ERR_NO_HANDLER' }, 'no handler')

      b.handle(ECHO, echo)
      const before = new AbortController()
      const early = new Error('aborted before the dial')
      before.abort(early)
      t.equal(await a.dial(b.nodeId, ECHO, { signal: before.signal }).catch(err => err), early, 'an aborted signal rejects with its reason')

      const during = new AbortController()
      const late = new Error('aborted during the dial')
      const dialling = a.dial(b.nodeId, ECHO, { signal: during.signal })
      during.abort(late)
      t.equal(await dialling.catch(err => err), late, 'an abort during the dial rejects with its reason')
    })

    t.test('a second handler replaces the first; unhandle stops new streams', async t => {
      const { a, b } = await pair(t)
      b.handle(REPLY, stream => { stream.on('error', noop); stream.resume(); stream.end('first') })
      b.handle(REPLY, stream => { stream.on('error', noop); stream.resume(); stream.end('second') })
      b.handle(ECHO, echo)
      t.equal(await ask(a, b.nodeId, REPLY, ''), 'second')
      t.equal(await ask(a, b.nodeId, ECHO, 'other protocol'), 'other protocol')

      b.unhandle(REPLY)
      await t.rejects(a.dial(b.nodeId, REPLY), { code: 'ERR_NO_HANDLER' })
      t.equal(await ask(a, b.nodeId, ECHO, 'still here'), 'still here', 'other protocols keep their handler')
      b.unhandle('/trellis-test/never-handled/1')
      t.pass('unhandling an unknown protocol is a no-op')
    })

    t.test('close() is idempotent, ends open streams and refuses later dials', async t => {
      const { a, b } = await pair(t)
      const accepted = new Promise<Duplex>(resolve => b.handle(SINK, stream => { stream.on('error', noop); resolve(stream) }))
      a.handle(ECHO, echo)
      const stream = await a.dial(b.nodeId, SINK)
      stream.on('error', noop)
      const remote = await accepted
      const remoteClosed = new Promise(resolve => remote.once('close', resolve))

      const first = a.close()
      t.equal(a.close(), first, 'the same promise every time')
      await first
      await a.close()
      await remoteClosed
      t.ok(stream.destroyed, 'open streams are destroyed')
      t.ok(remote.destroyed, "and so are the peers' ends")
      await t.rejects(a.dial(b.nodeId, SINK), { code: 'ERR_TRANSPORT_CLOSED' })
      await t.rejects(b.dial(a.nodeId, ECHO), { code: 'ERR_UNREACHABLE' })
    })

    t.end()
  })
}

/** Sends `request`, ends, and returns the whole reply as text. */
async function ask (from: Transport, to: string, protocol: string, request: string): Promise<string> {
  const stream = await from.dial(to, protocol)
  stream.end(request)
  return (await readAll(stream)).toString()
}

/** A handler that writes back what it reads and ends when the caller ends. */
function echo (stream: Duplex): void {
  stream.on('error', noop)
  stream.pipe(stream)
}

async function readAll (stream: Duplex): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk)
  return Buffer.concat(chunks)
}

/** True if 'drain' comes within ms, false if not. */
function drained (stream: Duplex, ms: number): Promise<boolean> {
  return new Promise(resolve => {
    const onDrain = (): void => { clearTimeout(timer); resolve(true) }
    const timer = setTimeout(() => { stream.off('drain', onDrain); resolve(false) }, ms)
    stream.once('drain', onDrain)
  })
}

function noop (): void {}
