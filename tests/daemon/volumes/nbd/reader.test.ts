/**
 * The NBD server's socket reader (reader.ts) on real sockets: accepted TCP
 * and Unix sockets are read into our buffers; any mix of small and large
 * reads, the sender's writes cut anywhere, gives back exactly the bytes
 * sent, large ones read by the kernel straight into their own buffer from
 * the caller's pool; bytes the socket held before the reader came first;
 * past the high-water mark the sender is held back, and reading on frees it;
 * a peer that goes mid-read rejects the read, never hangs it; a socket
 * already read through events still reads correctly through them.
 */
import t, { type Test } from 'tap'
import { once } from 'node:events'
import { mkdtemp, rm } from 'node:fs/promises'
import { connect, createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SeededRandom } from '../../../../controller/random/index.ts'
import { ConnectionClosedError } from '../../../../daemon/volumes/nbd/errors.ts'
import { DIRECT_MIN, SocketReader } from '../../../../daemon/volumes/nbd/reader.ts'
import { writeUntilStalled } from '../../network/fill.ts'

const KIB = 1024
const MIB = 1024 * KIB

/** A connected pair: `client` the dialler's end, `served` the end a server accepted. */
async function pair (t: Test, where: 'tcp' | 'unix'): Promise<{ client: Socket, served: Socket }> {
  const server: Server = createServer()
  let path: string | undefined
  if (where === 'unix') {
    const dir = await mkdtemp(join(tmpdir(), 'nbd-reader-'))
    t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
    path = join(dir, 'sock')
    server.listen(path)
  } else {
    server.listen(0, '127.0.0.1')
  }
  await once(server, 'listening')
  const accepted = once(server, 'connection') as Promise<[Socket]>
  const address = server.address()
  const client = path !== undefined ? connect(path) : connect((address as { port: number }).port, '127.0.0.1')
  client.on('error', () => {})
  const [served] = await accepted
  served.on('error', () => {})
  t.teardown(async () => {
    client.destroy()
    served.destroy()
    await new Promise(resolve => server.close(resolve))
  })
  return { client, served }
}

/** Bytes of a pattern that tells any offset from another (a position's low bits, mixed with a seed). */
function pattern (length: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(Math.ceil(length / 4) * 4)
  for (let i = 0; i < out.length; i += 4) out.writeUInt32LE(((i + seed * 2654435761) >>> 0), i)
  return out.subarray(0, length)
}

/** Writes `data` in pieces of seeded sizes, some with a pause between them, waiting on drain. */
async function sendCut (socket: Socket, data: Buffer, random: SeededRandom): Promise<void> {
  for (let at = 0; at < data.length;) {
    const n = Math.min(data.length - at, random.chance(0.5) ? random.between(1, 200) : random.between(1, 3 * MIB))
    const ok = socket.write(data.subarray(at, at + n))
    at += n
    if (!ok) await once(socket, 'drain')
    else if (random.chance(0.1)) await new Promise(resolve => setImmediate(resolve))
  }
}

for (const where of ['tcp', 'unix'] as const) {
  t.test(`${where}: any mix of reads, the sender's writes cut anywhere, gives back exactly what was sent (seeded)`, async t => {
    for (const seed of [1, 2, 3]) {
      const random = new SeededRandom(seed)
      const { client, served } = await pair(t, where)
      const taken: Buffer[] = []
      const reader = new SocketReader(served, 32 * MIB + 28, n => { const b = Buffer.allocUnsafe(n); taken.push(b); return b })
      // What an NBD client sends: headers, small payloads and large ones, in a seeded order.
      const sizes: number[] = []
      for (let i = 0; i < 80; i++) sizes.push(random.chance(0.3) ? random.between(DIRECT_MIN, 2 * MIB) : random.chance(0.5) ? 28 : random.between(1, 8) * 4 * KIB)
      const total = sizes.reduce((a, b) => a + b, 0)
      const data = pattern(total, seed)
      const sending = sendCut(client, data, random.fork())
      let at = 0
      let large = 0
      for (const n of sizes) {
        // readNow when it is there, as the server reads a header; else read.
        const got = reader.readNow(n) ?? await reader.read(n)
        if (!got.equals(data.subarray(at, at + n))) { t.fail(`seed ${seed}: read ${n} bytes at ${at} differs from what was sent`); return }
        if (n >= DIRECT_MIN && taken.includes(got)) large++
        at += n
      }
      await sending
      t.equal(at, total, `seed ${seed}: ${sizes.length} reads, ${(total / MIB).toFixed(1)} MiB, every byte in order`)
      t.ok(reader.directBytes > 0, `seed ${seed}: ${(reader.directBytes / MIB).toFixed(1)} MiB read by the kernel straight into their buffers`)
      t.ok(large > 0, `seed ${seed}: ${large} large reads came in a buffer from take`)
      t.equal(served.listenerCount('data'), 0, `seed ${seed}: no data events`)
    }
  })
}

t.test('a large read that is mostly still to come is read straight into the buffer take gave', async t => {
  const { client, served } = await pair(t, 'tcp')
  let given: Buffer | undefined
  const reader = new SocketReader(served, 32 * MIB + 28, n => { given = Buffer.allocUnsafe(n); return given })
  const reading = reader.read(8 * MIB)
  const data = pattern(8 * MIB, 9)
  client.write(data)
  const got = await reading
  t.equal(got, given, 'the very buffer from take')
  t.ok(got.equals(data), 'holding every byte')
  t.ok(reader.directBytes >= 7 * MIB, `all but the first read's bytes went straight in (${(reader.directBytes / MIB).toFixed(2)} MiB)`)
})

t.test('a large read begun over bytes that came in several reads has them first, in order, then the rest', async t => {
  const { client, served } = await pair(t, 'tcp')
  const reader = new SocketReader(served, 32 * MIB + 28)
  const data = pattern(2 * MIB, 7)
  // Three pieces, each read by the socket before the next is sent: three chunks wait when the large read begins.
  let sent = 0
  for (const n of [28, 1000, 3000]) {
    client.write(data.subarray(sent, sent + n))
    sent += n
    while (served.bytesRead < sent) await new Promise(resolve => setTimeout(resolve, 5))
  }
  t.ok((await reader.read(28)).equals(data.subarray(0, 28)), 'the header')
  const reading = reader.read(2 * MIB - 28)
  client.write(data.subarray(sent))
  t.ok((await reading).equals(data.subarray(28)), 'the payload: the two waiting chunks first, then the rest')
  t.ok(reader.directBytes > 0, 'the rest read straight in')
})

t.test('bytes the socket held before the reader came first', async t => {
  const { client, served } = await pair(t, 'tcp')
  client.write('early bytes')
  await once(served, 'readable')
  t.ok(served.readableLength > 0, 'the socket holds bytes before the reader')
  const reader = new SocketReader(served, MIB)
  client.write(pattern(256 * KIB, 4))
  t.equal((await reader.read(11)).toString(), 'early bytes')
  t.ok((await reader.read(256 * KIB)).equals(pattern(256 * KIB, 4)), 'then what came after')
})

t.test('past the high-water mark the sender is held back; reading on frees it', async t => {
  const { client, served } = await pair(t, 'tcp')
  const highWater = 256 * KIB
  const reader = new SocketReader(served, highWater)
  const { written, stalled } = await writeUntilStalled(client, 256 * MIB)
  t.ok(stalled, `the sender stalled after ${(written / MIB).toFixed(1)} MiB, with nothing read`)
  client.end()
  // All of it is still there to read, in order, once reading goes on.
  let read = 0
  for (; read < written; read += 64 * KIB) {
    const piece = reader.readNow(64 * KIB) ?? await reader.read(64 * KIB)
    if (!piece.equals(Buffer.alloc(64 * KIB, 7))) { t.fail(`bytes at ${read} differ`); return }
  }
  t.equal(read, written, 'every byte written came, in order')
  await t.rejects(reader.read(1), ConnectionClosedError, 'and then the end')
})

t.test('a peer that goes mid-read rejects the read, small or large', async t => {
  for (const n of [100, 4 * MIB]) {
    const { client, served } = await pair(t, 'tcp')
    const reader = new SocketReader(served, 32 * MIB)
    const reading = reader.read(n)
    client.end(Buffer.alloc(Math.min(n - 1, 200 * KIB), 1))
    await t.rejects(reading, ConnectionClosedError, `a ${n}-byte read cut short`)
  }
  const { client, served } = await pair(t, 'unix')
  const reader = new SocketReader(served, 32 * MIB)
  const reading = reader.read(4 * MIB)
  client.write(Buffer.alloc(MIB))
  await new Promise(resolve => setTimeout(resolve, 20))
  client.destroy()
  await t.rejects(reading, ConnectionClosedError, 'a large read cut by a reset')
})

t.test('a socket read through data events already is read through them still', async t => {
  const { client, served } = await pair(t, 'tcp')
  served.on('data', () => {})
  const reader = new SocketReader(served, 32 * MIB)
  const data = pattern(3 * MIB, 5)
  client.write(data)
  t.ok((await reader.read(28)).equals(data.subarray(0, 28)))
  t.ok((await reader.read(3 * MIB - 28)).equals(data.subarray(28)), 'every byte, in order')
  t.equal(reader.directBytes, 0, 'none read into our buffers')
})
