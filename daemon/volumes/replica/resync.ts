import type { LinkPacer, PieceTicket } from '../../network/index.ts'
import type { BlockChecksums, BlockStore } from '../block/index.ts'
import type { ReplicaClient } from './client.ts'
import { InvalidResyncOptionsError, ReplicaRequestError } from './errors.ts'
import type { OverlapQueue } from './ordering.ts'
import type { TokenBucket } from './throttle.ts'
import { MAX_WRITE, Op, decodeChecksums } from './wire.ts'
import { coarsen } from './coarsen.ts'
import { copyBuffers } from './copy-buffers.ts'
import { copyPaced } from './paced-copy.ts'

const MiB = 1024 * 1024 // bytes
/** Bytes compared under one range lock: big enough to keep the stream busy, small enough that an app write waits only briefly. */
export const DEFAULT_RESYNC_CHUNK = 4 * MiB // bytes
/** Copy rate when none is asked for: well below a disk's, so the app keeps most of it. */
export const DEFAULT_RESYNC_RATE = 64 * MiB // bytes per second
/** Largest chunk: its checksums must fit one answer frame at the smallest block size, and an app write may wait a whole chunk. */
const MAX_RESYNC_CHUNK = 1024 * MiB // bytes

/** How ReplicatedBlockStore.resync runs. */
export interface ResyncOptions {
  /** Copied bytes per second, averaged; 0 copies unthrottled. Default 64 MiB/s. Not used with a pacer (it holds its own ceiling). */
  bytesPerSecond?: number
  /**
   * Paces the copy at a share of the link to the node as measured from the
   * copy itself (daemon/network link-pacer.ts); the differing blocks then go
   * as small pieces, each under its own range lock. Shared by every transfer
   * to that node.
   */
  pacer?: LinkPacer
  /** Bytes compared per step, rounded up to whole checksum blocks. Default 4 MiB. */
  chunkBytes?: number
  /** Aborting stops the copy and drops the node from the syncing set. */
  signal?: AbortSignal
  /** Told the bytes of each chunk copied, as it is copied (metrics). */
  onCopied?: (bytes: number) => void
}

/** What a finished resync did. */
export interface ResyncResult {
  node: string
  blocksCompared: number
  blocksCopied: number
  bytesCopied: number
  /** Milliseconds from start to the replica's final flush. */
  ms: number
}

/** A syncing member's progress, for `trellis volume describe`. */
export interface ResyncProgress {
  node: string
  comparedBytes: number
  totalBytes: number
  copiedBytes: number
  /** When the resync started, in the store's clock (epoch ms by default). */
  startedAt: number
}

/** Validates options; the chunk is rounded up to whole checksum blocks so every chunk compares whole blocks. */
export function resyncSettings (options: ResyncOptions, blockSize: number): { bytesPerSecond: number, chunkBytes: number } {
  const bytesPerSecond = options.bytesPerSecond ?? DEFAULT_RESYNC_RATE
  if (!Number.isFinite(bytesPerSecond) || bytesPerSecond < 0) throw new InvalidResyncOptionsError(`bytesPerSecond must be a number >= 0, not ${bytesPerSecond}`)
  const asked = options.chunkBytes ?? DEFAULT_RESYNC_CHUNK
  if (!Number.isSafeInteger(asked) || asked <= 0 || asked > MAX_RESYNC_CHUNK) throw new InvalidResyncOptionsError(`chunkBytes must be an integer in 1..${MAX_RESYNC_CHUNK}, not ${asked}`)
  return { bytesPerSecond, chunkBytes: Math.ceil(asked / blockSize) * blockSize }
}

/** A resync under way, or done and awaiting setInSync; held by the store's syncing member. */
export interface SyncJob {
  progress: ResyncProgress
  /** Aborted with the ResyncAbortedError the walk stops with. */
  controller: AbortController
  /** Settles when the walk ends, whichever way. */
  done: Promise<void>
  /** Stops listening to the caller's signal. */
  detach: () => void
}

/** What one walk uses; the store owns all of it and keeps the syncing member's client in its required set meanwhile. */
export interface ResyncWalk {
  local: BlockStore
  client: ReplicaClient
  order: OverlapQueue
  generation: number
  chunkBytes: number
  bucket?: TokenBucket
  /** Paces comparisons and copies by the measured link instead of the bucket. */
  pacer?: LinkPacer
  /** Aborted with the reason the resync stops for. */
  signal: AbortSignal
  /** Updated as chunks complete. */
  progress: ResyncProgress
  now: () => number
  /** Told the bytes of each chunk copied. */
  onCopied?: (bytes: number) => void
}

interface Run { offset: number, length: number, blocks: number }

/**
 * Chunks one walk works on at once, unthrottled: while one chunk's blocks are
 * on the wire the next is being compared and read, so neither the disk nor
 * the stream waits for the other.
 */
const RESYNC_CHUNKS_IN_FLIGHT = 4
/**
 * Under a throttle: the copy runs one chunk ahead of the one paying for its
 * bytes, so a throttle above one chunk's speed is still reached. Paced: the
 * next chunk is compared while the last one's pieces are copied; the pacer
 * holds the rate whatever is in flight, as for several transfers sharing it.
 */
const THROTTLED_CHUNKS_IN_FLIGHT = 2

/**
 * Makes the replica equal to the local store: chunk by chunk, under the
 * overlap queue so no change to that range interleaves, compares checksums
 * and copies only the blocks that differ. Changes outside the locked chunks
 * keep flowing to the replica meanwhile (it is a required member), so a chunk
 * once equal stays equal. Several chunks are in flight, each under its own
 * range lock (a paced chunk's pieces each under theirs).
 * Throttled outside the lock, one charge after another, so the bucket sees
 * the bytes in the order they went; flushes the replica at the end.
 */
export async function walkResync (w: ResyncWalk): Promise<ResyncResult> {
  const started = w.now()
  await w.client.connect()
  const size = w.local.size
  const totals = { blocksCompared: 0, blocksCopied: 0, bytesCopied: 0, comparedBytes: 0 }
  let next = 0
  let charged = Promise.resolve()
  // A failed chunk stops the others from taking new ones; the walk settles only once every chunk in flight did, with the first failure.
  let failure: { err: unknown } | undefined
  const worker = async (): Promise<void> => {
    while (next < size && failure === undefined) {
      w.signal.throwIfAborted()
      const offset = next
      const length = Math.min(w.chunkBytes, size - offset)
      next += length
      // The checksums' answer is 4 bytes a block: paced too, or comparing a large volume would fill a slow link by itself.
      const ticket = await w.pacer?.slot(checksumBytes(length, w.local.preferredBlockSize), w.signal)
      const step = await w.order.run(offset, length, async () => await compareAndCopy(w, offset, length, ticket))
      // Paced: copied after the chunk's lock, piece by piece (paced-copy.ts says why that is exact).
      if (w.pacer !== undefined) await copyPaced({ ...w, pacer: w.pacer }, step.runs)
      totals.blocksCompared += step.blocksCompared
      totals.blocksCopied += step.blocksCopied
      totals.bytesCopied += step.bytesCopied
      totals.comparedBytes += length
      w.progress.comparedBytes = totals.comparedBytes
      w.progress.copiedBytes = totals.bytesCopied
      if (step.bytesCopied > 0) w.onCopied?.(step.bytesCopied)
      // Outside the lock, so the app's writes to this chunk are not held up by the throttle.
      const bucket = w.bucket
      if (step.bytesCopied > 0 && bucket !== undefined) {
        charged = charged.catch(() => {}).then(async () => { w.signal.throwIfAborted(); await bucket.take(step.bytesCopied, w.signal) })
        await charged
      }
    }
  }
  const depth = w.pacer !== undefined || w.bucket !== undefined ? THROTTLED_CHUNKS_IN_FLIGHT : RESYNC_CHUNKS_IN_FLIGHT
  await Promise.all(Array.from({ length: depth }, async () => {
    try { await worker() } catch (err) { failure ??= { err } }
  }))
  if (failure !== undefined) throw failure.err
  w.signal.throwIfAborted()
  await w.client.request({ op: Op.flush, generation: w.generation })
  const { blocksCompared, blocksCopied, bytesCopied } = totals
  return { node: w.client.node, blocksCompared, blocksCopied, bytesCopied, ms: w.now() - started }
}

/** Bytes of a read-checksums answer over `length`. */
function checksumBytes (length: number, blockSize: number): number {
  return 64 + 4 * Math.ceil(length / blockSize)
}

async function compareAndCopy (w: ResyncWalk, offset: number, length: number, ticket?: PieceTicket): Promise<{ blocksCompared: number, blocksCopied: number, bytesCopied: number, runs: Run[] }> {
  try {
    w.signal.throwIfAborted()
  } catch (err) {
    if (ticket !== undefined) w.pacer?.lost(ticket, false)
    throw err
  }
  if (ticket !== undefined) w.pacer?.leaving(ticket)
  const asked = w.client.request({ op: Op.readChecksums, generation: w.generation, offset, length })
  const [mine, answer] = await Promise.all([
    w.local.checksums(offset, length),
    asked.then(a => { if (ticket !== undefined) w.pacer?.done(ticket); return a }, (err: unknown) => { if (ticket !== undefined) w.pacer?.lost(ticket); throw err })
  ])
  const answered = decodeChecksums(answer.payload)
  const [ours, theirs] = comparable(mine, answered, w.local.size)
  if (ours === undefined || theirs === undefined || theirs.firstBlock !== ours.firstBlock || theirs.crcs.length !== ours.crcs.length) {
    throw new ReplicaRequestError('ERR_REPLICA_GEOMETRY', `replica ${w.client.node} checksums ${answered.blockSize}-byte blocks, the primary ${mine.blockSize}, over bytes ${offset}..${offset + length - 1}: they cannot be compared`)
  }
  const runs = differingRuns(ours, theirs, w.local.size)
  let blocksCopied = 0
  let bytesCopied = 0
  for (const r of runs) { blocksCopied += r.blocks; bytesCopied += r.length }
  if (w.pacer !== undefined) return { blocksCompared: ours.crcs.length, blocksCopied, bytesCopied, runs }
  w.signal.throwIfAborted()
  // Settled, not raced: nothing of this chunk may still be in flight once the lock is released.
  const sent = await Promise.allSettled(runs.map(async r => { await copyRun(w, r) }))
  const failed = sent.find(s => s.status === 'rejected')
  if (failed !== undefined) throw failed.reason
  return { blocksCompared: ours.crcs.length, blocksCopied, bytesCopied, runs }
}

/** Both lists at the coarser of the two block sizes (stores created with different ones); undefined where that cannot be done. */
function comparable (mine: BlockChecksums, theirs: BlockChecksums, size: number): [BlockChecksums | undefined, BlockChecksums | undefined] {
  const blockSize = Math.max(mine.blockSize, theirs.blockSize)
  return [coarsen(mine, blockSize, size), coarsen(theirs, blockSize, size)]
}

/** Contiguous differing blocks, merged into runs no longer than one write frame. */
function differingRuns (mine: BlockChecksums, theirs: BlockChecksums, size: number): Run[] {
  const bs = mine.blockSize
  const runs: Run[] = []
  let run: Run | undefined
  for (let i = 0; i < mine.crcs.length; i++) {
    if (mine.crcs[i] === theirs.crcs[i]) { run = undefined; continue }
    const offset = (mine.firstBlock + i) * bs
    const length = Math.min(bs, size - offset)
    if (run !== undefined && run.length + length <= MAX_WRITE) {
      run.length += length
      run.blocks++
    } else {
      run = { offset, length, blocks: 1 }
      runs.push(run)
    }
  }
  return runs
}

/**
 * Sends one run's local content: blocks that read as zeroes go as
 * write-zeroes (no payload on the wire, a hole on the replica), the rest as
 * writes. Zeroes are recognised by content, not by CRC, so a CRC collision
 * can never turn data into a hole.
 */
async function copyRun (w: ResyncWalk, r: Run): Promise<void> {
  const into = copyBuffers.take(r.length)
  const data = await w.local.read(r.offset, r.length, into)
  const bs = w.local.preferredBlockSize
  const zero = Buffer.alloc(Math.min(bs, r.length))
  const parts: Array<Promise<unknown>> = []
  let start = 0
  while (start < r.length) {
    const zeroes = isZero(data, start, bs, zero)
    let end = Math.min(start + bs, r.length)
    while (end < r.length && isZero(data, end, bs, zero) === zeroes) end = Math.min(end + bs, r.length)
    const offset = r.offset + start
    parts.push(zeroes
      ? w.client.request({ op: Op.writeZeroes, generation: w.generation, offset, length: end - start })
      : w.client.request({ op: Op.write, generation: w.generation, offset, payload: data.subarray(start, end) }))
    start = end
  }
  const sent = await Promise.allSettled(parts)
  const failed = sent.find(s => s.status === 'rejected')
  if (failed !== undefined) throw failed.reason
  // Every request made from it answered: nothing reads it any more. After a failure it is left to the collector.
  copyBuffers.give(into)
}

function isZero (data: Buffer, at: number, bs: number, zero: Buffer): boolean {
  const block = data.subarray(at, Math.min(at + bs, data.length))
  return zero.subarray(0, block.length).equals(block)
}
