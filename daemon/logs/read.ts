import { open, type FileHandle } from 'node:fs/promises'
import { logPaths } from '../runtime/index.ts'
import { rotatedPath } from './rotate.ts'
import { readMarks, timeAt, offsetSince } from './timeline.ts'

/** One of an instance's two outputs. */
export type LogStream = 'stdout' | 'stderr'
/** Which outputs a reader wants. */
export type StreamChoice = LogStream | 'both'

/** A line an instance wrote, with the time it was first seen (timeline.ts). */
export interface LogLine {
  /** ms since the epoch, by the clock of the instance's node. */
  at: number
  stream: LogStream
  text: string
}

/** Where a follower goes on: offsets in the live files just past the last whole line read. */
export interface LogPosition {
  stdout: number
  stderr: number
}

/** What to read. */
export interface ReadOptions {
  /** The last this many lines (of both streams together). */
  tail?: number
  /** Lines first seen at or after this time, ms since the epoch. */
  since?: number
  stream: StreamChoice
  /** Files kept per stream, the live one included. */
  files: number
  /** Time of lines written since the keeper's last round. */
  now: number
  /** Give a last line that has no newline yet; a follower leaves it for later. Default true. */
  partial?: boolean
}

/** Most bytes read from one stream's files for one request. */
export const MAX_READ_BYTES = 8 * 1024 * 1024 // bytes
/** Longer lines are cut into pieces this long, so one line cannot fill a frame. */
export const MAX_LINE_BYTES = 64 * 1024 // bytes
const CHUNK_BYTES = 64 * 1024 // bytes

/** Where the process driver writes an instance's output. */
export function logFile (dir: string, id: string, stream: LogStream): string {
  return logPaths(dir, id)[stream]
}

/**
 * Reads an instance's lines from its live and rotated files: the last
 * `tail`, or those since `since`, or both limits. The two streams are merged
 * by time (stdout first at equal times), as near to the order they were
 * written as the keeper's marks allow.
 */
export async function readInstanceLog (dir: string, id: string, options: ReadOptions): Promise<{ lines: LogLine[], position: LogPosition }> {
  const position: LogPosition = { stdout: 0, stderr: 0 }
  const parts: LogLine[][] = []
  for (const stream of ['stdout', 'stderr'] as const) {
    const read = await readStream(logFile(dir, id, stream), stream, options)
    position[stream] = read.end
    if (options.stream === 'both' || options.stream === stream) parts.push(read.lines)
  }
  let lines = parts.length === 1 ? parts[0]! : mergeByTime(parts[0]!, parts[1]!)
  if (options.tail !== undefined) lines = lines.slice(-options.tail)
  return { lines, position }
}

/** Merges two time-ordered lists; at equal times `a` comes first. */
export function mergeByTime (a: LogLine[], b: LogLine[]): LogLine[] {
  const out: LogLine[] = []
  let i = 0
  let j = 0
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.at <= b[j]!.at)) out.push(a[i++]!)
    else out.push(b[j++]!)
  }
  return out
}

/** One stream's lines, newest file first until enough are found. `end` is the live file's offset past its last whole line. */
async function readStream (path: string, stream: LogStream, o: ReadOptions): Promise<{ lines: LogLine[], end: number }> {
  const newestFirst: LogLine[][] = []
  let found = 0
  let budget = MAX_READ_BYTES
  let end = 0
  for (let n = 0; n < Math.max(1, o.files) && budget > 0; n++) {
    const file = rotatedPath(path, n)
    const fh = await open(file, 'r').catch((err: NodeJS.ErrnoException) => { if (err.code === 'ENOENT') return undefined; throw err })
    if (fh === undefined) continue
    try {
      const size = (await fh.stat()).size
      const marks = await readMarks(file)
      // A rotated file whose last bytes predate `since` holds nothing newer, nor do older ones.
      if (n > 0 && o.since !== undefined && (marks.at(-1)?.at ?? 0) < o.since) break
      const start = o.since === undefined ? 0 : offsetSince(marks, o.since)
      const wanted = o.tail === undefined ? undefined : o.tail - found
      const { from, buf } = await readEnd(fh, start, size, wanted, budget)
      budget -= buf.length
      const split = splitLines(buf, from, from > start)
      if (n === 0) end = split.wholeEnd
      const lines = split.lines
        .filter(l => n > 0 || o.partial !== false || l.end <= split.wholeEnd)
        .map(l => ({ at: timeAt(marks, l.end - 1, o.now), stream, text: l.text }))
      newestFirst.push(lines)
      found += lines.length
      if (o.tail !== undefined && found >= o.tail) break
    } finally {
      await fh.close()
    }
  }
  return { lines: newestFirst.reverse().flat(), end }
}

/**
 * Reads [start, size) of a file, or only its end: enough for `lines` lines
 * when given, never more than `budget` bytes.
 */
async function readEnd (fh: FileHandle, start: number, size: number, lines: number | undefined, budget: number): Promise<{ from: number, buf: Buffer }> {
  let from = Math.max(start, size - budget)
  if (lines === undefined) return { from, buf: await readRange(fh, from, size) }
  // Backwards in chunks until lines + 1 newlines are held (the first may end a line cut short).
  const chunks: Buffer[] = []
  let newlines = 0
  let at = size
  while (at > from && newlines <= lines) {
    const length = Math.min(CHUNK_BYTES, at - from)
    at -= length
    const buf = await readRange(fh, at, at + length)
    for (const b of buf) if (b === 0x0a) newlines++
    chunks.unshift(buf)
  }
  from = at
  return { from, buf: Buffer.concat(chunks) }
}

async function readRange (fh: FileHandle, from: number, to: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(Math.max(0, to - from))
  let got = 0
  while (got < buf.length) {
    const { bytesRead } = await fh.read(buf, got, buf.length - got, from + got)
    if (bytesRead === 0) break
    got += bytesRead
  }
  return buf.subarray(0, got)
}

/**
 * Cuts bytes read at file offset `from` into lines, each with the offset
 * just past its end. When `cutFirst`, the read began inside a line and that
 * piece is dropped. `wholeEnd` is the offset past the last newline.
 */
export function splitLines (buf: Buffer, from: number, cutFirst: boolean): { lines: Array<{ text: string, end: number }>, wholeEnd: number } {
  const lines: Array<{ text: string, end: number }> = []
  let start = 0
  if (cutFirst) {
    const nl = buf.indexOf(0x0a)
    start = nl < 0 ? buf.length : nl + 1
  }
  let wholeEnd = from + start
  while (start < buf.length) {
    const nl = buf.indexOf(0x0a, start)
    const stop = nl < 0 ? buf.length : nl
    for (let s = start; s < stop || s === start; s += MAX_LINE_BYTES) {
      const e = Math.min(stop, s + MAX_LINE_BYTES)
      lines.push({ text: buf.toString('utf8', s, e), end: from + (e === stop && nl >= 0 ? nl + 1 : e) })
      if (e >= stop) break
    }
    if (nl < 0) break
    start = nl + 1
    wholeEnd = from + start
  }
  return { lines, wholeEnd }
}
