/**
 * When an instance wrote what. The process driver hands the instance its log
 * files directly (so it outlives the daemon), which leaves no place to stamp
 * lines as they are written. Instead the log keeper looks at every log file
 * once a second and appends to a sidecar `<log>.times` a mark saying "by
 * this time the file was this long". A byte's time is the first mark past
 * it: when it was first seen, at most one keeper round late.
 *
 * mark = end:u64be at:u64be (16 bytes): every byte before `end` existed at `at` (ms since the epoch).
 */
import { appendFile, readFile, rename, writeFile } from 'node:fs/promises'

/** Bytes of one mark. */
export const MARK_BYTES = 16
/**
 * Marks a sidecar may hold (1 MiB) before every other one is dropped. A slow
 * writer marks nearly every line, and its file may take months to reach the
 * rotation size; thinning keeps the sidecar small at the cost of coarser
 * times for the older lines.
 */
export const MAX_MARKS = 65_536

/** The file's length `end` was first seen at `at` (ms since the epoch). */
export interface Mark {
  end: number
  at: number
}

/** The sidecar of a log file. */
export function timesPath (logPath: string): string {
  return `${logPath}.times`
}

/** Encodes one mark. */
export function encodeMark (m: Mark): Buffer {
  const b = Buffer.allocUnsafe(MARK_BYTES)
  b.writeBigUInt64BE(BigInt(m.end), 0)
  b.writeBigUInt64BE(BigInt(m.at), 8)
  return b
}

/** Decodes a sidecar; a torn last record (a crash mid-append) is ignored, as are marks that go backwards. */
export function decodeMarks (b: Buffer): Mark[] {
  const marks: Mark[] = []
  for (let i = 0; i + MARK_BYTES <= b.length; i += MARK_BYTES) {
    const m = { end: Number(b.readBigUInt64BE(i)), at: Number(b.readBigUInt64BE(i + 8)) }
    const last = marks[marks.length - 1]
    if (last !== undefined && (m.end <= last.end || m.at < last.at)) continue
    marks.push(m)
  }
  return marks
}

/** The marks of a log file; none when it has no sidecar. */
export async function readMarks (logPath: string): Promise<Mark[]> {
  try {
    return decodeMarks(await readFile(timesPath(logPath)))
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
}

/** Appends a mark to a log file's sidecar. */
export async function appendMark (logPath: string, m: Mark): Promise<void> {
  await appendFile(timesPath(logPath), encodeMark(m), { mode: 0o600 })
}

/**
 * When the byte at `offset` was first seen: the first mark past it, or
 * `now` when no mark reaches it yet (written since the keeper's last round).
 */
export function timeAt (marks: Mark[], offset: number, now: number): number {
  let lo = 0
  let hi = marks.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (marks[mid]!.end > offset) hi = mid
    else lo = mid + 1
  }
  return marks[lo]?.at ?? now
}

/**
 * The first offset whose bytes may have been written at or after `since`:
 * the end of the last mark seen before it. Lines from there on are at most
 * one keeper round older than `since`.
 */
export function offsetSince (marks: Mark[], since: number): number {
  let offset = 0
  for (const m of marks) {
    if (m.at >= since) break
    offset = m.end
  }
  return offset
}

/** Keeps every other mark and the last (the file's present length), rewriting the sidecar at once. Returns the marks kept. */
export async function thinMarks (logPath: string): Promise<number> {
  const marks = await readMarks(logPath)
  const kept = marks.filter((_, i) => i % 2 === 1 || i === marks.length - 1)
  const tmp = `${timesPath(logPath)}.tmp`
  await writeFile(tmp, Buffer.concat(kept.map(encodeMark)), { mode: 0o600 })
  await rename(tmp, timesPath(logPath))
  return kept.length
}
