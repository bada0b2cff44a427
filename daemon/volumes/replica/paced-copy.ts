/**
 * The copy half of a resync, paced by a LinkPacer (daemon/network
 * link-pacer.ts) for a peer on a slow link: the differing runs a chunk's
 * comparison found go as pieces of about 25 ms of the link each, a few in
 * flight, each at its pacer slot. The slot is waited for outside any lock;
 * each piece then reads the local bytes and sends them under its own range
 * lock, so a whole chunk is never held for the minutes a radio link may need
 * to carry it.
 *
 * Why copying after the chunk's lock is released is still exact: the member
 * receives every change from the moment the resync began, so a block the
 * comparison found equal stays equal, and a block found different is copied
 * from what the local store holds when its piece is locked, after any change
 * to it that came in between.
 */
import type { LinkPacer, PieceTicket } from '../../network/index.ts'
import type { BlockStore } from '../block/index.ts'
import type { ReplicaClient } from './client.ts'
import type { OverlapQueue } from './ordering.ts'
import { MAX_WRITE, Op } from './wire.ts'
import { copyBuffers } from './copy-buffers.ts'

/** Pieces one walk keeps waiting for answers: enough to cover a round trip at the pace, few enough that an abort stops soon. */
const PIECES_IN_FLIGHT = 4
/** About what a request without payload takes on the wire (header, frame, volume id), bytes. */
const REQUEST_HEADER_BYTES = 64 // bytes

/** A stretch of differing blocks. */
export interface CopyRun { offset: number, length: number }

/** What a paced copy uses of the walk. */
export interface PacedCopy {
  local: BlockStore
  client: ReplicaClient
  order: OverlapQueue
  generation: number
  pacer: LinkPacer
  signal: AbortSignal
}

/** Copies the runs piece by piece at the pacer's slots; resolves once every piece was answered. */
export async function copyPaced (c: PacedCopy, runs: CopyRun[]): Promise<void> {
  const pieces = piecesOf(c, runs)
  const worker = async (): Promise<void> => {
    for (let next = pieces.next(); next.done !== true; next = pieces.next()) await copyPiece(c, next.value)
  }
  const workers = await Promise.allSettled(Array.from({ length: PIECES_IN_FLIGHT }, worker))
  const failed = workers.find(s => s.status === 'rejected')
  if (failed !== undefined) throw failed.reason
}

/** The runs cut into pieces of the pacer's size (whole write blocks), sized as each is taken, so the size follows the estimate. */
function * piecesOf (c: PacedCopy, runs: CopyRun[]): Generator<CopyRun> {
  const unit = c.local.minBlockSize
  for (const r of runs) {
    let at = 0
    while (at < r.length) {
      const want = Math.min(MAX_WRITE, Math.max(unit, Math.floor(c.pacer.pieceBytes() / unit) * unit))
      const length = Math.min(want, r.length - at)
      yield { offset: r.offset + at, length }
      at += length
    }
  }
}

async function copyPiece (c: PacedCopy, p: CopyRun): Promise<void> {
  const ticket: PieceTicket = await c.pacer.slot(p.length, c.signal)
  let left = false
  try {
    await c.order.run(p.offset, p.length, async () => {
      c.signal.throwIfAborted()
      const into = copyBuffers.take(p.length)
      const data = await c.local.read(p.offset, p.length, into)
      // Zeroes go as write-zeroes: no payload, a hole on the replica; judged by content, never by CRC.
      const zero = isZero(data)
      // What travels is a header: counted as the whole piece, its quick answer would read as a fast link.
      if (zero) ticket.bytes = REQUEST_HEADER_BYTES
      c.pacer.leaving(ticket)
      left = true
      await c.client.request(zero
        ? { op: Op.writeZeroes, generation: c.generation, offset: p.offset, length: p.length }
        : { op: Op.write, generation: c.generation, offset: p.offset, payload: data })
      // Answered: nothing reads it any more. After a failure it is left to the collector.
      copyBuffers.give(into)
    })
  } catch (err) {
    c.pacer.lost(ticket, left)
    throw err
  }
  c.pacer.done(ticket)
}

function isZero (data: Buffer): boolean {
  for (let i = 0; i < data.length; i++) if (data[i] !== 0) return false
  return true
}
