/**
 * Node profiles: every periodic timer of a node that costs air time or
 * decides how fast the grid reacts, in one table, one column per profile
 * (`trellisd --profile lan|field`). `lan` is a switched LAN: react in
 * seconds, bandwidth is free. `field` is racks joined by radio links of tens
 * of kbit/s: every message costs, so everything periodic is slower and every
 * verdict more patient. docs/field.md gives the values, the relations
 * between them (checked by checkProfile) and the measured traffic.
 */
import { fenceTiming, LAN_FENCE, type FenceTiming } from '../../controller/reconciler/index.ts'
import { FIELD_DETECTOR, LAN_DETECTOR, nominalWindow, type DetectorSettings } from '../membership/index.ts'
import { InvalidProfileError, UnknownProfileError } from './errors.ts'

/** The profile names `--profile` takes. */
export type ProfileName = 'lan' | 'field'

/** Every periodic timer of a node, by what it drives. All times in ms. */
export interface NodeProfile {
  name: ProfileName
  /** The failure detector: gossiped heartbeats, ticks, probes (daemon/membership). */
  detector: Readonly<DetectorSettings>
  /** The replicated log (daemon/consensus). */
  raft: {
    /** One Raft tick: the core's clock, and how often a waiting proposal or read retries. */
    tickMs: number
    /** The leader's heartbeat to every follower, in ticks. */
    heartbeatTicks: number
    /** Election timeout, in ticks; randomized up to twice this. Also the leader's check-quorum period. */
    electionTicks: number
    /** How long a proposal or read barrier keeps trying before it fails. */
    timeoutMs: number
  }
  /** Node adverts by gossip (daemon/membership directory). */
  adverts: {
    /** An advert at least this often even when nothing changed. */
    intervalMs: number
    /** Least gap between two adverts sent because something changed. */
    minGapMs: number
    /** How often the node looks whether its advert changed (local: probes the machine). */
    checkMs: number
  }
  /** Instance reports by gossip: what each node runs and its latest events (daemon/agent); looked at this often, sent when changed. */
  reportIntervalMs: number
  /** A report that has not changed goes again this long after the last one sent, for newcomers and lost messages. */
  reportRefreshMs: number
  /** Self-fencing and the leader's matching grace for stateful instances (controller/reconciler/fencing.ts). */
  fence: Readonly<FenceTiming>
  /** The voter membership loop's round without a directory event (daemon/consensus; leader proposes, local otherwise). */
  membershipLoopMs: number
  /** The reconciler's round without a commit (controller/reconciler; leader proposes, local otherwise). */
  reconcileRoundMs: number
  /** The mesh (daemon/mesh). */
  mesh: {
    /** libp2p's connection monitor pings every connection this often (a new stream each time). */
    connectionPingMs: number
    /**
     * Terminal streams (app connections between nodes: often short, one per
     * request or probe) over the bulk channel. Each opens its own TLS
     * connection, whose handshake is about 3 KB with the hybrid key exchange:
     * nothing on a LAN, where it saves libp2p's JavaScript cipher; on a
     * radio link a stream of probes and requests fills it with handshakes.
     * Off, they are streams on the libp2p connection (a few dozen bytes to
     * open). Long transfers (replication, images, snapshots) stay on it.
     */
    bulkTerminals: boolean
  }
}

/**
 * A switched LAN. Raft heartbeats every 3 ticks (300 ms): the leader learns
 * nothing more from ten a second, each a round trip on every follower link
 * (docs/field.md), and elections still come after 1–2 s of silence. An
 * unchanged instance report goes again after 10 s: a newcomer gets it at the
 * next look anyway (reports.ts), so the refresh only replaces a lost one.
 */
export const LAN_PROFILE: Readonly<NodeProfile> = Object.freeze({
  name: 'lan',
  detector: LAN_DETECTOR,
  raft: Object.freeze({ tickMs: 100, heartbeatTicks: 3, electionTicks: 10, timeoutMs: 5_000 }),
  adverts: Object.freeze({ intervalMs: 10_000, minGapMs: 1_000, checkMs: 2_000 }),
  reportIntervalMs: 2_000,
  reportRefreshMs: 10_000,
  fence: LAN_FENCE,
  membershipLoopMs: 1_000,
  reconcileRoundMs: 1_000,
  mesh: Object.freeze({ connectionPingMs: 10_000, bulkTerminals: true })
})

/**
 * Radio links of tens of kbit/s, lossy and jittery. Raft heartbeats every
 * 2 s and elections after 6–12 s of silence; adverts once a minute unless
 * something the scheduler cares about changed, and never more than one in
 * 10 s; reports every 5 s; a look at the quorum contact every 2 s, and a
 * fence only after 15 s without a quorum (longer than the
 * detector takes to call a silent node down, and than a leader failover).
 */
export const FIELD_PROFILE: Readonly<NodeProfile> = Object.freeze({
  name: 'field',
  detector: FIELD_DETECTOR,
  raft: Object.freeze({ tickMs: 250, heartbeatTicks: 8, electionTicks: 24, timeoutMs: 20_000 }),
  adverts: Object.freeze({ intervalMs: 60_000, minGapMs: 10_000, checkMs: 5_000 }),
  reportIntervalMs: 5_000,
  reportRefreshMs: 30_000,
  fence: Object.freeze(fenceTiming({ quorumCheckMs: 2_000, fenceAfterMs: 15_000 })),
  membershipLoopMs: 2_000,
  reconcileRoundMs: 2_000,
  mesh: Object.freeze({ connectionPingMs: 60_000, bulkTerminals: false })
})

/** The profiles by name. */
export const PROFILES: Readonly<Record<ProfileName, Readonly<NodeProfile>>> = Object.freeze({ lan: LAN_PROFILE, field: FIELD_PROFILE })

/** The profile called `name`; throws UnknownProfileError (ERR_UNKNOWN_PROFILE) otherwise. */
export function nodeProfile (name: string): Readonly<NodeProfile> {
  if (!Object.hasOwn(PROFILES, name)) throw new UnknownProfileError(`unknown profile "${name}" (known: ${Object.keys(PROFILES).join(', ')})`)
  return PROFILES[name as ProfileName]
}

/** The leader's heartbeat period, the longest randomized election timeout, and the two added: the longest a failover leaves a node without a leader, ms. */
export function raftTimes (p: NodeProfile): { heartbeatMs: number, electionMs: number, electionMaxMs: number, failoverMs: number } {
  const heartbeatMs = p.raft.tickMs * p.raft.heartbeatTicks
  const electionMaxMs = 2 * p.raft.tickMs * p.raft.electionTicks
  return { heartbeatMs, electionMs: p.raft.tickMs * p.raft.electionTicks, electionMaxMs, failoverMs: electionMaxMs + heartbeatMs }
}

/**
 * Returns the profile if its timings hold together; throws
 * InvalidProfileError (ERR_INVALID_PROFILE) naming the first relation broken.
 * The relations, and why each matters, are in docs/field.md.
 */
export function checkProfile (p: NodeProfile): NodeProfile {
  const raft = raftTimes(p)
  const down = nominalWindow(p.detector).downAfterMs
  const failover = raft.failoverMs
  const rules: Array<[boolean, string]> = [
    // Two lost heartbeats in a row must not start an election.
    [p.raft.electionTicks >= 3 * p.raft.heartbeatTicks, `raft: electionTicks (${p.raft.electionTicks}) must be at least 3 × heartbeatTicks (${p.raft.heartbeatTicks})`],
    // A proposal made as the leader dies must outlive the election that replaces it (the longest timeout, then a vote round).
    [p.raft.timeoutMs >= failover, `raft: timeoutMs (${p.raft.timeoutMs}) must be at least the longest election timeout plus a heartbeat (${failover})`],
    // A node never fences for a silence the detector would not yet call a death…
    [p.fence.fenceAfterMs >= down, `fence: fenceAfterMs (${p.fence.fenceAfterMs}) must be at least the detector's down window (${Math.ceil(down)})`],
    // …nor for a leader failover: every node loses its quorum until a new leader is elected.
    [p.fence.fenceAfterMs >= failover, `fence: fenceAfterMs (${p.fence.fenceAfterMs}) must be at least the longest election timeout plus a heartbeat (${failover})`],
    // Two checks at least must fail before a fence: one lost answer is no verdict.
    [p.fence.fenceAfterMs >= 2 * p.fence.quorumCheckMs, `fence: fenceAfterMs (${p.fence.fenceAfterMs}) must be at least 2 × quorumCheckMs (${p.fence.quorumCheckMs})`],
    // The leader's grace is derived from the same numbers the node fences by.
    [p.fence.statefulGraceMs > p.fence.fencedWithinMs && p.fence.fencedWithinMs >= p.fence.fenceAfterMs + 2 * p.fence.quorumCheckMs,
      `fence: statefulGraceMs (${p.fence.statefulGraceMs}) must exceed fencedWithinMs (${p.fence.fencedWithinMs}), itself fenceAfterMs + 2 checks`],
    // Adverts are soft state riding on top of heartbeats, never more frequent.
    [p.adverts.minGapMs <= p.adverts.intervalMs && p.adverts.intervalMs >= p.detector.heartbeatMs, `adverts: minGapMs (${p.adverts.minGapMs}) ≤ intervalMs (${p.adverts.intervalMs}), and intervalMs ≥ the detector's heartbeat (${p.detector.heartbeatMs})`],
    // An unchanged report cannot go more often than the node looks.
    [p.reportRefreshMs >= p.reportIntervalMs, `reports: reportRefreshMs (${p.reportRefreshMs}) must be at least reportIntervalMs (${p.reportIntervalMs})`]
  ]
  for (const [ok, message] of rules) if (!ok) throw new InvalidProfileError(message)
  return p
}
