/** One thing that happened in the grid, as a node's event log holds it. */
export interface GridEvent {
  /** This node's number for it, increasing: the id of a server-sent event, for resuming. */
  id: number
  /** ms since the epoch, by the clock of the node that recorded it. */
  at: number
  /** What happened: started, exited, restarting, moved, node-down, app-created, … (docs/events.md). */
  kind: string
  /** The app it concerns; '' for grid events (a node, an image). */
  app: string
  /** What it is about: an instance id, `<app>.placement`, `<app>.entry.<name>`, a node's name, an image. */
  subject: string
  /** The node that recorded it (its id). */
  origin: string
  /** One line for people. */
  detail: string
}

/** An event as it is recorded, before the log numbers it. */
export type NewEvent = Omit<GridEvent, 'id'>

/** Which events a reader wants. */
export interface EventFilter {
  /** Only this app's events (grid events have none). */
  app?: string
  /** Only events numbered above this (Last-Event-ID). */
  after?: number
  /** Only events at or after this time, ms since the epoch. */
  since?: number
}

/** Events a node remembers of each app: the first minutes of an incident must not scroll away. */
export const EVENTS_PER_APP = 1000
/** Grid events (nodes, images) a node remembers. */
export const GRID_EVENTS = 1000
/** Apps whose events are remembered at once; the app quiet for longest is forgotten first. */
export const MAX_APPS_REMEMBERED = 1000
/** Events of its own a node remembers for its gossip reports. */
export const OWN_EVENTS = 200
