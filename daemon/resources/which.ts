import { constants } from 'node:fs'
import { access, stat } from 'node:fs/promises'
import { delimiter, isAbsolute, join } from 'node:path'

/**
 * The first executable file called `name` in the directories of `pathList`
 * (a PATH value), or undefined. Relative entries are skipped: what they
 * mean depends on the daemon's working directory, not on the machine.
 */
export async function findOnPath (name: string, pathList: string): Promise<string | undefined> {
  for (const dir of pathList.split(delimiter)) {
    if (dir === '' || !isAbsolute(dir)) continue
    const candidate = join(dir, name)
    if (await isExecutableFile(candidate)) return candidate
  }
  return undefined
}

async function isExecutableFile (path: string): Promise<boolean> {
  try {
    if (!(await stat(path)).isFile()) return false
    await access(path, constants.X_OK)
    return true
  } catch {
    return false
  }
}
