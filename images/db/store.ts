/**
 * The durable key-value store under the HTTP API.
 *
 *   put/del/incr ──► per-key turn ──► queue ──► one batch, sync:true ──► ack all
 *                     (read, decide)            (group commit)
 *
 * A write is acknowledged only after the LevelDB batch holding it was written
 * with `sync: true` (fdatasync of the log), so kill -9 loses nothing that was
 * acknowledged. Writes that arrive while a batch is syncing wait and go out
 * together in the next one: one fdatasync for many writers.
 *
 * An increment reads the current value, so increments of one key take turns.
 * A turn ends once the write is queued, not once it is durable: the next
 * increment reads the queued value from `#pending` and lands in the same
 * batch or a later one. Batches are written in order, so when an increment is
 * acknowledged every write queued before it is durable too.
 */
import { Level } from 'level'

/** Most operations in one synced batch; bounds the latency of the batch. */
const MAX_BATCH_OPS = 1000

/** Thrown when a counter's stored value is not a decimal integer. */
export class NotACounterError extends Error {
  readonly code = 'ERR_NOT_A_COUNTER'
  constructor (key: string) {
    super(`value of ${key} is not a decimal integer`)
  }
}

/** One entry of a listing. */
export interface Entry {
  key: Buffer
  value: Buffer
}

/** A queued write; boxed so that awaiting the decision does not await durability. */
interface Queued {
  durable: Promise<void>
}

interface Op {
  type: 'put' | 'del'
  key: Buffer
  value?: Buffer
  seq: number
  done: (err?: Error) => void
}

/** A LevelDB with synced, group-committed writes and atomic counters. */
export class Store {
  readonly #db: Level<Buffer, Buffer>
  #queue: Op[] = []
  #flushing = false
  #seq = 0
  /** Queued or in-flight values by key (hex), newest write wins; undefined value = deleted. */
  readonly #pending = new Map<string, { seq: number, value: Buffer | undefined }>()
  /** The tail of each key's chain of mutations (see #turn). */
  readonly #turns = new Map<string, Promise<void>>()
  #closing: Promise<void> | undefined
  #batches = 0
  #writes = 0

  constructor (location: string) {
    this.#db = new Level<Buffer, Buffer>(location, { keyEncoding: 'buffer', valueEncoding: 'buffer' })
  }

  /** Synced batches written and writes in them since open; writes/batches is the group-commit factor. */
  get stats (): { batches: number, writes: number } {
    return { batches: this.#batches, writes: this.#writes }
  }

  /** Opens (creating if needed) the database. */
  async open (): Promise<void> {
    await this.#db.open()
  }

  /** The committed value of `key`, or undefined. */
  async get (key: Buffer): Promise<Buffer | undefined> {
    return await (this.#db.get(key) as Promise<Buffer | undefined>)
  }

  /** Stores `value`; resolves once durable. */
  async put (key: Buffer, value: Buffer): Promise<void> {
    await this.#turn(key, async () => ({ durable: this.#enqueue('put', key, value) }))
  }

  /** Deletes `key`; resolves once durable. */
  async del (key: Buffer): Promise<void> {
    await this.#turn(key, async () => ({ durable: this.#enqueue('del', key, undefined) }))
  }

  /** Adds `by` to the decimal counter at `key` (absent = 0); resolves with the new value once durable. */
  async incr (key: Buffer, by: bigint): Promise<bigint> {
    let next = 0n
    await this.#turn(key, async () => {
      const id = key.toString('hex')
      const queued = this.#pending.get(id)
      const current = queued !== undefined ? queued.value : await this.get(key)
      const text = current === undefined ? '0' : current.toString('utf8')
      if (!/^-?\d+$/.test(text)) throw new NotACounterError(key.toString('utf8'))
      next = BigInt(text) + by
      return { durable: this.#enqueue('put', key, Buffer.from(next.toString())) }
    })
    return next
  }

  /** Up to `limit` committed entries in [gte, lt), in key order or reversed. */
  async list (gte: Buffer, lt: Buffer | undefined, limit: number, reverse: boolean): Promise<Entry[]> {
    const range = lt === undefined ? { gte } : { gte, lt }
    const out: Entry[] = []
    for await (const [key, value] of this.#db.iterator({ ...range, limit, reverse })) out.push({ key, value })
    return out
  }

  /** Waits for queued writes, then closes LevelDB. Idempotent. */
  async close (): Promise<void> {
    this.#closing ??= (async () => {
      await Promise.allSettled([...this.#turns.values()])
      while (this.#flushing || this.#queue.length > 0) await new Promise(resolve => setImmediate(resolve))
      await this.#db.close()
    })()
    return await this.#closing
  }

  /**
   * Runs `decide` after every earlier mutation of `key` has been queued, and
   * resolves when the write it queued is durable. Only the deciding part is
   * serialised; durability is awaited outside the turn so that the next writer
   * of the key can join the same batch.
   */
  async #turn (key: Buffer, decide: () => Promise<Queued>): Promise<void> {
    if (this.#closing !== undefined) throw new Error('store is closing')
    const id = key.toString('hex')
    const before = this.#turns.get(id) ?? Promise.resolve()
    const mine = before.then(decide)
    const tail = mine.then(() => {}, () => {})
    this.#turns.set(id, tail)
    void tail.then(() => { if (this.#turns.get(id) === tail) this.#turns.delete(id) })
    const { durable } = await mine
    await durable
  }

  /**
   * Queues a write; the promise resolves when it is durable. If a batch fails,
   * its writers get the error; a later increment may already have read a
   * failed value, which can only make a counter larger, never lose an ack.
   */
  #enqueue (type: 'put' | 'del', key: Buffer, value: Buffer | undefined): Promise<void> {
    const seq = ++this.#seq
    this.#pending.set(key.toString('hex'), { seq, value })
    const durable = new Promise<void>((resolve, reject) => {
      this.#queue.push({ type, key, value, seq, done: err => err === undefined ? resolve() : reject(err) })
    })
    void this.#flush()
    return durable
  }

  async #flush (): Promise<void> {
    if (this.#flushing) return
    this.#flushing = true
    try {
      while (this.#queue.length > 0) {
        const ops = this.#queue.splice(0, MAX_BATCH_OPS)
        let failure: Error | undefined
        try {
          await this.#db.batch(ops.map(o => o.type === 'put'
            ? { type: 'put' as const, key: o.key, value: o.value as Buffer }
            : { type: 'del' as const, key: o.key }), { sync: true })
          this.#batches++
          this.#writes += ops.length
        } catch (err) {
          failure = err instanceof Error ? err : new Error(String(err))
        }
        for (const o of ops) {
          const id = o.key.toString('hex')
          // Once written (or failed) the committed value is the truth again.
          if (this.#pending.get(id)?.seq === o.seq) this.#pending.delete(id)
          o.done(failure)
        }
      }
    } finally {
      this.#flushing = false
    }
  }
}
