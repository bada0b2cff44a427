/**
 * What goes into and comes out of the membership table. Times are the
 * observer's own clock in ms (monotonic in the daemon, virtual in the
 * simulator); a remote clock is never compared with a local one.
 */

/** How this node sees a peer. */
export type PeerState = 'up' | 'suspect' | 'down' | 'left'

/** A heartbeat from `peer`, received here at `at`. */
export interface HeartbeatInput {
  type: 'heartbeat'
  peer: string
  /** Bumped by the peer on every restart; tells a returning node from a stale packet. */
  incarnation: number
  at: number
  /**
   * The peer's heartbeat counter within this incarnation, if the carrier has
   * one. Lets copies relayed by gossip, and packets overtaken by newer ones,
   * be dropped instead of teaching the detector a zero interval.
   */
  seq?: number
}

/** Time passed; the only input that can make a peer suspect or down. */
export interface TickInput {
  type: 'tick'
  now: number
  /**
   * When this tick was due, for a driver that ticks only when
   * MembershipTable.nextJudgementAt says a verdict may be due rather than
   * every tickMs: the table then measures a local pause from the tick of
   * the rhythm before it (due − tickMs), as if every tick had run.
   */
  due?: number
}

/**
 * Another node vouched for `peer` (SWIM indirect probe), received here at
 * `at`. A direct ping answer may be fed the same way: it is evidence of life
 * that says nothing about the heartbeat rhythm.
 */
export interface IndirectAckInput {
  type: 'indirect-ack'
  peer: string
  at: number
}

/** The peer announced a clean leave. */
export interface LeftInput {
  type: 'left'
  peer: string
  /** If given, a leave from an older incarnation than the one known is stale and ignored. */
  incarnation?: number
  /** When it was received; the last time seen otherwise. */
  at?: number
}

/** Anything `MembershipTable.step` accepts. */
export type MembershipInput = HeartbeatInput | TickInput | IndirectAckInput | LeftInput

/** A peer heartbeated for the first time. */
export interface NodeUpEvent { type: 'node-up', peer: string, at: number, incarnation: number }
/** phi crossed suspectPhi; indirect probes go out with this event. */
export interface NodeSuspectEvent { type: 'node-suspect', peer: string, at: number, phi: number }
/** A suspect peer was heard from again (or vouched for) before it was declared down. */
export interface NodeRecoveredEvent { type: 'node-recovered', peer: string, at: number, by: 'heartbeat' | 'indirect-ack' }
/** The verdict: the peer is gone. The reconciler reschedules its instances on this. */
export interface NodeDownEvent { type: 'node-down', peer: string, at: number, phi: number, suspectForMs: number }
/**
 * The same node id heartbeats again after being down or having left, or with
 * a higher incarnation while we thought it up: either way its old
 * instances are gone or doubtful and must be reconciled.
 */
export interface NodeRejoinedEvent { type: 'node-rejoined', peer: string, at: number, incarnation: number, from: PeerState }
/** The peer left cleanly; it is never declared down for its silence. */
export interface NodeLeftEvent { type: 'node-left', peer: string, at: number }

/** Transitions the table reports, each exactly once. */
export type MembershipEvent =
  | NodeUpEvent | NodeSuspectEvent | NodeRecoveredEvent | NodeDownEvent | NodeRejoinedEvent | NodeLeftEvent

/** Ask `helpers` to ping `peer` for us and relay the answer as an indirect-ack. */
export interface ProbeRequest {
  peer: string
  helpers: string[]
}

/** What one step produced: transitions to announce and probes to send. */
export interface StepOutput {
  events: MembershipEvent[]
  probes: ProbeRequest[]
}

/** A read-only view of one peer, for the API and for logs. */
export interface PeerView {
  peer: string
  state: PeerState
  incarnation: number
  /** Latest evidence of life (heartbeat or ack), local clock. */
  lastSeen: number
  /** Set while suspect. */
  suspectSince?: number
  /** Set once down or left. */
  since?: number
}
