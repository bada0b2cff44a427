import type { Message, RaftNode, Ready } from '../../controller/raft/index.ts'
import type { ReadyWrite } from './storage.ts'

/** What the pipeline drives: the core, the disk, and the driver's send and apply. */
export interface PipelineParts {
  node: RaftNode
  /** Writes consecutive Readys in one durable batch (LevelStorage.persistAll). */
  persist: (rds: readonly ReadyWrite[]) => Promise<void>
  /** Sends one message; never throws (a message that cannot go is Raft's ordinary loss). */
  send: (m: Message) => void
  /** Puts the messages sent so far on the wire now rather than after the current task. */
  flush?: () => void
  /** Applies a Ready's snapshot, committed entries and read states, in Ready order. */
  apply: (rd: Ready) => void
  /** A Ready was advanced (its writes are durable). */
  advanced: (rd: Ready) => void
  /** Persisting failed: the driver must stop, Raft's promises are at stake. */
  failed: (err: unknown) => void
  /** Hands the core what callers proposed since the last run, so that it travels in one Ready. */
  propose?: () => void
}

/**
 * The driver loop over the Raft core, in one of two modes.
 *
 * Pipelined (the core built with asyncStorageWrites): each Ready is handed
 * out at once — its early messages sent (a leader's appends leave while its
 * own disk write runs) and its committed entries applied (they are on a
 * quorum's disks; the commit index write is not awaited) — and its writes
 * queued. Appends with entries are put on the wire before the write is
 * handed to the disk, and entries are applied once it is (see #handOut). One
 * write is in flight at a time and takes every Ready queued behind it in ONE
 * synced batch (group commit); when it is durable its Readys' after-persist
 * messages (acknowledgements, votes) go on the wire at once, then each Ready
 * is advanced, in order, which lets a leader count its own entries.
 *
 * Serial (the core's default contract): one Ready at a time — persist, then
 * send, apply, advance — as the driver always did.
 *
 * Either way the loop runs after the task that gave it work (a microtask),
 * so the messages and proposals of one callback share a Ready; in pipelined
 * mode every Ready handed out while a write runs shares the next one, so a
 * busy node makes one synced batch per write, not per message.
 */
export class ReadyPipeline {
  readonly #p: PipelineParts
  readonly #async: boolean
  #queue: Ready[] = []
  /** Pipelined: Readys handed out, not yet applied; `sent` once their messages went. */
  #handedOut: Array<{ rd: Ready, sent: boolean }> = []
  #writing: Promise<void> | undefined
  #scheduled = false
  #stopped = false

  constructor (parts: PipelineParts, init: { async: boolean }) {
    this.#p = parts
    this.#async = init.async
  }

  /**
   * Runs the loop once the current task is done (once, however often called):
   * what one callback delivered shares a Ready, and the Ready goes out
   * without waiting for the rest of the event-loop turn. (A later setImmediate
   * batched more per Ready but measured slower: writes are batched anyway.)
   */
  kick (): void {
    if (this.#scheduled || this.#stopped) return
    this.#scheduled = true
    const run = (): void => {
      this.#scheduled = false
      this.#drain()
    }
    queueMicrotask(run)
  }

  /** Stops handing out Readys and resolves once the write in flight (if any) is done. */
  async stop (): Promise<void> {
    this.#stopped = true
    await this.#writing
  }

  #drain (): void {
    if (this.#stopped) return
    try {
      this.#p.propose?.()
      this.#handOut()
      // Started only with work queued: the loop then awaits before it can finish. It applies
      // what was handed out once its write is submitted; with a write in flight, apply now.
      if (this.#writing === undefined && this.#queue.length > 0) this.#writing = this.#write()
      else this.#applyHandedOut()
    } catch (err) {
      this.#fail(err)
    }
  }

  /**
   * Takes every Ready the core has (one in serial mode) and queues its write.
   * Pipelined, when any of them has entries to replicate their messages are
   * sent now (the followers' disk writes, which the commit waits for, start
   * with them); they are applied once the write is submitted (applying a
   * large batch must not hold back this node's own write). Otherwise
   * (a leader's Ready that only commits, whose messages tell the followers
   * the commit index) they are applied first and sent after, so that their
   * proposers are answered first. Messages keep their order either way.
   */
  #handOut (): void {
    const node = this.#p.node
    const taken: Ready[] = []
    while (node.hasReady()) {
      const rd = node.ready()
      this.#queue.push(rd)
      if (!this.#async) return
      taken.push(rd)
    }
    if (taken.length === 0) return
    const replicating = taken.some(rd => rd.messages.some(carriesEntries))
    if (replicating) for (const rd of taken) for (const m of rd.messages) this.#p.send(m)
    for (const rd of taken) this.#handedOut.push({ rd, sent: replicating })
  }

  /** Applies the Readys handed out (pipelined), in order, and sends the messages not sent yet. */
  #applyHandedOut (): void {
    const handed = this.#handedOut
    this.#handedOut = []
    for (const { rd, sent } of handed) {
      this.#p.apply(rd)
      if (!sent) for (const m of rd.messages) this.#p.send(m)
    }
  }

  async #write (): Promise<void> {
    const node = this.#p.node
    try {
      while (this.#queue.length > 0 && !this.#stopped) {
        const batch = this.#queue
        this.#queue = []
        // A leader's appends go on the wire before its own write is handed to the disk (a
        // synced batch costs tens of µs of this thread to submit): the followers' writes,
        // which a commit waits for, start that much sooner.
        if (this.#async && batch.some(rd => rd.entries.length > 0)) this.#p.flush?.()
        const persisting = this.#p.persist(batch)
        this.#applyHandedOut()
        await persisting
        if (this.#async) {
          // The acknowledgements (and votes) leave at once, before the bookkeeping: a leader's commit waits for them.
          let sent = 0
          for (const rd of batch) for (const m of rd.messagesAfterPersist) { this.#p.send(m); sent++ }
          if (sent > 0) this.#p.flush?.()
        }
        for (const rd of batch) {
          if (!this.#async) {
            for (const m of rd.messages) this.#p.send(m)
            this.#p.apply(rd)
          }
          node.advance(rd)
          this.#p.advanced(rd)
        }
        // At once rather than next turn (a leader's own write may just have committed entries);
        // what it queues, this loop writes next.
        if (!this.#stopped) this.#handOut()
      }
    } catch (err) {
      this.#fail(err)
    } finally {
      this.#writing = undefined
    }
  }

  #fail (err: unknown): void {
    this.#stopped = true
    this.#p.failed(err)
  }
}

/** An append with entries: replication, which the followers' disk writes (and so the commit) wait for. */
function carriesEntries (m: Message): boolean {
  return m.type === 'append' && m.entries.length > 0
}
