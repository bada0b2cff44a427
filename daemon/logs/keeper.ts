import { readdirSync, statSync } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { Periodic, type Clock } from '../../controller/clock/index.ts'
import { rotate } from './rotate.ts'
import { appendMark, MARK_BYTES, MAX_MARKS, readMarks, thinMarks, timesPath } from './timeline.ts'

/** How often every log file is looked at: the resolution of line times, and how far a file may overshoot its size before rotation, ms. */
export const KEEP_INTERVAL_MS = 1000 // ms

/** The files an instance writes: `<id>.stdout.log` and `<id>.stderr.log`. */
const LIVE_LOG = /\.(stdout|stderr)\.log$/

/** What a LogKeeper needs. */
export interface LogKeeperComponents {
  clock: Clock
  logger: Logger
}

/** Where the logs are and how large they may grow. */
export interface LogKeeperInit {
  dir: string
  /** Largest size of a live log file, bytes; it is rotated at the first round that finds it larger. */
  maxBytes: number
  /** Files kept per stream, the live one included (at least 1). */
  files: number
  /** Rounds apart, ms. Default KEEP_INTERVAL_MS. */
  intervalMs?: number
}

/**
 * Looks after every instance log of a node: once a round it stamps what each
 * file gained (timeline.ts) and rotates those over the size limit
 * (rotate.ts). Instances write their files themselves; this is the only
 * other writer, so rounds never overlap.
 */
export class LogKeeper {
  readonly #c: LogKeeperComponents
  readonly #init: LogKeeperInit
  /** Length of each live file at its last mark. */
  readonly #ends = new Map<string, number>()
  readonly #loop: Periodic
  /** Bytes moved to rotated files since start. */
  rotatedBytes = 0

  constructor (components: LogKeeperComponents, init: LogKeeperInit) {
    this.#c = components
    this.#init = { ...init, files: Math.max(1, init.files) }
    this.#loop = new Periodic(
      { clock: components.clock, onError: err => { components.logger.warn({ err }, 'log keeping round failed') } },
      { intervalMs: init.intervalMs ?? KEEP_INTERVAL_MS, immediate: true, aligned: true, run: async () => { await this.round() } }
    )
  }

  start (): void {
    this.#loop.start()
  }

  async stop (): Promise<void> {
    await this.#loop.stop()
  }

  /**
   * One round over every live log file. Public so tests drive it without a
   * clock. The listing and each file's size are read synchronously: a few
   * µs each on the node's own disk, where through libuv's thread pool each
   * costs a hand-off and a wake-up of the loop, every second on every node,
   * idle or not. What changes files (marks, rotation) stays asynchronous.
   */
  async round (): Promise<void> {
    let names: string[]
    try {
      names = readdirSync(this.#init.dir)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
      throw err
    }
    const live = new Set(names.filter(n => LIVE_LOG.test(n)).map(n => join(this.#init.dir, n)))
    for (const path of this.#ends.keys()) if (!live.has(path)) this.#ends.delete(path)
    // One time for the round: what stdout and stderr gained since the last round is stamped alike.
    const now = this.#c.clock.now()
    for (const path of live) {
      try {
        await this.#keep(path, now)
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') this.#c.logger.warn({ err, path }, 'could not keep a log file')
      }
    }
  }

  async #keep (path: string, now: number): Promise<void> {
    const size = statSync(path).size
    let end = this.#ends.get(path)
    if (end === undefined) end = (await readMarks(path)).at(-1)?.end ?? 0
    if (size < end) {
      // Shorter than its marks say: replaced by someone else; its marks describe another file.
      await rm(timesPath(path), { force: true })
      end = 0
    }
    if (size > end) {
      await appendMark(path, { end: size, at: now })
      end = size
      if ((await stat(timesPath(path))).size > MAX_MARKS * MARK_BYTES) await thinMarks(path)
    }
    if (size >= this.#init.maxBytes) {
      this.rotatedBytes += await rotate(path, this.#init.files, now)
      end = 0
      this.#c.logger.debug({ path, size }, 'log rotated')
    }
    this.#ends.set(path, end)
  }
}
