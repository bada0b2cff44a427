import type { Logger } from 'pino'
import { trellis } from '../../proto/gen/trellis.js'
import {
  apply, decodeCommand, emptyState, encodeCommand,
  type ApplyResult, type Command, type CommandLog, type GridState
} from '../../controller/state/index.ts'
import type { Store } from './store.ts'

const INDEX_DIGITS = 16

/**
 * A command log on one node: each command is appended to LevelDB with a
 * synced write before it is applied, and replayed on open. It stands where
 * Raft will stand for a grid, behind the same CommandLog interface.
 */
export class LocalLog implements CommandLog {
  readonly state: GridState = emptyState()
  readonly #db
  readonly #logger: Logger
  readonly #listeners = new Set<(result: ApplyResult, index: number) => void>()
  #tail: Promise<unknown> = Promise.resolve()
  #closed = false

  private constructor (store: Store, logger: Logger) {
    this.#db = store.sublevel<string, string>('log', { valueEncoding: 'utf8' })
    this.#logger = logger
  }

  /** Opens the log and replays every stored command into the state. */
  static async open (store: Store, logger: Logger): Promise<LocalLog> {
    const log = new LocalLog(store, logger)
    for await (const [key, value] of log.#db.iterator()) {
      const entry = trellis.state.LogEntry.decode(Buffer.from(value, 'base64'))
      apply(log.state, Number(key), decodeCommand(entry.command))
    }
    logger.info({ appliedIndex: log.state.appliedIndex, apps: log.state.apps.size }, 'command log replayed')
    return log
  }

  propose (command: Command): Promise<ApplyResult> {
    // One append at a time, so indexes are dense and applied in order.
    const result = this.#tail.then(async () => await this.#append(command))
    this.#tail = result.catch(() => {})
    return result
  }

  async #append (command: Command): Promise<ApplyResult> {
    if (this.#closed) throw new Error('command log is closed')
    const index = this.state.appliedIndex + 1
    const entry = trellis.state.LogEntry.encode({ index, at: Date.now(), command: encodeCommand(command) }).finish()
    // Synced through the parent: sublevels hand their options to ClassicLevel.
    await this.#db.put(String(index).padStart(INDEX_DIGITS, '0'), Buffer.from(entry).toString('base64'), { sync: true } as object)
    const result = apply(this.state, index, command)
    for (const listener of this.#listeners) {
      try { listener(result, index) } catch (err) { this.#logger.error({ err }, 'apply listener failed') }
    }
    return result
  }

  onApplied (listener: (result: ApplyResult, index: number) => void): () => void {
    this.#listeners.add(listener)
    return () => { this.#listeners.delete(listener) }
  }

  async close (): Promise<void> {
    this.#closed = true
    await this.#tail
  }
}
