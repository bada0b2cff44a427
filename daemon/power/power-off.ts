import { spawn } from 'node:child_process'
import type { Logger } from 'pino'
import type { Clock, Timer } from '../../controller/clock/index.ts'

/** How long a node stays parked before it runs its power-off command, ms: an unpark in that time (capacity short again) keeps it on. */
export const POWER_OFF_DELAY_MS = 15_000

export interface PowerOffComponents {
  clock: Clock
  logger: Logger
  /** Whether the committed state holds this node parked and empty (parked, not still draining). */
  parked: () => boolean
}

export interface PowerOffInit {
  /** Run with /bin/sh -c, e.g. `systemctl poweroff`; the operator's, from the node's config (powerOffCommand). */
  command: string
  delayMs?: number
}

/**
 * The node's own hook for parking: once the grid has parked it (and it
 * stayed parked for a moment), it runs the operator's power-off command,
 * once per parking. The grid wakes it again with Wake-on-LAN. Off unless the
 * node's config names a command.
 */
export class PowerOffHook {
  readonly #c: PowerOffComponents
  readonly #init: PowerOffInit
  #timer: Timer | undefined
  #ran = false

  constructor (components: PowerOffComponents, init: PowerOffInit) {
    this.#c = components
    this.#init = init
  }

  /** Looks at the committed state again; call on every applied command. */
  check (): void {
    if (!this.#c.parked()) {
      this.#timer?.cancel()
      this.#timer = undefined
      this.#ran = false
      return
    }
    if (this.#ran || this.#timer !== undefined) return
    this.#timer = this.#c.clock.setTimeout(() => {
      this.#timer = undefined
      if (!this.#c.parked() || this.#ran) return
      this.#ran = true
      this.#run()
    }, this.#init.delayMs ?? POWER_OFF_DELAY_MS)
  }

  stop (): void {
    this.#timer?.cancel()
    this.#timer = undefined
  }

  #run (): void {
    this.#c.logger.warn({ command: this.#init.command }, 'node parked: running its power-off command')
    const child = spawn('/bin/sh', ['-c', this.#init.command], { stdio: 'ignore', detached: false })
    child.once('error', err => { this.#c.logger.error({ err }, 'power-off command could not start') })
    child.once('exit', (code, signal) => {
      if (code !== 0) this.#c.logger.error({ code, signal }, 'power-off command failed')
    })
  }
}
