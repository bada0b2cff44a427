import type { EventView } from '../controller/client/types.ts'
import type { EventQuery, EventService } from './api/index.ts'
import type { GridEvent, GridEvents } from './events/index.ts'

/** What the event API reads. */
export interface EventServiceComponents {
  events: GridEvents
  nameOf: (node: string) => string
}

/** The admin API's view of this node's grid events: listed, and streamed as they come. */
export class GridEventService implements EventService {
  readonly #c: EventServiceComponents

  constructor (components: EventServiceComponents) {
    this.#c = components
  }

  list (q: EventQuery, limit: number): EventView[] {
    return this.#c.events.list(q, limit).map(e => this.#view(e))
  }

  subscribe (q: EventQuery, listener: (e: EventView) => void): () => void {
    return this.#c.events.subscribe(e => {
      if ((q.app === undefined || e.app === q.app) && (q.since === undefined || e.at >= q.since)) listener(this.#view(e))
    })
  }

  #view (e: GridEvent): EventView {
    return { id: e.id, at: e.at, kind: e.kind, app: e.app, subject: e.subject, detail: e.detail, node: this.#c.nameOf(e.origin), nodeId: e.origin }
  }
}
