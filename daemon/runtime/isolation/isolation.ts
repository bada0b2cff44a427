/**
 * What an instance can reach on its node, in one place: the data dir's
 * modes, a uid and private directories per instance, its volume's ownership,
 * and a reachable view of the code it runs. docs/isolation.md describes the
 * whole contract.
 *
 *   prepare ─▶ secureDataDir ─▶ data dir reachable? ─▶ exposeCode ─▶ accounts.start
 *   agent:  acquire(id) ─▶ attach volume ─▶ claimVolume ─▶ start as account.uid
 *           retain(ids placed here) ─▶ release the rest
 */
import type { Logger } from 'pino'
import { DataDirUnreachableError } from '../errors.ts'
import { InstanceAccounts, type InstanceAccount, type UidStore } from './accounts.ts'
import { CodeView, exposeCode, unexposeCode } from './code.ts'
import { ancestors, blockedBy, secureDataDir, type DataDirLayout } from './data-dir.ts'
import { claimVolume, type Claim } from './ownership.ts'
import type { UidRange } from './uid-range.ts'

export interface InstanceIsolationComponents {
  store: UidStore
  logger: Logger
}

export interface InstanceIsolationInit extends DataDirLayout {
  /** Where instances' homes and tmp dirs go; one of `shared`. */
  instancesDir: string
  /** Where code is bound when it lies beyond a directory others cannot pass; one of `shared`. */
  codeDir: string
  range: UidRange
  /** What instances run and must reach: the daemon's Node.js, the catalog folder. */
  code: string[]
}

/** The isolation of a node's instances; see the file comment. Built by prepare(). */
export class InstanceIsolation {
  /** Instances run as their own users: the daemon is root. */
  readonly isolating: boolean
  readonly #accounts: InstanceAccounts
  readonly #code: CodeView
  readonly #log: Logger

  private constructor (log: Logger, isolating: boolean, accounts: InstanceAccounts, code: CodeView) {
    this.#log = log
    this.isolating = isolating
    this.#accounts = accounts
    this.#code = code
  }

  /**
   * Sets the data dir's modes, checks that instances can reach it, makes the
   * code reachable and loads the uid allocations. Throws
   * ERR_DATA_DIR_UNREACHABLE (as root) when a directory above the data dir
   * lets no other user pass, naming it.
   */
  static async prepare (components: InstanceIsolationComponents, init: InstanceIsolationInit): Promise<InstanceIsolation> {
    const log = components.logger.child({ component: 'isolation' })
    const isolating = process.getuid?.() === 0
    await secureDataDir(init)
    let code = new CodeView([], [])
    if (isolating) {
      const blocked = blockedBy(await ancestors(init.instancesDir))
      if (blocked !== undefined) {
        throw new DataDirUnreachableError(`instances run as their own users and must reach ${init.instancesDir}, but ${blocked.path} (mode ${(blocked.mode & 0o777).toString(8)}) lets no other user pass: choose a data dir under a directory others may pass through, such as /var/lib/trellis (docs/isolation.md)`)
      }
      code = await exposeCode({ logger: log }, init.code, init.codeDir)
    }
    const accounts = new InstanceAccounts({ store: components.store, logger: log }, { dir: init.instancesDir, range: init.range, isolate: isolating })
    await accounts.start()
    log.info({ isolating, range: isolating ? `${init.range.first}-${init.range.last}` : undefined, codeBinds: code.binds.length }, isolating ? 'instances run as their own users' : 'not root: instances run as the daemon\'s user')
    return new InstanceIsolation(log, isolating, accounts, code)
  }

  /** The instance's account, allocated and its directories made on first use. */
  async acquire (id: string): Promise<InstanceAccount> {
    return await this.#accounts.acquire(id)
  }

  /** Frees the uid and directories of every instance not in `keep` (ids placed on this node). Call with their processes gone. */
  async retain (keep: ReadonlySet<string>): Promise<void> {
    await this.#accounts.retain(keep)
  }

  /** Gives an attached volume's filesystem to the instance. A no-op when not isolating. */
  async claimVolume (path: string, account: InstanceAccount): Promise<Claim> {
    if (!this.isolating) return { changed: 0 }
    const claim = await claimVolume(path, account)
    if (claim.changed > 0) this.#log.info({ instance: account.id, path, uid: account.uid, changed: claim.changed }, 'volume re-owned for its instance')
    return claim
  }

  /** The path an instance is given for code at `path` (the Node.js binary, an image folder). */
  codePath (path: string): string {
    return this.#code.path(path)
  }

  /** Undoes code binds; only when no instance is left running (a daemon that keeps them leaves the binds for the next one). */
  async close (options: { instancesStopped: boolean }): Promise<void> {
    if (options.instancesStopped) await unexposeCode(this.#code)
  }
}
