import { appOf } from '../../controller/graph/index.ts'
import { EVENTS_PER_APP, GRID_EVENTS, MAX_APPS_REMEMBERED, OWN_EVENTS, type EventFilter, type GridEvent, type NewEvent } from './types.ts'

/** A bounded list, oldest dropped first. */
class Ring<T> {
  readonly #items: T[] = []
  readonly #capacity: number
  constructor (capacity: number) { this.#capacity = capacity }
  push (item: T): void {
    this.#items.push(item)
    // Cut in batches: one splice per tenth of the capacity, not one per event.
    if (this.#items.length > this.#capacity + Math.ceil(this.#capacity / 10)) this.#items.splice(0, this.#items.length - this.#capacity)
  }

  /** The last n items (at most the capacity), oldest first. */
  last (n = this.#capacity): T[] {
    return this.#items.slice(-Math.min(n, this.#capacity))
  }
}

/**
 * A node's memory of what happened in the grid: its own events (what its
 * instances did, what it decided as leader, what it saw of other nodes and
 * of committed changes) and other nodes' events from their gossip reports,
 * each taken once. Bounded per app (EVENTS_PER_APP) and for the grid
 * (GRID_EVENTS); readers subscribe for a live stream.
 */
export class GridEvents {
  readonly #self: string
  readonly #apps = new Map<string, Ring<GridEvent>>()
  readonly #grid = new Ring<GridEvent>(GRID_EVENTS)
  readonly #own = new Ring<GridEvent>(OWN_EVENTS)
  readonly #listeners = new Set<(e: GridEvent) => void>()
  /** Per node: the incarnation and highest sequence taken from its reports. */
  readonly #taken = new Map<string, { incarnation: number, seq: number }>()
  #next = 1

  constructor (init: { selfId: string }) {
    this.#self = init.selfId
  }

  /**
   * Records what this node saw for itself: a node going down, a committed
   * change. Every node sees these on its own, so they are not gossiped.
   */
  observe (e: Omit<NewEvent, 'origin'>): GridEvent {
    return this.#add({ ...e, origin: this.#self }, false)
  }

  /**
   * Records what happened here and only here (an instance of this node
   * started; as leader, an instance moved), subject an instance id or
   * `<app>.<what>`; it goes out in this node's gossip reports.
   */
  record (subject: string, kind: string, detail: string, at: number): GridEvent {
    return this.#add({ at, kind, app: appOf(subject), subject, origin: this.#self, detail }, true)
  }

  /**
   * Takes another node's events from its report: those numbered above the
   * last taken from the same incarnation, all of a new incarnation.
   */
  ingest (node: string, incarnation: number, events: Array<{ seq: number, at: number, subject: string, kind: string, detail: string }>): number {
    if (node === this.#self) return 0
    const taken = this.#taken.get(node)
    const floor = taken === undefined || taken.incarnation !== incarnation ? 0 : taken.seq
    if (taken !== undefined && incarnation < taken.incarnation) return 0
    let top = floor
    let added = 0
    for (const e of [...events].sort((a, b) => a.seq - b.seq)) {
      if (e.seq <= floor) continue
      top = Math.max(top, e.seq)
      this.#add({ at: e.at, kind: e.kind, app: appOf(e.subject), subject: e.subject, origin: node, detail: e.detail }, false)
      added++
    }
    this.#taken.set(node, { incarnation, seq: top })
    return added
  }

  /** This node's latest recorded (not observed) events, oldest first, for its gossip report. */
  own (limit: number): GridEvent[] {
    return this.#own.last(limit)
  }

  /** Events matching the filter, oldest first, at most `limit` (the latest). */
  list (filter: EventFilter, limit: number): GridEvent[] {
    // Within a ring the events a filter keeps are its newest (a suffix), so each ring's last `limit` hold all that can be returned.
    const sources = filter.app !== undefined
      ? [this.#apps.get(filter.app)?.last(limit) ?? []]
      : [this.#grid.last(limit), ...[...this.#apps.values()].map(r => r.last(limit))]
    const all = sources.flat().filter(e => matches(e, filter))
    // Numbered on arrival here, so the id orders them as this node learned them.
    if (sources.length > 1) all.sort((a, b) => a.id - b.id)
    return all.slice(-limit)
  }

  /** Calls the listener with every event recorded or taken from now on; returns the unsubscribe. */
  subscribe (listener: (e: GridEvent) => void): () => void {
    this.#listeners.add(listener)
    return () => { this.#listeners.delete(listener) }
  }

  #add (e: NewEvent, own: boolean): GridEvent {
    const event: GridEvent = { id: this.#next++, ...e }
    if (event.app === '') {
      this.#grid.push(event)
    } else {
      let ring = this.#apps.get(event.app)
      if (ring === undefined) {
        if (this.#apps.size >= MAX_APPS_REMEMBERED) this.#forgetQuietest()
        ring = new Ring(EVENTS_PER_APP)
      } else {
        // Map order is the order of last activity: the first key is the quietest app.
        this.#apps.delete(event.app)
      }
      this.#apps.set(event.app, ring)
      ring.push(event)
    }
    if (own) this.#own.push(event)
    for (const l of this.#listeners) l(event)
    return event
  }

  #forgetQuietest (): void {
    const first = this.#apps.keys().next()
    if (first.done !== true) this.#apps.delete(first.value)
  }
}

/** Whether an event passes a filter. */
export function matches (e: GridEvent, f: EventFilter): boolean {
  return (f.app === undefined || e.app === f.app) && (f.after === undefined || e.id > f.after) && (f.since === undefined || e.at >= f.since)
}
