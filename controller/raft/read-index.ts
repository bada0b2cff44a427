import type { NodeId } from './types.ts'

/** A read waiting for a heartbeat round to confirm the leader still leads. */
export interface PendingRead {
  /** Position in this leader's sequence of reads; heartbeats carry the latest one. */
  seq: number
  /** The commit index when the read arrived: the read may be served once applied reaches it. */
  index: number
  /** Who asked: this node (answered through Ready.readStates) or a follower (answered by message). */
  from: NodeId
  context: Uint8Array
}

/**
 * The leader's queue of ReadIndex requests (Raft thesis §6.4). Each read
 * records the commit index on arrival and waits until a quorum has answered a
 * heartbeat sent after it: only then is it sure no newer leader had committed
 * anything it lacks. A response to a later heartbeat confirms every earlier
 * read, so heartbeats carry only the newest sequence number.
 */
export class ReadQueue {
  #seq = 0
  #pending: PendingRead[] = []
  /** Highest sequence each peer has echoed. */
  #acks = new Map<NodeId, number>()

  get size (): number { return this.#pending.length }

  add (index: number, from: NodeId, context: Uint8Array): void {
    this.#pending.push({ seq: ++this.#seq, index, from, context })
  }

  /** The heartbeat context to confirm every pending read; empty when none wait. */
  heartbeatContext (): Uint8Array {
    return this.#pending.length === 0 ? EMPTY : encodeSeq(this.#seq)
  }

  ack (from: NodeId, context: Uint8Array): void {
    const seq = decodeSeq(context)
    if (seq === undefined) return
    if (seq > (this.#acks.get(from) ?? 0)) this.#acks.set(from, seq)
  }

  /**
   * Releases the reads a quorum of voters has confirmed. The leader counts as
   * having confirmed everything if it is a voter itself.
   */
  release (voters: readonly NodeId[], self: NodeId, quorum: number): PendingRead[] {
    if (this.#pending.length === 0) return []
    const acked = voters.map(v => v === self ? Infinity : (this.#acks.get(v) ?? 0)).sort((a, b) => b - a)
    const confirmed = acked[quorum - 1] ?? 0
    let n = 0
    while (n < this.#pending.length && this.#pending[n]!.seq <= confirmed) n++
    if (n === 0) return []
    return this.#pending.splice(0, n)
  }
}

const EMPTY = new Uint8Array(0)

/** Sequence numbers travel as 8 little-endian bytes, as an opaque heartbeat context. */
function encodeSeq (seq: number): Uint8Array {
  const b = new Uint8Array(8)
  new DataView(b.buffer).setFloat64(0, seq, true)
  return b
}

function decodeSeq (ctx: Uint8Array): number | undefined {
  if (ctx.byteLength !== 8) return undefined
  const v = new DataView(ctx.buffer, ctx.byteOffset, 8).getFloat64(0, true)
  return Number.isSafeInteger(v) && v > 0 ? v : undefined
}
