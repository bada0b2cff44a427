import type { Clock } from '../../controller/clock/index.ts'
import { followInstanceLog } from './follow.ts'
import { readInstanceLog, type LogLine } from './read.ts'
import type { LogQuery } from './wire.ts'

/** This node's instance logs: where they are and how many files each stream keeps. */
export interface LocalLogs {
  clock: Clock
  dir: string
  files: number
}

/** Lines per batch a local read yields, so a large tail reaches the asker in pieces. */
const BATCH_LINES = 1000

/**
 * An instance's lines on this node as a query asks for them: the tail or
 * the lines since a time, then, when following, new lines as they come until
 * the signal aborts. What the LogServer sends, and what the node asked reads
 * directly when the instance runs on it.
 */
export async function * localLog (logs: LocalLogs, q: LogQuery, signal: AbortSignal): AsyncGenerator<LogLine[]> {
  const read = await readInstanceLog(logs.dir, q.instance, {
    tail: q.tail, since: q.since, stream: q.stream, files: logs.files, now: logs.clock.now(), partial: !q.follow
  })
  for (let i = 0; i < read.lines.length; i += BATCH_LINES) yield read.lines.slice(i, i + BATCH_LINES)
  if (!q.follow || signal.aborted) return
  yield * followInstanceLog({ clock: logs.clock }, logs.dir, q.instance, { stream: q.stream, from: read.position, signal })
}
