import type { Duplex } from 'node:stream'
import type { Logger } from 'pino'
import { trellis } from '../../proto/gen/trellis.js'
import type { Clock } from '../../controller/clock/index.ts'
import type { ApplyResult } from '../../controller/state/index.ts'
import type { Transport } from '../network/index.ts'
import { ForwardedError, NotLeaderError, UnavailableError } from './errors.ts'
import { frame, readOneFrame } from '../network/index.ts'
import { awaitedTimer } from './waiters.ts'

/** Request/response protocol a follower uses to hand a proposal to the leader. */
export const FORWARD_PROTOCOL = '/trellis/raft-forward/1'

/** Largest forwarded command or answer: commands are app specs, far below this. */
const MAX_FORWARD_BYTES = 16 * 1024 * 1024 // bytes
/** How long the leader waits for a request frame before closing the stream. */
const REQUEST_READ_MS = 5000 // ms

const pb = trellis.raft

/** A command's result and the log index it applied at. */
export interface Applied {
  result: ApplyResult
  index: number
}

/** What the leader side needs from the driver. */
export interface ForwardTarget {
  /** Proposes on this node as leader and resolves once applied; throws ERR_NOT_LEADER-coded errors when not the leader. */
  proposeLocal (data: Uint8Array): Promise<Applied>
  /** The leader this node knows, if any. */
  leader (): string | null
}

/**
 * Both ends of `/trellis/raft-forward/1`: one stream per proposal, one
 * ForwardRequest frame in, one ForwardResponse frame out. A garbled request
 * closes the stream and is counted; it never reaches the log.
 */
export class ProposalForwarder {
  readonly #transport: Transport
  readonly #clock: Clock
  readonly #logger: Logger
  readonly #target: ForwardTarget
  readonly #streams = new Set<Duplex>()
  #garbled = 0
  #started = false
  #stopped = false

  constructor (components: { transport: Transport, clock: Clock, logger: Logger }, init: { target: ForwardTarget }) {
    this.#transport = components.transport
    this.#clock = components.clock
    this.#logger = components.logger
    this.#target = init.target
  }

  /** Forward requests refused as garbled. */
  get garbled (): number {
    return this.#garbled
  }

  /** Starts answering forwarded proposals. Idempotent. */
  start (): void {
    if (this.#started || this.#stopped) return
    this.#started = true
    this.#transport.handle(FORWARD_PROTOCOL, (stream) => { void this.#serve(stream) })
  }

  /** Stops answering and destroys open streams. Idempotent. */
  stop (): void {
    if (this.#stopped) return
    this.#stopped = true
    if (this.#started) this.#transport.unhandle(FORWARD_PROTOCOL)
    for (const s of this.#streams) s.destroy()
    this.#streams.clear()
  }

  /**
   * Sends a proposal to `leader` and waits for its answer until `deadline`
   * (clock ms). NotLeaderError means it was surely not proposed (retry is
   * safe); UnavailableError means the answer was lost and the outcome is unknown.
   */
  async forward (leader: string, data: Uint8Array, deadline: number): Promise<Applied> {
    const ac = new AbortController()
    const timer = awaitedTimer(this.#clock, deadline - this.#clock.now(), () => { ac.abort(new UnavailableError('forwarded proposal timed out')) })
    let stream: Duplex
    try {
      stream = await this.#transport.dial(leader, FORWARD_PROTOCOL, { signal: ac.signal })
    } catch (err) {
      timer.cancel()
      // Nothing reached the leader, so nothing was proposed.
      throw new NotLeaderError(leader, `leader ${leader} cannot be reached`, { cause: err })
    }
    this.#streams.add(stream)
    stream.on('error', () => {})
    try {
      stream.write(frame(pb.ForwardRequest.encode({ command: data }).finish()))
      const payload = await readOneFrame(stream, MAX_FORWARD_BYTES, ac.signal)
      return decodeAnswer(payload)
    } catch (err) {
      if ((err as { code?: string }).code === 'ERR_NOT_LEADER' || err instanceof ForwardedError) throw err
      throw new UnavailableError('the answer to a forwarded proposal was lost', { cause: err })
    } finally {
      timer.cancel()
      this.#streams.delete(stream)
      stream.destroy()
    }
  }

  async #serve (stream: Duplex): Promise<void> {
    this.#streams.add(stream)
    stream.on('error', () => {})
    const ac = new AbortController()
    const timer = this.#clock.setTimeout(() => { ac.abort(new Error('no request in time')) }, REQUEST_READ_MS)
    let command: Uint8Array
    try {
      const payload = await readOneFrame(stream, MAX_FORWARD_BYTES, ac.signal)
      const req = pb.ForwardRequest.decode(payload)
      if (req.command.byteLength === 0) throw new Error('empty command')
      command = req.command
    } catch (err) {
      timer.cancel()
      this.#garbled++
      this.#logger.warn({ err }, 'garbled forwarded proposal dropped')
      this.#streams.delete(stream)
      stream.destroy()
      return
    }
    timer.cancel()
    let answer: trellis.raft.ForwardResponse.$Properties
    try {
      const { result, index } = await this.#target.proposeLocal(command)
      answer = { status: pb.ForwardStatus.OK, resultJson: JSON.stringify(result), index }
    } catch (err) {
      const code = (err as { code?: string }).code ?? 'ERR_UNKNOWN'
      answer = code === 'ERR_NOT_LEADER' || code === 'ERR_TRANSFER_IN_PROGRESS' || code === 'ERR_PROPOSAL_DROPPED'
        ? { status: pb.ForwardStatus.NOT_LEADER, leader: this.#target.leader() ?? '' }
        : { status: pb.ForwardStatus.ERROR, code, message: (err as Error).message }
    }
    if (stream.destroyed) { this.#streams.delete(stream); return }
    stream.once('close', () => this.#streams.delete(stream))
    stream.end(frame(pb.ForwardResponse.encode(answer).finish()))
  }
}

function decodeAnswer (payload: Uint8Array): Applied {
  const res = pb.ForwardResponse.decode(payload)
  switch (res.status) {
    case pb.ForwardStatus.OK:
      return { result: JSON.parse(res.resultJson) as ApplyResult, index: Number(res.index) }
    case pb.ForwardStatus.NOT_LEADER:
      throw new NotLeaderError(res.leader === '' ? null : res.leader, 'the forward target is not the leader')
    case pb.ForwardStatus.ERROR:
      throw new ForwardedError(res.code === '' ? 'ERR_UNKNOWN' : res.code, res.message)
    default:
      throw new Error(`unknown forward status ${String(res.status)}`)
  }
}
