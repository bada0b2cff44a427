/**
 * Who each instance runs as, and its private home and tmp:
 *
 *   <instances>/            0711 root     passed through, never listed
 *     <id>/                 0700 uid      the instance's own
 *       home/               0700 uid      HOME
 *       tmp/                0700 uid      TMPDIR
 *
 * A uid is allocated from the range when an instance first needs one and
 * persisted, so a restarted daemon and a re-adopted instance keep it; it is
 * freed, and the instance's directory removed, when the instance leaves the
 * node. No two instances on a node share a uid. When the daemon is not root,
 * every instance runs as the daemon's user and only the directories differ.
 */
import { randomBytes } from 'node:crypto'
import { readdir, readFile, rename, rm } from 'node:fs/promises'
import { userInfo } from 'node:os'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { UidRangeExhaustedError } from '../errors.ts'
import { ensureOwnedDir, openDir } from './owned-dir.ts'
import { allocateUid, idsInDatabase, type UidRange } from './uid-range.ts'

/** What an instance runs as and where its private directories are. */
export interface InstanceAccount {
  id: string
  uid: number
  gid: number
  /** USER for the instance. No passwd entry stands behind it (see docs/isolation.md). */
  user: string
  home: string
  tmp: string
}

/** Where uid allocations are persisted (the daemon: a LevelDB sublevel). */
export interface UidStore {
  load (): Promise<Map<string, number>>
  save (id: string, uid: number): Promise<void>
  delete (id: string): Promise<void>
}

export interface InstanceAccountsComponents {
  store: UidStore
  logger: Logger
}

export interface InstanceAccountsInit {
  /** The `instances` directory of the data dir. */
  dir: string
  range: UidRange
  /** Run instances as allocated uids (the daemon is root); otherwise as the daemon's user. */
  isolate: boolean
}

const PRIVATE_MODE = 0o700
const PASS_MODE = 0o711
/** Instance ids are file names here; the process driver refuses any other. */
const INSTANCE_ID = /^[A-Za-z0-9_][A-Za-z0-9._@-]*$/

export class InstanceAccounts {
  readonly #c: InstanceAccountsComponents
  readonly #init: InstanceAccountsInit
  readonly #log: Logger
  readonly #uids = new Map<string, number>()
  /** uids /etc/passwd or /etc/group give to someone; read at start. */
  #system = new Set<number>()

  constructor (components: InstanceAccountsComponents, init: InstanceAccountsInit) {
    this.#c = components
    this.#init = init
    this.#log = components.logger.child({ component: 'accounts' })
  }

  /** Loads the allocations and makes the instances directory. */
  async start (): Promise<void> {
    await ensureOwnedDir(this.#init.dir, undefined, PASS_MODE)
    for (const [id, uid] of await this.#c.store.load()) this.#uids.set(id, uid)
    const databases = await Promise.all(['/etc/passwd', '/etc/group'].map(async f => await readFile(f, 'utf8').catch(() => '')))
    this.#system = idsInDatabase(databases.join('\n'))
  }

  /** The account of an instance, allocating its uid and making its directories on first use. Idempotent. */
  async acquire (id: string): Promise<InstanceAccount> {
    if (!INSTANCE_ID.test(id)) throw new TypeError(`instance id ${JSON.stringify(id)} is not a safe file name`)
    const owner = this.#init.isolate ? await this.#uid(id) : undefined
    const account = this.#account(id, owner)
    await ensureOwnedDir(join(this.#init.dir, id), owner, PRIVATE_MODE)
    await ensureOwnedDir(account.home, owner, PRIVATE_MODE)
    await ensureOwnedDir(account.tmp, owner, PRIVATE_MODE)
    return account
  }

  /** The account an instance has now, without making anything; undefined when it has none. */
  get (id: string): InstanceAccount | undefined {
    if (!this.#init.isolate) return this.#account(id, undefined)
    const uid = this.#uids.get(id)
    return uid === undefined ? undefined : this.#account(id, { uid, gid: uid })
  }

  /**
   * Frees the instance's uid and removes its directory. Call once its
   * processes are gone: the directory is first moved aside and made root's,
   * so nothing of the instance can reach into it while it is deleted.
   */
  async release (id: string): Promise<void> {
    const dir = join(this.#init.dir, id)
    const aside = join(this.#init.dir, `.removing-${id}-${randomBytes(4).toString('hex')}`)
    const moved = await rename(dir, aside).then(() => true, (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return false
      throw err
    })
    if (moved) {
      const handle = await openDir(aside)
      if (handle !== undefined) {
        try {
          await handle.chown(0, 0).catch(() => {}) // not root: it is the daemon's already
          await handle.chmod(PRIVATE_MODE)
        } finally {
          await handle.close()
        }
      }
      await rm(aside, { recursive: true, force: true })
    }
    if (this.#uids.delete(id)) {
      await this.#c.store.delete(id)
      this.#log.info({ instance: id }, 'instance account released')
    }
  }

  /** Releases every instance not in `keep`: those that left the node, and leftovers of a crash. */
  async retain (keep: ReadonlySet<string>): Promise<void> {
    const names = await readdir(this.#init.dir).catch(() => [] as string[])
    const gone = new Set([...this.#uids.keys(), ...names.filter(n => INSTANCE_ID.test(n))].filter(id => !keep.has(id)))
    for (const id of gone) await this.release(id)
    // half-removed directories of a release a crash interrupted
    for (const name of names.filter(n => n.startsWith('.removing-'))) await rm(join(this.#init.dir, name), { recursive: true, force: true })
  }

  async #uid (id: string): Promise<{ uid: number, gid: number }> {
    const known = this.#uids.get(id)
    if (known !== undefined) return { uid: known, gid: known }
    const uid = allocateUid(this.#init.range, id, new Set(this.#uids.values()), u => this.#system.has(u))
    if (uid === undefined) throw new UidRangeExhaustedError(`no free uid for ${id}: all ${this.#init.range.last - this.#init.range.first + 1} of ${this.#init.range.first}-${this.#init.range.last} are taken`)
    // claimed before the await, so a concurrent acquire cannot take the same uid
    this.#uids.set(id, uid)
    try {
      await this.#c.store.save(id, uid)
    } catch (err) {
      this.#uids.delete(id)
      throw err
    }
    this.#log.info({ instance: id, uid }, 'instance account allocated')
    return { uid, gid: uid }
  }

  #account (id: string, owner: { uid: number, gid: number } | undefined): InstanceAccount {
    const uid = owner?.uid ?? process.getuid?.() ?? 0
    const gid = owner?.gid ?? process.getgid?.() ?? 0
    const dir = join(this.#init.dir, id)
    return { id, uid, gid, user: owner === undefined ? daemonUser(uid) : `trellis-${uid}`, home: join(dir, 'home'), tmp: join(dir, 'tmp') }
  }
}

function daemonUser (uid: number): string {
  try {
    return userInfo().username
  } catch {
    return `uid-${uid}` // no passwd entry for the daemon's own user
  }
}

/** The slice of a LevelDB sublevel (utf8 keys and values) that uidStoreOver needs. */
export interface UidLevel {
  iterator (): AsyncIterable<[string, string]>
  put (key: string, value: string, options?: object): Promise<void>
  del (key: string): Promise<void>
}

/** A UidStore over a LevelDB sublevel: instance id → uid, written durably. */
export function uidStoreOver (level: UidLevel): UidStore {
  return {
    load: async () => {
      const uids = new Map<string, number>()
      for await (const [id, value] of level.iterator()) {
        const uid = Number(value)
        if (Number.isSafeInteger(uid) && uid > 0) uids.set(id, uid)
      }
      return uids
    },
    save: async (id, uid) => { await level.put(id, String(uid), { sync: true }) },
    delete: async (id) => { await level.del(id) }
  }
}
