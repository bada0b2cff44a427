/**
 * Fixed newstyle negotiation ("Fixed newstyle negotiation" and "Option types"
 * in doc/proto.md). Returns the chosen export once the client enters
 * transmission, or undefined when it aborts. A client that breaks a MUST
 * gets a hard disconnect (ProtocolError); a merely odd option gets an error
 * reply and may try again.
 */
import type { Socket } from 'node:net'
import * as C from './constants.ts'
import { ProtocolError } from './errors.ts'
import type { SocketReader } from './reader.ts'
import type { NbdExport } from './types.ts'

/** What negotiation needs from the server. */
export interface HandshakeContext {
  lookup: (name: string) => NbdExport | undefined
  exports: () => NbdExport[]
  shuttingDown: () => boolean
}

/** The transmission flags an export is offered with. */
export function transmissionFlags (exp: NbdExport): number {
  // One store behind every connection, no per-connection cache: a flush on any connection covers all (CAN_MULTI_CONN).
  const base = C.NBD_FLAG_HAS_FLAGS | C.NBD_FLAG_SEND_FLUSH | C.NBD_FLAG_CAN_MULTI_CONN
  if (isReadOnly(exp)) return base | C.NBD_FLAG_READ_ONLY
  return base | C.NBD_FLAG_SEND_FUA | C.NBD_FLAG_SEND_TRIM | C.NBD_FLAG_SEND_WRITE_ZEROES
}

/** Whether writes to the export are refused. */
export function isReadOnly (exp: NbdExport): boolean {
  return exp.readOnly === true || exp.store.readOnly
}

/** Runs option haggling on a fresh connection. */
export async function negotiate (socket: Socket, reader: SocketReader, ctx: HandshakeContext): Promise<NbdExport | undefined> {
  const hello = Buffer.alloc(18)
  hello.writeBigUInt64BE(C.NBD_MAGIC, 0)
  hello.writeBigUInt64BE(C.IHAVEOPT, 8)
  hello.writeUInt16BE(C.NBD_FLAG_FIXED_NEWSTYLE | C.NBD_FLAG_NO_ZEROES, 16)
  socket.write(hello)
  const clientFlags = (await reader.read(4)).readUInt32BE(0)
  if ((clientFlags & ~(C.NBD_FLAG_C_FIXED_NEWSTYLE | C.NBD_FLAG_C_NO_ZEROES)) !== 0) {
    throw new ProtocolError(`unknown client flags 0x${clientFlags.toString(16)}`)
  }
  const noZeroes = (clientFlags & C.NBD_FLAG_C_NO_ZEROES) !== 0

  for (;;) {
    const header = await reader.read(C.OPTION_HEADER_BYTES)
    if (header.readBigUInt64BE(0) !== C.IHAVEOPT) throw new ProtocolError('bad option magic')
    const option = header.readUInt32BE(8)
    const length = header.readUInt32BE(12)
    if (length > C.MAX_OPTION_BYTES) throw new ProtocolError(`option data of ${length} bytes`)
    const data = await reader.read(length)
    const reply = (type: number, payload: Buffer = Buffer.alloc(0)): void => { socket.write(optionReply(option, type, payload)) }

    if (option === C.NBD_OPT_ABORT) {
      reply(C.NBD_REP_ACK)
      return undefined
    }
    if (ctx.shuttingDown()) {
      if (option === C.NBD_OPT_EXPORT_NAME) throw new ProtocolError('shutting down')
      reply(C.NBD_REP_ERR_SHUTDOWN)
      continue
    }
    switch (option) {
      case C.NBD_OPT_EXPORT_NAME: {
        // No way to report an error here: the spec says to drop the connection.
        const exp = ctx.lookup(data.toString('utf8'))
        if (exp === undefined) throw new ProtocolError('NBD_OPT_EXPORT_NAME for an unknown export')
        const out = Buffer.alloc(noZeroes ? 10 : 134)
        out.writeBigUInt64BE(BigInt(exp.store.size), 0)
        out.writeUInt16BE(transmissionFlags(exp), 8)
        socket.write(out)
        return exp
      }
      case C.NBD_OPT_INFO:
      case C.NBD_OPT_GO: {
        const request = parseInfoRequest(data)
        if (request === undefined) { reply(C.NBD_REP_ERR_INVALID); break }
        const exp = ctx.lookup(request.name)
        if (exp === undefined) { reply(C.NBD_REP_ERR_UNKNOWN); break }
        for (const info of infoReplies(exp, request.infos)) reply(C.NBD_REP_INFO, info)
        reply(C.NBD_REP_ACK)
        if (option === C.NBD_OPT_GO) return exp
        break
      }
      case C.NBD_OPT_LIST: {
        if (length !== 0) { reply(C.NBD_REP_ERR_INVALID); break }
        for (const exp of ctx.exports()) {
          const name = Buffer.from(exp.name, 'utf8')
          const entry = Buffer.alloc(4 + name.length)
          entry.writeUInt32BE(name.length, 0)
          name.copy(entry, 4)
          reply(C.NBD_REP_SERVER, entry)
        }
        reply(C.NBD_REP_ACK)
        break
      }
      default:
        // Structured replies, meta contexts, TLS and anything newer: not spoken here.
        reply(C.NBD_REP_ERR_UNSUP)
    }
  }
}

/** Parses NBD_OPT_INFO/GO data: u32 name length, name, u16 count, count × u16 info types; undefined if malformed. */
export function parseInfoRequest (data: Buffer): { name: string, infos: number[] } | undefined {
  if (data.length < 6) return undefined
  const nameLength = data.readUInt32BE(0)
  if (nameLength > data.length - 6) return undefined
  const count = data.readUInt16BE(4 + nameLength)
  if (data.length !== 4 + nameLength + 2 + 2 * count) return undefined
  const infos: number[] = []
  for (let i = 0; i < count; i++) infos.push(data.readUInt16BE(6 + nameLength + 2 * i))
  return { name: data.subarray(4, 4 + nameLength).toString('utf8'), infos }
}

/** NBD_REP_INFO payloads for an export: always EXPORT and BLOCK_SIZE; NAME and DESCRIPTION when asked. */
export function infoReplies (exp: NbdExport, requested: number[]): Buffer[] {
  const out: Buffer[] = []
  const info = Buffer.alloc(12)
  info.writeUInt16BE(C.NBD_INFO_EXPORT, 0)
  info.writeBigUInt64BE(BigInt(exp.store.size), 2)
  info.writeUInt16BE(transmissionFlags(exp), 10)
  out.push(info)
  // Sent even unasked: our minimum (512) is what clients assume anyway, and nbdinfo shows it.
  const sizes = Buffer.alloc(14)
  sizes.writeUInt16BE(C.NBD_INFO_BLOCK_SIZE, 0)
  sizes.writeUInt32BE(exp.store.minBlockSize, 2)
  sizes.writeUInt32BE(exp.store.preferredBlockSize, 6)
  sizes.writeUInt32BE(C.MAX_PAYLOAD, 10)
  out.push(sizes)
  const text = (type: number, s: string): Buffer => {
    const b = Buffer.alloc(2 + Buffer.byteLength(s, 'utf8'))
    b.writeUInt16BE(type, 0)
    b.write(s, 2, 'utf8')
    return b
  }
  if (requested.includes(C.NBD_INFO_NAME)) out.push(text(C.NBD_INFO_NAME, exp.name))
  if (requested.includes(C.NBD_INFO_DESCRIPTION) && exp.description !== undefined) out.push(text(C.NBD_INFO_DESCRIPTION, exp.description))
  return out
}

/** One fixed-newstyle option reply. */
export function optionReply (option: number, type: number, payload: Buffer): Buffer {
  const out = Buffer.alloc(20 + payload.length)
  out.writeBigUInt64BE(C.OPTION_REPLY_MAGIC, 0)
  out.writeUInt32BE(option, 8)
  out.writeUInt32BE(type, 12)
  out.writeUInt32BE(payload.length, 16)
  payload.copy(out, 20)
  return out
}
