import type { SupervisorEvent } from '../runtime/index.ts'

/** Something that happened to an app's instance, for `describe app`. */
export interface AppEvent {
  at: number
  app: string
  instance: string
  kind: string
  detail: string
}

/** The last `capacity` events of each app, in memory. */
export class EventRing {
  readonly #capacity: number
  readonly #byApp = new Map<string, AppEvent[]>()

  constructor (capacity: number) {
    this.#capacity = capacity
  }

  push (event: AppEvent): void {
    const list = this.#byApp.get(event.app) ?? []
    list.push(event)
    if (list.length > this.#capacity) list.splice(0, list.length - this.#capacity)
    this.#byApp.set(event.app, list)
  }

  /** The latest `limit` events of every app, oldest first. */
  latest (limit: number): AppEvent[] {
    return [...this.#byApp.values()].flat().sort((a, b) => a.at - b.at).slice(-limit)
  }

  of (app: string): AppEvent[] {
    return [...(this.#byApp.get(app) ?? [])]
  }
}

/** One line about a supervisor event, for `describe app`. */
export function describeSupervisorEvent (e: SupervisorEvent): string {
  switch (e.type) {
    case 'started': return `pid ${e.pid ?? '?'}${e.restarts > 0 ? `, restart ${e.restarts}` : ''}`
    case 'adopted': return `pid ${e.pid ?? '?'} re-adopted`
    case 'healthy': return 'health check passes'
    case 'unhealthy': return `${e.failures} failed checks${e.error !== undefined ? `: ${e.error}` : ''}`
    case 'unready': return `not ready, ${e.failures} failed checks${e.error !== undefined ? `: ${e.error}` : ''}; alive, so not restarted`
    case 'exited': return e.oomKilled ? 'killed for exceeding its memory limit' : e.signal !== null ? `killed by ${e.signal}` : `exit code ${e.code ?? 'unknown'}`
    case 'restarting': return `${e.reason}; restart ${e.attempt} in ${e.delayMs} ms`
    case 'stopped': return 'stopped'
    case 'failed': return e.reason
  }
}
