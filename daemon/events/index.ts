/**
 * Grid events: what happened to instances, apps and nodes, as one node
 * knows it. Instances' events come from the node that runs them (by its
 * gossip reports), moves and placements from the leader, node up/down and
 * committed changes from this node's own view. `GET /v1/events` streams
 * them (server-sent events); `describe app` shows an app's history.
 *
 *   agent/reconciler ──record──► GridEvents ──own──► InstanceReports (gossip) ──ingest──► other nodes' GridEvents
 *   directory, onApplied ──observe──┘   └──subscribe──► API /v1/events
 */
export { GridEvents, matches } from './log.ts'
export { membershipEvent, appliedEvent } from './sources.ts'
export { EVENTS_PER_APP, GRID_EVENTS, MAX_APPS_REMEMBERED, OWN_EVENTS } from './types.ts'
export type { EventFilter, GridEvent, NewEvent } from './types.ts'
