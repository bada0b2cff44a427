import { open, stat } from 'node:fs/promises'
import type { Clock } from '../../controller/clock/index.ts'
import { logFile, splitLines, type LogLine, type LogPosition, type LogStream, type StreamChoice } from './read.ts'
import { rotatedPath } from './rotate.ts'

/** How often a follower looks for new lines, ms. */
export const FOLLOW_POLL_MS = 250 // ms
/** A last line without its newline is given anyway once it has waited this long, ms (a prompt, a progress dot). */
export const PARTIAL_FLUSH_MS = 1000 // ms
/** Most bytes read from one file in one poll; the rest waits for the next. */
const MAX_POLL_BYTES = 1024 * 1024 // bytes

/** What a follower reads and from where. */
export interface FollowOptions {
  stream: StreamChoice
  /** Offsets in the live files to go on from (readInstanceLog's position). */
  from: LogPosition
  signal: AbortSignal
  pollMs?: number
}

interface Cursor {
  stream: LogStream
  path: string
  offset: number
  /** Bytes of a line whose newline has not come yet, and since when it waits. */
  pending: Buffer
  pendingSince: number
}

/**
 * Yields an instance's new lines as they are written, across restarts (the
 * files are appended to) and rotations (a live file shorter than the offset
 * was copied to `.1`: the rest is read there first). Ends when the signal
 * aborts. Lines are stamped with the time they were seen.
 */
export async function * followInstanceLog (components: { clock: Clock }, dir: string, id: string, o: FollowOptions): AsyncGenerator<LogLine[]> {
  const cursors: Cursor[] = (['stdout', 'stderr'] as const)
    .filter(s => o.stream === 'both' || o.stream === s)
    .map(s => ({ stream: s, path: logFile(dir, id, s), offset: o.from[s], pending: Buffer.alloc(0), pendingSince: 0 }))
  while (!o.signal.aborted) {
    const now = components.clock.now()
    const batch: LogLine[] = []
    for (const c of cursors) batch.push(...await poll(c, now))
    if (batch.length > 0) yield batch
    try {
      await components.clock.sleep(o.pollMs ?? FOLLOW_POLL_MS, o.signal)
    } catch {
      return
    }
  }
}

async function poll (c: Cursor, now: number): Promise<LogLine[]> {
  const size = await sizeOf(c.path)
  const bufs: Buffer[] = []
  if (size < c.offset) {
    // Rotated since the last poll: the bytes past our offset went to `.1` with the rest.
    bufs.push(await readFrom(rotatedPath(c.path, 1), c.offset))
    c.offset = 0
  }
  const fresh = await readFrom(c.path, c.offset, Math.min(size, c.offset + MAX_POLL_BYTES))
  c.offset += fresh.length
  bufs.push(fresh)
  const got = Buffer.concat(bufs)
  if (got.length === 0) {
    if (c.pending.length > 0 && now - c.pendingSince >= PARTIAL_FLUSH_MS) {
      const text = c.pending.toString('utf8')
      c.pending = Buffer.alloc(0)
      return [{ at: now, stream: c.stream, text }]
    }
    return []
  }
  const all = c.pending.length > 0 ? Buffer.concat([c.pending, got]) : got
  const { lines, wholeEnd } = splitLines(all, 0, false)
  const rest = all.subarray(wholeEnd)
  // A partial line that grew waits afresh.
  if (rest.length > 0) c.pendingSince = now
  c.pending = Buffer.from(rest)
  return lines.filter(l => l.end <= wholeEnd).map(l => ({ at: now, stream: c.stream, text: l.text }))
}

async function sizeOf (path: string): Promise<number> {
  try {
    return (await stat(path)).size
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0
    throw err
  }
}

/** Bytes of a file from `from` to `to` (default its end); none when it is missing or shorter. */
async function readFrom (path: string, from: number, to?: number): Promise<Buffer> {
  const fh = await open(path, 'r').catch((err: NodeJS.ErrnoException) => { if (err.code === 'ENOENT') return undefined; throw err })
  if (fh === undefined) return Buffer.alloc(0)
  try {
    const end = Math.min(to ?? Infinity, (await fh.stat()).size, from + MAX_POLL_BYTES)
    if (end <= from) return Buffer.alloc(0)
    const buf = Buffer.allocUnsafe(end - from)
    const { bytesRead } = await fh.read(buf, 0, buf.length, from)
    return buf.subarray(0, bytesRead)
  } finally {
    await fh.close()
  }
}
