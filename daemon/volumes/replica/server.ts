import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import type { Transport } from '../../network/index.ts'
import type { BlockStore } from '../block/index.ts'
import { RealClock, type Clock } from '../../../controller/clock/index.ts'
import { BufferPool, readFrames, TurnWriter } from '../../network/index.ts'
import { NoSuchReplicaError } from './errors.ts'
import { EarlySyncs } from './early-syncs.ts'
import {
  MAX_FRAME, Op, REPLICA_PROTOCOL, REPLICA_PROTOCOL_2, decodeRequest, encodeChecksums, encodeGeometry, framedResponse, framedSynced, isChange,
  type ReplicaRequest
} from './wire.ts'

/** What a ReplicaServer uses. */
export interface ReplicaServerComponents {
  transport: Transport
  logger: Logger
  /** Times the frame pool's idle trim; the wall clock by default. */
  clock?: Clock
}

/** The volumes a node holds replicas of, by volume id. */
export interface ReplicaServerInit {
  volumes?: Map<string, BlockStore>
}

/** Counters of a ReplicaServer, for tests and metrics. */
export interface ReplicaServerStats {
  streams: number
  requests: number
  /** Streams closed because a frame could not be decoded. */
  garbage: number
  /** Frames joined from several chunks into a pooled buffer, and how many of those reused one. */
  pooledFrames: number
  reusedFrames: number
  /** Flushes run because a change asked for a sync soon (protocol 2), and synced frames sent after them. */
  syncsSoon: number
}

const EMPTY = Buffer.alloc(0)

/** A stream's writer, how many of its requests are being served, and its syncs soon (protocol 2). */
interface Answers {
  writer: TurnWriter
  inFlight: number
  /** Counts every answer written, whatever its outcome (what a synced frame counts), and runs the syncs soon. */
  syncs: EarlySyncs
  /** Stores a change was answered on since the last sync soon began: what the next one flushes. */
  touched: Set<BlockStore>
}

/**
 * Buffers kept for frames joined from chunks (BufferPool): enough for a
 * rebuild's chunks in flight (4 × 4 MiB) or a primary's writes at the NBD
 * server's usual depth (8 × 1 MiB), twice over; dropped after a few
 * seconds without writes. At 16 MiB a rebuild dropped one buffer a round
 * and the replica's collector took twice as long (168 against 83 ms per
 * 256 MiB).
 */
const POOL = { maxBytes: MAX_FRAME, maxPooledBytes: 32 * 1024 * 1024, idleMs: 10_000 }

/**
 * Serves `/trellis/replica/2` and `/1` on one node: applies primaries'
 * changes to the local replica stores. Requests on a stream reach the store in arrival order
 * (so a primary's order is kept) and are answered as each completes, so many
 * are in flight at once; the answers that complete in one turn of the event
 * loop leave in one write (TurnWriter). A write is checked against the
 * store's generation fence, and answered only once the store resolved it —
 * after fdatasync when FUA or flush asked. A malformed frame closes its
 * stream; the node stays up. A frame that came in several chunks is joined
 * into a pooled buffer, given back once its request succeeded (every write
 * of it done); after a failure it is left to the collector, as a write that
 * failed part-way may still have I/O on it.
 */
export class ReplicaServer {
  readonly #log: Logger
  readonly #transport: Transport
  readonly #volumes: Map<string, BlockStore>
  readonly #streams = new Set<Duplex>()
  readonly #stats = { streams: 0, requests: 0, garbage: 0, syncsSoon: 0 }
  readonly #pool: BufferPool
  #closing?: Promise<void>

  constructor (components: ReplicaServerComponents, init: ReplicaServerInit = {}) {
    this.#log = components.logger.child({ component: 'replica-server' })
    this.#pool = new BufferPool({ clock: components.clock ?? new RealClock() }, POOL)
    this.#transport = components.transport
    this.#volumes = new Map(init.volumes)
    this.#transport.handle(REPLICA_PROTOCOL_2, (stream, from) => { this.#accept(stream, from, 2) })
    this.#transport.handle(REPLICA_PROTOCOL, (stream, from) => { this.#accept(stream, from, 1) })
  }

  /** Starts serving a volume's replica; the server does not close the store. */
  addVolume (id: string, store: BlockStore): void {
    this.#volumes.set(id, store)
  }

  /** Stops serving a volume; later requests for it get ERR_NO_SUCH_REPLICA. */
  removeVolume (id: string): void {
    this.#volumes.delete(id)
  }

  stats (): ReplicaServerStats {
    const pool = this.#pool.stats()
    return { ...this.#stats, pooledFrames: pool.taken, reusedFrames: pool.reused }
  }

  /** Stops accepting streams and destroys open ones; the same promise however often called. */
  close (): Promise<void> {
    this.#closing ??= this.#closeOnce()
    return this.#closing
  }

  async #closeOnce (): Promise<void> {
    this.#transport.unhandle(REPLICA_PROTOCOL_2)
    this.#transport.unhandle(REPLICA_PROTOCOL)
    for (const s of this.#streams) s.destroy()
    this.#streams.clear()
    this.#pool.clear()
  }

  #accept (stream: Duplex, from: string, version: 1 | 2): void {
    if (this.#closing !== undefined) { stream.destroy(); return }
    this.#stats.streams++
    this.#streams.add(stream)
    const log = this.#log.child({ peer: from })
    const answers = this.#answers(stream, log)
    // A stream reset by the peer or a partition is normal life; only its end matters.
    stream.on('error', () => {})
    readFrames(stream, MAX_FRAME, payload => {
      const req = decodeRequest(payload, version)
      this.#stats.requests++
      this.#answer(answers, req, payload)
    }, n => this.#pool.take(n)).catch((err: unknown) => {
      const code = (err as { code?: string }).code
      if (code === 'ERR_BAD_REPLICA_FRAME' || code === 'ERR_FRAME_TOO_LARGE') {
        this.#stats.garbage++
        log.warn({ err }, 'closed a replica stream that sent a malformed frame')
      }
      stream.destroy()
    }).finally(() => { this.#streams.delete(stream) })
  }

  /**
   * A stream's answers, and its syncs soon (protocol 2): each flushes every
   * store a change was answered on since the last one began, then writes a
   * synced frame with the count of answers written before it began, all of
   * which it covers (each such change had reached its store). A failed one
   * resets the stream, as a failed flush request's answer would fail the
   * primary's flush: the primary then counts this replica as failed.
   */
  #answers (stream: Duplex, log: Logger): Answers {
    const touched = new Set<BlockStore>()
    const answers: Answers = {
      writer: new TurnWriter(stream),
      inFlight: 0,
      touched,
      syncs: new EarlySyncs(async () => {
        const stores = [...touched]
        touched.clear()
        this.#stats.syncsSoon++
        await Promise.all(stores.map(async s => { await s.flush() }))
      }, {
        synced: covers => { answers.writer.write([framedSynced(covers)], undefined, answers.inFlight === 0) },
        failed: err => {
          // A stream already gone (the server or the primary closed it) owes nobody a synced frame: not a fault of the disk's.
          if (stream.destroyed) log.debug({ err }, 'a sync soon failed after its stream closed')
          else log.warn({ err }, 'a sync soon failed: the stream is reset')
          answers.syncs.stop()
          stream.destroy()
        }
      })
    }
    return answers
  }

  /**
   * Starts the request at once (keeping arrival order at the store) and
   * writes the answer when it settles; a change that asked for a sync soon
   * starts one once its answer is written.
   */
  #answer (answers: Answers, req: ReplicaRequest, frame: Buffer): void {
    answers.inFlight++
    const store = this.#volumes.get(req.volume)
    const started = store === undefined ? Promise.reject(new NoSuchReplicaError(req.volume)) : this.#serve(store, req)
    started.then(
      payload => {
        this.#pool.give(frame)
        if (isChange(req.op)) answers.touched.add(store!)
        this.#reply(answers, req, framedResponse({ id: req.id, error: '', generation: store?.generation ?? 0, payload: payload ?? EMPTY }))
      },
      (err: unknown) => {
        const e = err as { code?: unknown, highest?: unknown }
        const code = typeof e.code === 'string' && e.code !== '' ? e.code : 'ERR_REPLICA_INTERNAL'
        const generation = typeof e.highest === 'number' ? e.highest : (store?.generation ?? 0)
        this.#reply(answers, req, framedResponse({ id: req.id, error: code, generation, payload: EMPTY }))
      }
    )
  }

  /** Writes an answer, whatever its outcome, and starts the sync soon its change asked for. */
  #reply (answers: Answers, req: ReplicaRequest, response: Buffer): void {
    // Counted before the sync it may start takes its count: that sync covers this answer.
    answers.syncs.count()
    // The stream's only request answers at once: nothing else would share the turn's write.
    answers.writer.write([response], undefined, --answers.inFlight === 0)
    if (req.syncSoon) answers.syncs.soon()
  }

  /** The request's answer payload; none for a write (the most frequent request, so it has no step of its own). */
  #serve (store: BlockStore, req: ReplicaRequest): Promise<Uint8Array | void> {
    const change = { generation: req.generation, fua: req.fua }
    switch (req.op) {
      case Op.hello:
        return store.fence(req.generation).then(() => encodeGeometry(store))
      case Op.write:
        return store.write(req.offset, req.payload, change)
      case Op.flush:
        return store.flush().then(() => EMPTY)
      case Op.trim:
        return store.trim(req.offset, req.length, change).then(() => EMPTY)
      case Op.writeZeroes:
        return store.writeZeroes(req.offset, req.length, { ...change, noHole: req.noHole }).then(() => EMPTY)
      case Op.readChecksums:
        return store.checksums(req.offset, req.length).then(c => encodeChecksums(c))
    }
  }
}
