/**
 * Our own client on a raw socket: negotiation corner cases and malformed
 * requests. Each must get an NBD error (or, where the stream cannot be
 * trusted, a dropped connection) and never disturb another client.
 */
import t from 'tap'
import { setTimeout as sleep } from 'node:timers/promises'
import type { BlockStore, ChangeOptions } from '../../../../daemon/volumes/block/index.ts'
import { nbdProtocol as C } from '../../../../daemon/volumes/nbd/index.ts'
import { checkRequest } from '../../../../daemon/volumes/nbd/index.ts'
import { connectNbd, goData, openSocket, option } from './client.ts'
import { MiB, serve } from './helpers.ts'

const { NBD_CMD_READ: READ, NBD_CMD_WRITE: WRITE, NBD_CMD_FLUSH: FLUSH, NBD_CMD_TRIM: TRIM, NBD_CMD_WRITE_ZEROES: ZEROES } = C

t.test('malformed requests get NBD errors and the connection keeps serving', async t => {
  const { port, store, server } = await serve(t, { size: 4 * MiB })
  const c = await connectNbd({ port }, 'vol')
  t.teardown(() => c.socket.destroy())
  t.equal(c.size, 4 * MiB)
  t.ok(c.flags & C.NBD_FLAG_SEND_FUA)
  const before = await store.checksums(0, 4 * MiB)
  const cases: Array<[string, number, number, number | bigint, number, number]> = [
    ['read past the end', READ, 0, 4 * MiB, 512, C.NBD_EINVAL],
    ['write past the end', WRITE, 0, 4 * MiB - 512, 1024, C.NBD_ENOSPC],
    ['offset + length overflowing 64 bits', WRITE, 0, 0xffffffffffffff00n, 512, C.NBD_ENOSPC],
    ['write-zeroes past the end', ZEROES, 0, 4 * MiB, 512, C.NBD_ENOSPC],
    ['trim past the end', TRIM, 0, 2 * MiB, 4 * MiB, C.NBD_EINVAL],
    ['misaligned write', WRITE, 0, 100, 512, C.NBD_EINVAL],
    ['unknown command', 42, 0, 0, 0, C.NBD_EINVAL],
    ['unknown flag', READ, 1 << 9, 0, 512, C.NBD_EINVAL],
    ['NO_HOLE on a write', WRITE, C.NBD_CMD_FLAG_NO_HOLE, 0, 512, C.NBD_EINVAL],
    ['flush with a length', FLUSH, 0, 0, 512, C.NBD_EINVAL],
    ['read above the maximum payload', READ, 0, 0, 64 * MiB, C.NBD_EINVAL]
  ]
  for (const [what, type, flags, offset, length, error] of cases) {
    const payload = type === WRITE ? Buffer.alloc(length, 0xee) : undefined
    t.equal((await c.request(type, flags, offset, length, payload)).error, error, what)
  }
  t.equal((await c.request(WRITE, 0, 0, 33 * MiB, Buffer.alloc(33 * MiB, 0xee))).error, C.NBD_EINVAL, 'oversized write: payload skipped, error returned')
  const ok = await c.request(WRITE, C.NBD_CMD_FLAG_FUA, 0, 4096, Buffer.alloc(4096, 7))
  t.equal(ok.error, 0, 'the same connection still serves')
  t.same((await c.request(READ, 0, 0, 4096)).data, Buffer.alloc(4096, 7))
  const after = await store.checksums(0, 4 * MiB)
  t.same(after.crcs.subarray(1), before.crcs.subarray(1), 'no bad request changed any block')
  t.ok(server.stats().errors >= cases.length + 1)
  await c.disconnect()
})

t.test('garbage kills only its own connection; other clients keep working', async t => {
  const { port, server } = await serve(t)
  const good = await connectNbd({ port }, 'vol')
  t.teardown(() => good.socket.destroy())

  const garbage = await openSocket({ port })
  await garbage.read(18)
  garbage.socket.write(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'))
  await new Promise(resolve => garbage.socket.once('close', resolve))
  t.pass('a garbage handshake closes the connection')

  const badMagic = await connectNbd({ port }, 'vol')
  badMagic.raw(Buffer.alloc(28, 0x41))
  await badMagic.closed
  t.pass('a request with bad magic closes the connection')

  t.equal((await good.request(WRITE, 0, 0, 512, Buffer.alloc(512, 3))).error, 0)
  t.same((await good.request(READ, 0, 0, 512)).data, Buffer.alloc(512, 3), 'the other client was not disturbed')
  t.match(server.stats(), { connectionsRejected: 2 })
  await good.disconnect()
})

t.test('negotiation: LIST, INFO, unknown options, unknown export, ABORT, EXPORT_NAME', async t => {
  const { port } = await serve(t)
  const { socket, read } = await openSocket({ port })
  t.teardown(() => socket.destroy())
  const hello = await read(18)
  t.equal(hello.readBigUInt64BE(8), C.IHAVEOPT)
  t.equal(hello.readUInt16BE(16), C.NBD_FLAG_FIXED_NEWSTYLE | C.NBD_FLAG_NO_ZEROES)
  socket.write(Buffer.from([0, 0, 0, 1]))
  const list = await option(socket, read, C.NBD_OPT_LIST, Buffer.alloc(0))
  t.same(list.map(r => r.type), [C.NBD_REP_SERVER, C.NBD_REP_ACK])
  t.equal(list[0]!.data.subarray(4).toString(), 'vol')
  t.same((await option(socket, read, C.NBD_OPT_LIST, Buffer.alloc(3))).map(r => r.type), [C.NBD_REP_ERR_INVALID])
  t.same((await option(socket, read, 8, Buffer.alloc(0))).map(r => r.type), [C.NBD_REP_ERR_UNSUP], 'structured replies: not supported')
  t.same((await option(socket, read, 999, Buffer.alloc(10))).map(r => r.type), [C.NBD_REP_ERR_UNSUP], 'an unknown option is skipped')
  t.same((await option(socket, read, C.NBD_OPT_GO, goData('nope'))).map(r => r.type), [C.NBD_REP_ERR_UNKNOWN])
  t.same((await option(socket, read, C.NBD_OPT_INFO, Buffer.from([0, 0, 0, 9, 1]))).map(r => r.type), [C.NBD_REP_ERR_INVALID], 'truncated INFO')
  const info = await option(socket, read, C.NBD_OPT_INFO, goData('vol', [C.NBD_INFO_BLOCK_SIZE, C.NBD_INFO_NAME]))
  t.equal(info.at(-1)!.type, C.NBD_REP_ACK)
  const bs = info.find(r => r.data.readUInt16BE(0) === C.NBD_INFO_BLOCK_SIZE)!.data
  t.same([bs.readUInt32BE(2), bs.readUInt32BE(6), bs.readUInt32BE(10)], [512, 4096, 32 * MiB], 'the store\'s checksum block is the preferred size')
  t.ok(info.some(r => r.data.readUInt16BE(0) === C.NBD_INFO_NAME && r.data.subarray(2).toString() === 'vol'))
  t.same((await option(socket, read, C.NBD_OPT_ABORT, Buffer.alloc(0))).map(r => r.type), [C.NBD_REP_ACK])
  await new Promise(resolve => socket.once('close', resolve))

  const old = await openSocket({ port })
  t.teardown(() => old.socket.destroy())
  await old.read(18)
  old.socket.write(Buffer.from([0, 0, 0, 1]))
  const h = Buffer.alloc(16)
  h.writeBigUInt64BE(C.IHAVEOPT, 0)
  h.writeUInt32BE(C.NBD_OPT_EXPORT_NAME, 8)
  h.writeUInt32BE(3, 12)
  old.socket.write(Buffer.concat([h, Buffer.from('vol')]))
  const reply = await old.read(134)
  t.equal(Number(reply.readBigUInt64BE(0)), 64 * MiB, 'EXPORT_NAME answers size, flags and 124 zeroes')
})

t.test('many requests in flight on one connection, with a bound on bytes held', async t => {
  // Counts the writes the store holds at once; each is held a little, so the requests queued behind them pile up at the server's bound.
  const held = { now: 0, most: 0, bytes: 0, mostBytes: 0 }
  const wrap = (s: BlockStore): BlockStore => new Proxy(s, {
    get (target, key) {
      if (key === 'write') {
        return async (offset: number, data: Uint8Array, o: ChangeOptions): Promise<void> => {
          held.now++
          held.bytes += data.byteLength
          held.most = Math.max(held.most, held.now)
          held.mostBytes = Math.max(held.mostBytes, held.bytes)
          try {
            await sleep(2)
            await target.write(offset, data, o)
          } finally {
            held.now--
            held.bytes -= data.byteLength
          }
        }
      }
      const v = Reflect.get(target, key, target) as unknown
      return typeof v === 'function' ? v.bind(target) : v
    }
  })
  const { port, store } = await serve(t, { wrap, init: { maxInFlightBytes: 256 * 1024, maxInFlightRequests: 8 } })
  const c = await connectNbd({ port }, 'vol')
  t.teardown(() => c.socket.destroy())
  const writes = Array.from({ length: 64 }, async (_, i) => await c.request(WRITE, 0, i * 65536, 65536, Buffer.alloc(65536, i)))
  t.same((await Promise.all(writes)).map(r => r.error), new Array(64).fill(0))
  t.equal(held.most, 4, 'as many 64 KiB writes at once as 256 KiB holds: pipelined, and no more')
  t.ok(held.mostBytes <= 256 * 1024, `at most 256 KiB held (${held.mostBytes})`)
  const reads = await Promise.all(Array.from({ length: 64 }, async (_, i) => await c.request(READ, 0, i * 65536, 65536)))
  t.ok(reads.every((r, i) => r.data!.equals(Buffer.alloc(65536, i))), 'each reply matched its cookie')
  t.equal(store.stats().writes, 64)
  await c.disconnect()
})

t.test('fenced writes are refused with EPERM; a read-only export with EPERM', async t => {
  let generation = 2
  const { port, store } = await serve(t, { exp: { generation: () => generation } })
  const c = await connectNbd({ port }, 'vol')
  t.teardown(() => c.socket.destroy())
  t.equal((await c.request(WRITE, 0, 0, 512, Buffer.alloc(512, 1))).error, 0)
  await store.fence(3)
  t.equal((await c.request(WRITE, 0, 0, 512, Buffer.alloc(512, 2))).error, C.NBD_EPERM, 'a newer generation fenced this writer')
  t.equal((await c.request(ZEROES, 0, 0, 512)).error, C.NBD_EPERM)
  generation = 3
  t.equal((await c.request(WRITE, 0, 512, 512, Buffer.alloc(512, 3))).error, 0, 'the new generation writes')
  t.same((await c.request(READ, 0, 0, 1024)).data, Buffer.concat([Buffer.alloc(512, 1), Buffer.alloc(512, 3)]))
  await c.disconnect()

  const ro = await serve(t, { exp: { readOnly: true } })
  const r = await connectNbd({ port: ro.port }, 'vol')
  t.teardown(() => r.socket.destroy())
  t.ok(r.flags & C.NBD_FLAG_READ_ONLY)
  t.equal((await r.request(WRITE, 0, 0, 512, Buffer.alloc(512))).error, C.NBD_EPERM)
  t.equal((await r.request(TRIM, 0, 0, 512)).error, C.NBD_EPERM)
  await r.disconnect()
})

t.test('a checksum mismatch reaches the client as EIO', async t => {
  const { port, store, dir } = await serve(t)
  const c = await connectNbd({ port }, 'vol')
  t.teardown(() => c.socket.destroy())
  await c.request(WRITE, C.NBD_CMD_FLAG_FUA, 0, 65536, Buffer.alloc(65536, 5))
  const { open } = await import('node:fs/promises')
  const fh = await open(`${dir}/vol/data`, 'r+')
  await fh.write(Buffer.from([6]), 0, 1, 1000)
  await fh.close()
  t.equal((await c.request(READ, 0, 0, 512)).error, C.NBD_EIO)
  t.ok(store.stats().reads >= 1)
  await c.disconnect()
})

t.test('checkRequest is pure and exact at the edges', async t => {
  const r = (type: number, offset: number, length: number, flags = 0): number => checkRequest({ type, offset, length, flags, cookie: Buffer.alloc(8) }, MiB, 512, false)
  t.equal(r(READ, MiB - 512, 512), 0)
  t.equal(r(READ, MiB, 0), 0)
  t.equal(r(WRITE, MiB, 512), C.NBD_ENOSPC)
  t.equal(r(ZEROES, 0, MiB, C.NBD_CMD_FLAG_NO_HOLE | C.NBD_CMD_FLAG_FUA), 0)
  t.equal(r(TRIM, 0, 512, C.NBD_CMD_FLAG_NO_HOLE), C.NBD_EINVAL)
})

t.test('close() drops a client that stays connected rather than wait for it to leave', async t => {
  const { port, server } = await serve(t, { size: 4 * MiB })
  // a client past negotiation that never disconnects, as QEMU's NBD client does
  const c = await connectNbd({ port }, 'vol')
  const dropped = new Promise(resolve => c.socket.once('close', resolve))
  let timer: NodeJS.Timeout | undefined
  const closed = await Promise.race([
    server.close().then(() => true),
    new Promise<boolean>(resolve => { timer = setTimeout(() => resolve(false), 5_000) })
  ])
  clearTimeout(timer)
  t.ok(closed, 'close() resolved with the client still connected')
  await dropped
  t.pass('the client was dropped')
})
