import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

/** File in the data dir holding the last incarnation, as decimal text. */
export const INCARNATION_FILE = 'incarnation'

/**
 * Bumps and returns the node's incarnation; call once per daemon start,
 * before the first advert. Persisted in <dataDir>/incarnation (written to a
 * temp file and renamed, so a crash leaves the old or the new value). When
 * the file is missing the count starts at 1; when it is unreadable or
 * garbled the incarnation becomes `now()` in ms, which is larger than any
 * count a node reaches by restarting, so peers still see a newer node.
 */
export async function nextIncarnation (dataDir: string, now: () => number = Date.now): Promise<number> {
  const file = join(dataDir, INCARNATION_FILE)
  let next: number
  try {
    const text = (await readFile(file, 'utf8')).trim()
    const last = Number(text)
    next = /^\d+$/.test(text) && Number.isSafeInteger(last + 1) ? last + 1 : now()
  } catch (err) {
    next = (err as NodeJS.ErrnoException).code === 'ENOENT' ? 1 : now()
  }
  await mkdir(dataDir, { recursive: true })
  const temp = `${file}.${process.pid}.tmp`
  await writeFile(temp, `${next}\n`, { mode: 0o600 })
  await rename(temp, file)
  return next
}
