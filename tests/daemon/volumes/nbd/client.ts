/**
 * A small NBD client over node:net for tests and the benchmark: fixed newstyle
 * handshake with NBD_OPT_GO, then pipelined simple-reply requests matched by
 * cookie. It speaks only what our server speaks; raw() exposes the socket for
 * tests that send garbage.
 */
import { connect, type Socket } from 'node:net'
import { nbdProtocol as C } from '../../../../daemon/volumes/nbd/index.ts'

export interface Reply { error: number, data?: Buffer }

export interface NbdClient {
  size: number
  flags: number
  socket: Socket
  request: (type: number, flags: number, offset: number | bigint, length: number, payload?: Uint8Array) => Promise<Reply>
  /** Sends bytes as they are, for malformed requests. */
  raw: (bytes: Buffer) => void
  /** Resolves when the server has closed the connection. */
  closed: Promise<void>
  disconnect: () => Promise<void>
}

export type Target = { port: number, host?: string } | { path: string }

/** Opens a socket and returns it with a reader of exact lengths. */
export async function openSocket (target: Target): Promise<{ socket: Socket, read: (n: number) => Promise<Buffer> }> {
  const socket = 'path' in target ? connect(target.path) : connect(target.port, target.host ?? '127.0.0.1')
  socket.setNoDelay(true)
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject) })
  // Chunks are joined only when a read needs them, so large replies cost one copy, not one per chunk.
  let buf = Buffer.alloc(0)
  let chunks: Buffer[] = []
  let queued = 0
  let waiter: (() => void) | undefined
  let ended = false
  socket.on('data', (d: Buffer) => { chunks.push(d); queued += d.length; if (buf.length + queued >= want) waiter?.() })
  let want = 0
  socket.on('close', () => { ended = true; waiter?.() })
  socket.on('error', () => {})
  const read = async (n: number): Promise<Buffer> => {
    while (buf.length + queued < n) {
      if (ended) throw new Error('closed')
      want = n
      await new Promise<void>(resolve => { waiter = resolve })
      waiter = undefined
    }
    if (buf.length < n) {
      buf = Buffer.concat([buf, ...chunks])
      chunks = []
      queued = 0
    }
    const out = buf.subarray(0, n)
    buf = buf.subarray(n)
    return out
  }
  return { socket, read }
}

/** Sends one option and returns its replies up to the final one. */
export async function option (socket: Socket, read: (n: number) => Promise<Buffer>, opt: number, data: Buffer): Promise<Array<{ type: number, data: Buffer }>> {
  const h = Buffer.alloc(16)
  h.writeBigUInt64BE(C.IHAVEOPT, 0)
  h.writeUInt32BE(opt, 8)
  h.writeUInt32BE(data.length, 12)
  socket.write(Buffer.concat([h, data]))
  const replies: Array<{ type: number, data: Buffer }> = []
  for (;;) {
    const r = await read(20)
    const type = r.readUInt32BE(12)
    replies.push({ type, data: Buffer.from(await read(r.readUInt32BE(16))) })
    if (type !== C.NBD_REP_INFO && type !== C.NBD_REP_SERVER) return replies
  }
}

/** The data of NBD_OPT_GO / NBD_OPT_INFO for a name, asking for the given info types. */
export function goData (name: string, infos: number[] = [C.NBD_INFO_BLOCK_SIZE]): Buffer {
  const n = Buffer.from(name)
  const d = Buffer.alloc(4 + n.length + 2 + 2 * infos.length)
  d.writeUInt32BE(n.length, 0)
  n.copy(d, 4)
  d.writeUInt16BE(infos.length, 4 + n.length)
  infos.forEach((t, i) => d.writeUInt16BE(t, 6 + n.length + 2 * i))
  return d
}

/** Connects, negotiates `name` with NBD_OPT_GO, and returns a pipelining client. */
export async function connectNbd (target: Target, name: string): Promise<NbdClient> {
  const { socket, read } = await openSocket(target)
  const hello = await read(18)
  if (hello.readBigUInt64BE(0) !== C.NBD_MAGIC) throw new Error('not an NBD server')
  const cf = Buffer.alloc(4)
  cf.writeUInt32BE(C.NBD_FLAG_C_FIXED_NEWSTYLE | C.NBD_FLAG_C_NO_ZEROES)
  socket.write(cf)
  const replies = await option(socket, read, C.NBD_OPT_GO, goData(name))
  if (replies.at(-1)!.type !== C.NBD_REP_ACK) throw new Error(`NBD_OPT_GO refused: 0x${replies.at(-1)!.type.toString(16)}`)
  const info = replies.find(r => r.type === C.NBD_REP_INFO && r.data.readUInt16BE(0) === C.NBD_INFO_EXPORT)!.data
  const size = Number(info.readBigUInt64BE(2))
  const flags = info.readUInt16BE(10)

  const pending = new Map<bigint, { length: number, type: number, resolve: (r: Reply) => void, reject: (e: Error) => void }>()
  let next = 1n
  let closedResolve!: () => void
  const closed = new Promise<void>(resolve => { closedResolve = resolve })
  socket.on('close', () => { closedResolve(); for (const p of pending.values()) p.reject(new Error('closed')) })
  void (async () => {
    try {
      for (;;) {
        const h = await read(16)
        const cookie = h.readBigUInt64BE(8)
        const p = pending.get(cookie)
        if (h.readUInt32BE(0) !== C.SIMPLE_REPLY_MAGIC || p === undefined) throw new Error('bad reply')
        pending.delete(cookie)
        const error = h.readUInt32BE(4)
        if (error === 0 && p.type === C.NBD_CMD_READ) p.resolve({ error, data: Buffer.from(await read(p.length)) })
        else p.resolve({ error })
      }
    } catch { socket.destroy() }
  })()

  const request: NbdClient['request'] = async (type, flags, offset, length, payload) => {
    const h = Buffer.alloc(28)
    const cookie = next++
    h.writeUInt32BE(C.REQUEST_MAGIC, 0)
    h.writeUInt16BE(flags, 4)
    h.writeUInt16BE(type, 6)
    h.writeBigUInt64BE(cookie, 8)
    h.writeBigUInt64BE(BigInt(offset), 16)
    h.writeUInt32BE(length, 24)
    const reply = new Promise<Reply>((resolve, reject) => { pending.set(cookie, { length, type, resolve, reject }) })
    socket.write(h)
    if (payload !== undefined) socket.write(payload)
    return await reply
  }
  return {
    size,
    flags,
    socket,
    request,
    raw: bytes => { socket.write(bytes) },
    closed,
    disconnect: async () => {
      const h = Buffer.alloc(28)
      h.writeUInt32BE(C.REQUEST_MAGIC, 0)
      h.writeUInt16BE(C.NBD_CMD_DISC, 6)
      socket.write(h)
      await closed
    }
  }
}
