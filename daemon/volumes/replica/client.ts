import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import type { Transport } from '../../network/index.ts'
import { readFrames, TurnWriter } from '../../network/index.ts'
import { VolumeFencedError } from '../block/index.ts'
import { ReplicaClosedError, ReplicaRequestError, ReplicaTimeoutError } from './errors.ts'
import {
  MAX_FRAME, Op, REPLICA_PROTOCOL, REPLICA_PROTOCOL_2, decodeGeometry, decodeResponse, decodeSynced, framedRequestHead, isSynced,
  type Geometry, type OpCode, type ReplicaResponse
} from './wire.ts'

/** What a ReplicaClient uses. */
export interface ReplicaClientComponents {
  transport: Transport
  logger: Logger
}

/** Which replica of which volume, at which generation. */
export interface ReplicaClientInit {
  node: string
  volume: string
  /** Generation sent with hello; it fences older writers on the replica. */
  generation: number
  /** Milliseconds a request may wait for its answer before the replica counts as failed. */
  timeoutMs: number
  /** The primary's geometry; a replica of another size is refused rather than mirrored onto. */
  expect?: Geometry
}

/** Fields of one request; the client fills in id and volume. */
export interface RequestFields {
  op: OpCode
  generation: number
  offset?: number
  length?: number
  fua?: boolean
  noHole?: boolean
  /** Ask the replica to flush soon after answering this change (sent only on protocol 2; see flush()). */
  syncSoon?: boolean
  payload?: Uint8Array
}

/** One open stream to the replica, its writer, and what its answers and synced frames said (protocol 2). */
interface Session {
  stream: Duplex
  writer: TurnWriter
  /** Whether the stream speaks protocol 2 (sync notices). */
  notices: boolean
  /** Answers received on the stream, in order. */
  received: number
  /** The most answers a synced frame said were durable. */
  synced: number
  /** The count of answers when the latest answer to a sync-soon change came: a synced frame covering it is on its way. */
  hinted: number
  /** Flushes waiting for a synced frame that covers `need` answers. */
  waiters: Set<SyncWaiter>
}

interface Pending {
  resolve: (res: ReplicaResponse) => void
  reject: (err: Error) => void
  /** performance.now() by which its answer must have come. */
  deadline: number
  syncSoon: boolean
}

interface SyncWaiter {
  need: number
  resolve: () => void
  reject: (err: Error) => void
  timer: NodeJS.Timeout
}

const EMPTY = new Uint8Array(0)
/** Request ids wrap at 32 bits; far more than can be in flight. */
const ID_LIMIT = 2 ** 32

/**
 * One primary's stream to one replica of one volume. The first request dials
 * (protocol 2, or 1 for an older replica) and says hello at the client's
 * generation (fencing older primaries there and checking the geometry);
 * requests are then pipelined on the one stream, sent in call order, matched
 * to answers by id. A timeout or a broken stream fails every request in
 * flight and drops the stream: the caller treats the replica as out of sync,
 * so there is nothing to resume. Each request must be answered within
 * timeoutMs of being sent; one timer watches the oldest request's deadline
 * rather than one timer per request (made, linked and cleared for every 4 KiB
 * write), as the pending map keeps requests in the order sent, so by deadline.
 */
export class ReplicaClient {
  readonly node: string
  readonly #init: ReplicaClientInit
  readonly #transport: Transport
  readonly #log: Logger
  /** Requests awaiting their answers, in the order sent (so by deadline). */
  readonly #pending = new Map<number, Pending>()
  /** Fires at the oldest pending request's deadline, or later; armed while any is pending. */
  #deadlines: NodeJS.Timeout | undefined
  /** The volume id in UTF-8, as every request carries it. */
  readonly #volume: Uint8Array
  #nextId = 1
  #session?: Promise<Session>
  /** The session whose stream is open now, once its hello was answered. */
  #open?: Session
  #stream?: Duplex
  #closing?: Promise<void>

  constructor (components: ReplicaClientComponents, init: ReplicaClientInit) {
    this.node = init.node
    this.#init = init
    this.#volume = Buffer.from(init.volume, 'utf8')
    this.#transport = components.transport
    this.#log = components.logger.child({ component: 'replica-client', replica: init.node, volume: init.volume })
  }

  /** Dials and says hello if not yet connected; resolves with the replica's geometry once it accepted the generation. */
  async connect (): Promise<void> {
    await this.#connected()
  }

  /** Sends one request and resolves with the answer; a refusal rejects with VolumeFencedError or ReplicaRequestError. */
  request (fields: RequestFields): Promise<ReplicaResponse> {
    // On an open stream it goes out in this call, with no turn of the microtask queue before it (and nothing allocated for one).
    const open = this.#open
    if (open !== undefined && this.#closing === undefined) return this.#send(open, fields)
    return this.#connected().then(s => this.#send(s, fields))
  }

  /**
   * This replica's part of a flush: resolves once every change it answered
   * before the call is durable there. On protocol 2, when a synced frame
   * already covers every answer received, nothing is sent; when the latest
   * answer was to a change that asked for a sync soon, the synced frame the
   * replica owes for it is awaited (within the request timeout, as an
   * answer would be); otherwise, and on protocol 1, a flush request goes.
   */
  async flush (generation: number): Promise<void> {
    const s = this.#open
    if (s !== undefined && s.notices && !s.stream.destroyed) {
      const need = s.received
      if (s.synced >= need) return
      if (s.hinted === need) { await this.#syncedTo(s, need); return }
    }
    await this.request({ op: Op.flush, generation })
  }

  /** Destroys the stream and fails what is in flight; the same promise however often called. */
  close (): Promise<void> {
    this.#closing ??= Promise.resolve().then(() => { this.#drop(new ReplicaClosedError('replica client closed')) })
    return this.#closing
  }

  #connected (): Promise<Session> {
    if (this.#closing !== undefined) return Promise.reject(new ReplicaClosedError('replica client closed'))
    // A failed dial or hello is forgotten, so the next request (after setInSync re-adds the node) tries afresh.
    this.#session ??= this.#openSession().catch((err: unknown) => { this.#session = undefined; throw err })
    return this.#session
  }

  /** Dials protocol 2, or protocol 1 where the replica has no handler for 2 (an older node). */
  async #dial (): Promise<{ stream: Duplex, notices: boolean }> {
    try {
      return { stream: await this.#transport.dial(this.node, REPLICA_PROTOCOL_2), notices: true }
    } catch (err) {
      if ((err as { code?: string }).code !== 'ERR_NO_HANDLER') throw err
      return { stream: await this.#transport.dial(this.node, REPLICA_PROTOCOL), notices: false }
    }
  }

  async #openSession (): Promise<Session> {
    const { stream, notices } = await this.#dial()
    if (this.#closing !== undefined) { stream.destroy(); throw new ReplicaClosedError('replica client closed') }
    this.#stream = stream
    const session: Session = { stream, writer: new TurnWriter(stream), notices, received: 0, synced: 0, hinted: -1, waiters: new Set() }
    stream.on('error', () => {})
    readFrames(stream, MAX_FRAME, payload => { this.#onFrame(session, payload) }).then(
      () => { this.#drop(new ReplicaTimeoutError('replica stream closed'), stream) },
      (err: unknown) => { this.#drop(new ReplicaTimeoutError('replica stream failed', { cause: err }), stream) }
    )
    let geometry: Geometry
    try {
      const hello = await this.#send(session, { op: Op.hello, generation: this.#init.generation })
      geometry = decodeGeometry(hello.payload)
    } catch (err) {
      this.#drop(err as Error, stream)
      throw err
    }
    if (this.#init.expect !== undefined && (geometry.size !== this.#init.expect.size || geometry.minBlockSize !== this.#init.expect.minBlockSize)) {
      const err = new ReplicaRequestError('ERR_REPLICA_GEOMETRY', `replica has ${geometry.size} bytes in ${geometry.minBlockSize}-byte blocks, the primary ${this.#init.expect.size} in ${this.#init.expect.minBlockSize}`)
      this.#drop(err, stream)
      throw err
    }
    this.#log.debug({ geometry, notices }, 'replica accepted the generation')
    this.#open = session
    return session
  }

  #send (session: Session, fields: RequestFields): Promise<ReplicaResponse> {
    const { stream, writer } = session
    if (stream.destroyed) return Promise.reject(new ReplicaTimeoutError('replica stream closed'))
    const id = this.#nextId
    this.#nextId = this.#nextId + 1 >= ID_LIMIT ? 1 : this.#nextId + 1
    const payload = fields.payload ?? EMPTY
    // Only protocol 2 knows the flag (protocol 1 refuses an unknown one).
    const syncSoon = session.notices && fields.syncSoon === true
    // Built in the executor: a field out of range rejects the request rather than throwing at the caller.
    return new Promise<ReplicaResponse>((resolve, reject) => {
      const head = framedRequestHead({
        id,
        op: fields.op,
        volume: this.#volume,
        generation: fields.generation,
        offset: fields.offset ?? 0,
        length: fields.length ?? payload.byteLength,
        fua: fields.fua ?? false,
        noHole: fields.noHole ?? false,
        syncSoon
      }, payload.byteLength)
      this.#pending.set(id, {
        resolve: res => {
          if (res.error === '') resolve(res)
          else if (res.error === 'ERR_VOLUME_FENCED') reject(new VolumeFencedError(fields.generation, res.generation))
          else reject(new ReplicaRequestError(res.error))
        },
        reject,
        deadline: performance.now() + this.#init.timeoutMs,
        syncSoon
      })
      this.#deadlines ??= setTimeout(this.#expire, this.#init.timeoutMs)
      // Every request of this turn leaves in one write, the payload as it is after its head; a lone one leaves at once.
      writer.write([head, payload], undefined, this.#pending.size === 1)
    })
  }

  #onFrame (session: Session, payload: Buffer): void {
    if (session.notices && isSynced(payload)) { this.#onSynced(session, decodeSynced(payload)); return }
    const res = decodeResponse(payload)
    const p = this.#pending.get(res.id)
    // An answer nobody waits for is a confused replica; dropping the stream is safer than guessing.
    if (p === undefined) throw new ReplicaRequestError('ERR_BAD_REPLICA_FRAME', `answer to unknown request ${res.id}`)
    this.#pending.delete(res.id)
    session.received++
    if (p.syncSoon) session.hinted = session.received
    p.resolve(res)
  }

  #onSynced (session: Session, answered: number): void {
    // Covering answers not yet received would be a confused replica: a flush trusting it could lose a write.
    if (answered > session.received) throw new ReplicaRequestError('ERR_BAD_REPLICA_FRAME', `synced ${answered} answers of ${session.received}`)
    if (answered <= session.synced) return
    session.synced = answered
    for (const w of session.waiters) {
      if (w.need > answered) continue
      session.waiters.delete(w)
      clearTimeout(w.timer)
      w.resolve()
    }
  }

  /** Resolves once a synced frame covers `need` answers; a timeout or a broken stream rejects, as for a request. */
  #syncedTo (session: Session, need: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#drop(new ReplicaTimeoutError(`replica ${this.node} did not sync in ${this.#init.timeoutMs} ms`), session.stream)
      }, this.#init.timeoutMs)
      session.waiters.add({ need, resolve, reject, timer })
    })
  }

  /** At the oldest pending request's deadline, drops the stream; else waits for that deadline. */
  readonly #expire = (): void => {
    this.#deadlines = undefined
    const oldest = this.#pending.values().next().value
    if (oldest === undefined) return
    const left = oldest.deadline - performance.now()
    if (left > 0) { this.#deadlines = setTimeout(this.#expire, left); return }
    this.#drop(new ReplicaTimeoutError(`replica ${this.node} did not answer in ${this.#init.timeoutMs} ms`))
  }

  /** Fails everything in flight and forgets the stream, so the next request redials (unless closed). */
  #drop (err: Error, stream?: Duplex): void {
    if (stream !== undefined && stream !== this.#stream) return
    const current = this.#stream
    const open = this.#open
    this.#stream = undefined
    this.#session = undefined
    this.#open = undefined
    current?.destroy()
    clearTimeout(this.#deadlines)
    this.#deadlines = undefined
    for (const p of this.#pending.values()) p.reject(err)
    this.#pending.clear()
    for (const w of open?.waiters ?? []) { clearTimeout(w.timer); w.reject(err) }
    open?.waiters.clear()
  }
}
