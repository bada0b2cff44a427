/**
 * The code instances run must be reachable by their users: the daemon's
 * Node.js (a manifest's `node`) and the catalog folder, with the
 * node_modules its images import from above it. When a directory above one
 * of them lets no other user pass (a repository under root's 0700 /root),
 * the tree below that directory is bind-mounted read-only at
 * <data-dir>/code/<hash>, and instances are handed paths there. The files
 * keep their own modes: they must be world-readable, as npm leaves them.
 *
 *   /root (0700) / trellis / node_modules/node/bin/node
 *                  └── bound at <data-dir>/code/3f2a…  →  <data-dir>/code/3f2a…/node_modules/node/bin/node
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdir, realpath, stat, writeFile } from 'node:fs/promises'
import { dirname, join, relative, sep } from 'node:path'
import { promisify } from 'node:util'
import type { Logger } from 'pino'
import { isMounted } from '../../volumes/mount/index.ts'
import { CodeUnreachableError } from '../errors.ts'
import { ancestors, blockedBy, type Ancestor } from './data-dir.ts'

/** One bind mount that makes code reachable. */
export interface CodeBind {
  /** The topmost directory (or file) below the one that blocks others. */
  source: string
  target: string
}

/** A path instances are given instead of another. */
interface Alias {
  from: string
  to: string
}

/**
 * Where `path` (a real path) must be bound so that others reach it, given
 * the directories above it (`chain`, from /); undefined when they already
 * let others pass. Pure.
 */
export function planBind (path: string, chain: Ancestor[], codeDir: string): CodeBind | undefined {
  const blocked = blockedBy(chain)
  if (blocked === undefined) return undefined
  const below = relative(blocked.path, path).split(sep)[0] ?? ''
  const source = join(blocked.path, below)
  return { source, target: join(codeDir, createHash('sha256').update(source).digest('hex').slice(0, 16)) }
}

/** Bind mounts made for code, and the paths instances get through them. */
export class CodeView {
  readonly #aliases: Alias[]
  readonly binds: CodeBind[]

  constructor (aliases: Alias[], binds: CodeBind[]) {
    this.#aliases = aliases
    this.binds = binds
  }

  /** The path an instance uses for `path`: itself, or its place under a bind mount. */
  path (path: string): string {
    for (const a of this.#aliases) {
      if (path === a.from) return a.to
      if (path.startsWith(a.from + sep)) return a.to + path.slice(a.from.length)
    }
    return path
  }
}

const run = promisify(execFile)

/**
 * Makes each of `roots` reachable by other users, binding what must be bound
 * under `codeDir` (a bind already there from an earlier daemon is kept).
 * Throws ERR_CODE_UNREACHABLE when a bind fails.
 */
export async function exposeCode (components: { logger: Logger }, roots: string[], codeDir: string): Promise<CodeView> {
  const aliases: Alias[] = []
  const binds = new Map<string, CodeBind>()
  for (const root of roots) {
    // a catalog folder that is not there is the catalog's to report
    const real = await realpath(root).catch(() => undefined)
    if (real === undefined) continue
    const bind = planBind(real, await ancestors(dirname(real)), codeDir)
    if (bind === undefined) continue
    if (!binds.has(bind.target)) {
      await mountBind(bind)
      binds.set(bind.target, bind)
      components.logger.info({ source: bind.source, target: bind.target }, 'code bound where instances can reach it')
    }
    const to = bind.target + real.slice(bind.source.length)
    aliases.push({ from: real, to })
    if (root !== real) aliases.push({ from: root, to })
    const mode = (await stat(real)).mode
    // a program needs o+x, a folder o+rx: a bind shows the files with their own modes
    if ((mode & 0o001) === 0 || ((await stat(real)).isDirectory() && (mode & 0o004) === 0)) {
      components.logger.warn({ path: real, mode: (mode & 0o777).toString(8) }, 'code is not readable by other users; instances will fail to run it')
    }
  }
  return new CodeView(aliases, [...binds.values()])
}

/** Undoes the binds (lazily when something still uses them). */
export async function unexposeCode (view: CodeView): Promise<void> {
  for (const b of view.binds) {
    await run('umount', [b.target]).catch(async () => await run('umount', ['-l', b.target]).catch(() => {}))
  }
}

async function mountBind (bind: CodeBind): Promise<void> {
  if (await isMounted(bind.target)) return
  try {
    if ((await stat(bind.source)).isDirectory()) await mkdir(bind.target, { recursive: true, mode: 0o755 })
    else await writeFile(bind.target, '', { flag: 'a', mode: 0o644 })
    await run('mount', ['--bind', '-o', 'ro', bind.source, bind.target])
  } catch (err) {
    throw new CodeUnreachableError(`cannot bind ${bind.source} at ${bind.target} for instances to reach: ${(err as Error).message}`, { cause: err })
  }
}
