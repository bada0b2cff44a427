import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import type { Transport } from '../../network/index.ts'
import { readFrames, TurnWriter } from '../../network/index.ts'
import { VolumeFencedError } from '../block/index.ts'
import { ReplicaClosedError, ReplicaRequestError, ReplicaTimeoutError } from './errors.ts'
import {
  MAX_FRAME, Op, REPLICA_PROTOCOL, decodeGeometry, decodeResponse, framedRequestHead,
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
  payload?: Uint8Array
}

/** One open stream to the replica and its writer. */
interface Session {
  stream: Duplex
  writer: TurnWriter
}

interface Pending {
  resolve: (res: ReplicaResponse) => void
  reject: (err: Error) => void
  timer: NodeJS.Timeout
}

const EMPTY = new Uint8Array(0)
/** Request ids wrap at 32 bits; far more than can be in flight. */
const ID_LIMIT = 2 ** 32

/**
 * One primary's stream to one replica of one volume. The first request dials
 * and says hello at the client's generation (fencing older primaries there and
 * checking the geometry); requests are then pipelined on the one stream, sent
 * in call order, matched to answers by id. A timeout or a broken stream fails
 * every request in flight and drops the stream: the caller treats the replica
 * as out of sync, so there is nothing to resume.
 */
export class ReplicaClient {
  readonly node: string
  readonly #init: ReplicaClientInit
  readonly #transport: Transport
  readonly #log: Logger
  readonly #pending = new Map<number, Pending>()
  /** The volume id in UTF-8, as every request carries it. */
  readonly #volume: Uint8Array
  #nextId = 1
  #session?: Promise<Session>
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
  async request (fields: RequestFields): Promise<ReplicaResponse> {
    return await this.#send(await this.#connected(), fields)
  }

  /** Destroys the stream and fails what is in flight; the same promise however often called. */
  close (): Promise<void> {
    this.#closing ??= Promise.resolve().then(() => { this.#drop(new ReplicaClosedError('replica client closed')) })
    return this.#closing
  }

  #connected (): Promise<Session> {
    if (this.#closing !== undefined) return Promise.reject(new ReplicaClosedError('replica client closed'))
    // A failed dial or hello is forgotten, so the next request (after setInSync re-adds the node) tries afresh.
    this.#session ??= this.#open().catch((err: unknown) => { this.#session = undefined; throw err })
    return this.#session
  }

  async #open (): Promise<Session> {
    const stream = await this.#transport.dial(this.node, REPLICA_PROTOCOL)
    if (this.#closing !== undefined) { stream.destroy(); throw new ReplicaClosedError('replica client closed') }
    this.#stream = stream
    const session = { stream, writer: new TurnWriter(stream) }
    stream.on('error', () => {})
    readFrames(stream, MAX_FRAME, payload => { this.#onFrame(payload) }).then(
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
    this.#log.debug({ geometry }, 'replica accepted the generation')
    return session
  }

  #send ({ stream, writer }: Session, fields: RequestFields): Promise<ReplicaResponse> {
    if (stream.destroyed) return Promise.reject(new ReplicaTimeoutError('replica stream closed'))
    const id = this.#nextId
    this.#nextId = this.#nextId + 1 >= ID_LIMIT ? 1 : this.#nextId + 1
    const payload = fields.payload ?? EMPTY
    const head = framedRequestHead({
      id,
      op: fields.op,
      volume: this.#volume,
      generation: fields.generation,
      offset: fields.offset ?? 0,
      length: fields.length ?? payload.byteLength,
      fua: fields.fua ?? false,
      noHole: fields.noHole ?? false
    }, payload.byteLength)
    return new Promise<ReplicaResponse>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#drop(new ReplicaTimeoutError(`replica ${this.node} did not answer in ${this.#init.timeoutMs} ms`), stream)
      }, this.#init.timeoutMs)
      this.#pending.set(id, {
        resolve: res => {
          if (res.error === '') resolve(res)
          else if (res.error === 'ERR_VOLUME_FENCED') reject(new VolumeFencedError(fields.generation, res.generation))
          else reject(new ReplicaRequestError(res.error))
        },
        reject,
        timer
      })
      // Every request of this turn leaves in one write, the payload as it is after its head; a lone one leaves at once.
      writer.write([head, payload], undefined, this.#pending.size === 1)
    })
  }

  #onFrame (payload: Buffer): void {
    const res = decodeResponse(payload)
    const p = this.#pending.get(res.id)
    // An answer nobody waits for is a confused replica; dropping the stream is safer than guessing.
    if (p === undefined) throw new ReplicaRequestError('ERR_BAD_REPLICA_FRAME', `answer to unknown request ${res.id}`)
    this.#pending.delete(res.id)
    clearTimeout(p.timer)
    p.resolve(res)
  }

  /** Fails everything in flight and forgets the stream, so the next request redials (unless closed). */
  #drop (err: Error, stream?: Duplex): void {
    if (stream !== undefined && stream !== this.#stream) return
    const current = this.#stream
    this.#stream = undefined
    this.#session = undefined
    current?.destroy()
    for (const p of this.#pending.values()) { clearTimeout(p.timer); p.reject(err) }
    this.#pending.clear()
  }
}
