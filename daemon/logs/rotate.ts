/**
 * Size-based rotation of a log file the daemon does not write itself. The
 * instance holds the file open for appending, so the file cannot be renamed
 * away (the instance would keep writing into the renamed one): its content is
 * copied to `<log>.1` and the file truncated in place ("copytruncate", as
 * logrotate does it). Bytes the instance appends between the last copy and
 * the truncate are lost; the copy is repeated until a look finds the file
 * no longer growing and the truncate follows that look at once, which makes
 * the window tens of microseconds.
 */
import { fstatSync, ftruncateSync, readSync, writeSync } from 'node:fs'
import { access, open, rename, rm } from 'node:fs/promises'
import { appendMark, timesPath } from './timeline.ts'

/** Default largest size of one log file before it is rotated, in bytes. */
export const DEFAULT_LOG_MAX_BYTES = 10 * 1024 * 1024
/** Default files kept per stream: the live one and two rotated ones. */
export const DEFAULT_LOG_FILES = 3
/** Copy rounds of a growing file before the truncate happens anyway. */
const COPY_ROUNDS = 8
/** Largest piece read at once while catching up with a growing file, bytes. */
const COPY_CHUNK = 1024 * 1024

/** The `n`th older file of a log: `.1` is the newest rotated one. 0 is the live file. */
export function rotatedPath (logPath: string, n: number): string {
  return n === 0 ? logPath : `${logPath}.${n}`
}

/**
 * Shifts `.1 … .(files-2)` one up (dropping the oldest), copies the live file
 * to `.1` with its time marks, and truncates the live file. `now` stamps the
 * bytes copied past the last mark. With `files` 1 the live file is only
 * truncated. Returns the bytes moved out of the live file.
 */
export async function rotate (logPath: string, files: number, now: number): Promise<number> {
  if (files <= 1) {
    await truncateLive(logPath)
    return 0
  }
  for (const path of [rotatedPath(logPath, files - 1), timesPath(rotatedPath(logPath, files - 1))]) await rm(path, { force: true })
  // Only the files there are shifted: a gap above them stays a gap.
  let top = 0
  while (top < files - 2 && await exists(rotatedPath(logPath, top + 1))) top++
  for (let n = top; n >= 1; n--) {
    await moveIfThere(rotatedPath(logPath, n), rotatedPath(logPath, n + 1))
    await moveIfThere(timesPath(rotatedPath(logPath, n)), timesPath(rotatedPath(logPath, n + 1)))
  }
  const first = rotatedPath(logPath, 1)
  // The marks go with the bytes they describe; the live file starts a new sidecar.
  await moveIfThere(timesPath(logPath), timesPath(first))
  const moved = await copyThenTruncate(logPath, first)
  if (moved > 0) await appendMark(first, { end: moved, at: now })
  return moved
}

/**
 * Copies `live` to `copy`, then catches up with what the instance appended
 * meanwhile and truncates, that last part synchronously: nothing else runs
 * between the look that finds no new bytes and the truncate, so what the
 * instance writes in that window of two system calls is the only loss.
 */
async function copyThenTruncate (live: string, copy: string): Promise<number> {
  const src = await open(live, 'r+')
  try {
    const dst = await open(copy, 'w', 0o600)
    let copied = 0
    try {
      const buf = Buffer.allocUnsafe(COPY_CHUNK)
      // The bulk in the thread pool, so a 10 MiB copy does not stall the daemon.
      const size = (await src.stat()).size
      while (copied < size) {
        const { bytesRead } = await src.read(buf, 0, Math.min(buf.length, size - copied), copied)
        if (bytesRead === 0) break
        await dst.write(buf, 0, bytesRead)
        copied += bytesRead
      }
      for (let round = 0; round < COPY_ROUNDS; round++) {
        const grown = fstatSync(src.fd).size
        if (grown <= copied) break
        while (copied < grown) {
          const n = readSync(src.fd, buf, 0, Math.min(buf.length, grown - copied), copied)
          if (n === 0) break
          writeSync(dst.fd, buf, 0, n)
          copied += n
        }
      }
      ftruncateSync(src.fd, 0)
    } finally {
      await dst.close()
    }
    return copied
  } finally {
    await src.close()
  }
}

async function truncateLive (logPath: string): Promise<void> {
  const fh = await open(logPath, 'r+')
  try {
    await fh.truncate(0)
  } finally {
    await fh.close()
  }
}

async function moveIfThere (from: string, to: string): Promise<void> {
  try {
    await rename(from, to)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
  }
}

async function exists (path: string): Promise<boolean> {
  return await access(path).then(() => true, () => false)
}
