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
