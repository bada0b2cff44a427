import { open } from 'node:fs/promises'

/** Read backwards in chunks this big until enough lines are found. */
const CHUNK_BYTES = 64 * 1024 // bytes
/** Never read more than this from one log for one call, however long its lines. */
const MAX_TAIL_BYTES = 8 * 1024 * 1024 // bytes

/** Where the process driver writes a task's output. */
export function logPaths (logDir: string, id: string): { stdout: string, stderr: string } {
  return { stdout: `${logDir}/${id}.stdout.log`, stderr: `${logDir}/${id}.stderr.log` }
}

/** The last `n` lines of `text`; a trailing newline does not make an empty last line. */
export function lastLines (text: string, n: number): string[] {
  if (n <= 0 || text === '') return []
  const lines = text.split('\n')
  if (lines[lines.length - 1] === '') lines.pop()
  return lines.slice(-n)
}

/**
 * The last `n` lines of a file, reading only its end. A missing file has no
 * lines. The first line returned may be cut short when a line is longer than
 * MAX_TAIL_BYTES.
 */
export async function tailFile (path: string, n: number): Promise<string[]> {
  if (n <= 0) return []
  let fh
  try {
    fh = await open(path, 'r')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw err
  }
  try {
    const size = (await fh.stat()).size
    let start = size
    let chunks: Buffer[] = []
    let newlines = 0
    // n lines need n + 1 newlines when the file ends with one
    while (start > 0 && newlines <= n && size - start < MAX_TAIL_BYTES) {
      const length = Math.min(CHUNK_BYTES, start)
      start -= length
      const buf = Buffer.alloc(length)
      await fh.read(buf, 0, length, start)
      for (const b of buf) if (b === 0x0a) newlines++
      chunks = [buf, ...chunks]
    }
    return lastLines(Buffer.concat(chunks).toString('utf8'), n)
  } finally {
    await fh.close()
  }
}
