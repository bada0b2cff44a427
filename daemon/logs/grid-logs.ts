import type { Logger } from 'pino'
import type { Clock } from '../../controller/clock/index.ts'
import type { Transport } from '../network/index.ts'
import { Channel } from './channel.ts'
import { remoteLog } from './client.ts'
import { conditionNotices, type InstanceCondition } from './notices.ts'
import type { LogLine, StreamChoice } from './read.ts'
import { localLog, type LocalLogs } from './source.ts'
import type { LogQuery } from './wire.ts'

/** How often a follower looks whether its instance moved or changed state, ms. */
export const WATCH_MS = 500 // ms
/** How far before a move a follower starts reading at the new node, ms: the instance may start there before the follower sees the move. */
export const MOVE_LOOKBACK_MS = 5000 // ms
/** Pause before a broken stream to the same node is opened again, ms. */
const RETRY_MS = 1000 // ms
/** Longest a read waits for the node that runs an instance, ms. */
const READ_TIMEOUT_MS = 10_000 // ms

/** What GridLogs reads. */
export interface GridLogsComponents {
  selfId: string
  transport: Transport
  logs: LocalLogs
  clock: Clock
  logger: Logger
  /** The node the committed state places an instance on. */
  placementOf: (instance: string) => string | undefined
  /** How the instance is doing where it runs; undefined before its node has reported it. */
  conditionOf: (instance: string) => InstanceCondition | undefined
  nameOf: (node: string) => string
}

/** What to read of each instance. */
export interface LogRequestOptions {
  tail?: number
  since?: number
  stream: StreamChoice
}

/** One instance's lines as a read returns them, with what an operator should know when there are none. */
export interface InstanceLog {
  instance: string
  /** The node the lines come from. */
  node?: string
  lines: LogLine[]
  notices: string[]
}

/** What a follow yields: a line of one instance, or a notice about it (moved, crash-looping, unreachable). */
export type LogEvent =
  | { instance: string, node: string, line: LogLine }
  | { instance: string, notice: string }

/**
 * An app's logs from any node: each instance's lines are read where the
 * committed state places it, on this node directly or over the mesh from
 * that node's LogServer. A follow watches the placement and switches to the
 * new node when the instance moves; notices say so, and say when an
 * instance has nothing to show or keeps crashing, so that empty output is
 * never the only answer.
 */
export class GridLogs {
  readonly #c: GridLogsComponents

  constructor (components: GridLogsComponents) {
    this.#c = components
  }

  /** The lines each instance has written so far, read in parallel from their nodes. */
  async read (instances: string[], o: LogRequestOptions): Promise<InstanceLog[]> {
    return await Promise.all(instances.map(async id => await this.#readOne(id, o)))
  }

  async #readOne (instance: string, o: LogRequestOptions): Promise<InstanceLog> {
    const node = this.#c.placementOf(instance)
    if (node === undefined) return { instance, lines: [], notices: [`${instance}: not placed on any node yet`] }
    const lines: LogLine[] = []
    const notices: string[] = []
    try {
      for await (const batch of this.#source(node, { instance, ...o, follow: false }, AbortSignal.timeout(READ_TIMEOUT_MS))) lines.push(...batch)
    } catch (err) {
      notices.push(`${instance}: cannot read its log on ${this.#c.nameOf(node)}: ${(err as Error).message}`)
    }
    notices.push(...conditionNotices(instance, this.#c.nameOf(node), this.#c.conditionOf(instance), lines.length === 0))
    return { instance, node, lines, notices }
  }

  /** Lines as they are written, from wherever each instance runs, until the signal aborts. */
  follow (instances: string[], o: LogRequestOptions, signal: AbortSignal): AsyncIterable<LogEvent> {
    const out = new Channel<LogEvent>()
    let running = instances.length
    for (const id of instances) {
      void this.#followOne(id, o, out, signal)
        .catch((err: unknown) => { this.#c.logger.warn({ err, instance: id }, 'log follow failed') })
        .finally(() => { if (--running === 0) out.end() })
    }
    if (running === 0) out.end()
    // A reader gone for good must not leave followers waiting for room.
    signal.addEventListener('abort', () => { out.end() }, { once: true })
    return out
  }

  async #followOne (instance: string, o: LogRequestOptions, out: Channel<LogEvent>, signal: AbortSignal): Promise<void> {
    const emit = async (e: LogEvent): Promise<void> => { out.push(e); await out.drained() }
    let query: LogQuery = { instance, tail: o.tail, since: o.since, stream: o.stream, follow: true }
    let waitingNoticed = false
    // One notice per outage of a node's stream, not one per retry.
    let lostNoticed = false
    let condition = this.#c.conditionOf(instance)
    let lastNode: string | undefined
    // Lines at the newest time seen, so a stream opened again from that time does not repeat them.
    let lastAt = 0
    let atLast = new Set<string>()
    while (!signal.aborted) {
      const node = this.#c.placementOf(instance)
      if (node === undefined) {
        if (!waitingNoticed) await emit({ instance, notice: `${instance}: not placed on any node yet; waiting` })
        waitingNoticed = true
        await this.#c.clock.sleep(WATCH_MS, signal).catch(() => {})
        continue
      }
      waitingNoticed = false
      const name = this.#c.nameOf(node)
      if (lastNode !== undefined && node !== lastNode) {
        await emit({ instance, notice: `${instance}: moved from ${this.#c.nameOf(lastNode)} to ${name}; following its log there` })
        // Another node's clock and file: start just before the move was seen, with nothing to skip.
        query = { ...query, tail: undefined, since: Math.max(0, this.#c.clock.now() - MOVE_LOOKBACK_MS) }
        lastAt = 0
        atLast = new Set()
        lostNoticed = false
      }
      lastNode = node
      for (const n of conditionNotices(instance, name, condition, false)) await emit({ instance, notice: n })
      const ac = new AbortController()
      const both = AbortSignal.any([signal, ac.signal])
      // The watch ends this stream when the instance moves, and tells of restarts and back-off meanwhile.
      const watch = (async () => {
        while (!both.aborted) {
          await this.#c.clock.sleep(WATCH_MS, both).catch(() => {})
          if (both.aborted) return
          if (this.#c.placementOf(instance) !== node) { ac.abort(); return }
          const next = this.#c.conditionOf(instance)
          for (const n of changeNotices(instance, name, condition, next)) await emit({ instance, notice: n })
          condition = next ?? condition
        }
      })()
      try {
        for await (const batch of this.#source(node, query, both)) {
          for (const line of batch) {
            if (line.at < lastAt || (line.at === lastAt && atLast.has(line.text))) continue
            if (line.at > lastAt) { lastAt = line.at; atLast = new Set() }
            atLast.add(line.text)
            lostNoticed = false
            await emit({ instance, node, line })
          }
        }
      } catch (err) {
        if (!both.aborted && !lostNoticed) await emit({ instance, notice: `${instance}: lost its log on ${name}: ${(err as Error).message}; trying again` })
        lostNoticed = true
      }
      ac.abort()
      await watch
      if (signal.aborted) return
      // Moved: the loop's top follows it. Still placed there: open the stream again from the last line seen.
      if (this.#c.placementOf(instance) === node) {
        query = { ...query, tail: undefined, since: lastAt === 0 ? query.since : lastAt }
        await this.#c.clock.sleep(RETRY_MS, signal).catch(() => {})
      }
    }
  }

  #source (node: string, q: LogQuery, signal: AbortSignal): AsyncGenerator<LogLine[]> {
    return node === this.#c.selfId ? localLog(this.#c.logs, q, signal) : remoteLog(this.#c.transport, node, q, signal)
  }
}

/** What changed about an instance since the last look, for a follower: restarts, back-off, given up. */
function changeNotices (instance: string, node: string, before: InstanceCondition | undefined, now: InstanceCondition | undefined): string[] {
  if (now === undefined) return []
  if (before !== undefined && now.restarts > before.restarts && now.state !== 'backoff' && now.state !== 'failed') {
    return [`${instance}: restarted on ${node} (restart ${now.restarts}${now.lastExit !== undefined ? `, last exit: ${now.lastExit}` : ''})`]
  }
  if (before?.state === now.state && before.restarts === now.restarts) return []
  return conditionNotices(instance, node, now, false)
}
