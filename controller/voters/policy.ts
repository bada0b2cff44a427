import { applyConfChange, quorum } from '../raft/index.ts'
import type { ConfChange, ConfState, NodeId } from '../raft/index.ts'

/** How the directory sees a node, as the policy needs it. */
export type CandidateState = 'up' | 'suspect' | 'down' | 'left'

/** One node of the grid as the leader sees it. */
export interface VoterCandidate {
  id: NodeId
  state: CandidateState
  /** Failure zone from the node's advert; '' when it gave none (counts as one zone of its own). */
  zone: string
  /** How long it has been down, when known; a down node without it is never replaced. */
  downForMs?: number
  /** The leader holds nearly all of its log (see RaftCommandLog.catchUp): safe to make it a voter. */
  caughtUp: boolean
}

/** Everything one decision looks at; nothing else, so a decision can be replayed from this. */
export interface VoterPolicyInput {
  /** The membership in force (the latest appended). */
  conf: ConfState
  /** The leader asking; always treated as up, never removed. */
  self: NodeId
  nodes: readonly VoterCandidate[]
  /** Most voters. Default 5. */
  maxVoters?: number
  /** A voter down longer than this (ms) is removed and replaced. */
  replaceAfterMs: number
  /** A change is appended but not committed: decide nothing until it is. */
  pendingChange: boolean
}

/** A change with the reason it was chosen, for the log line. */
export interface MembershipDecision extends ConfChange {
  reason: string
}

/** Default most voters: five tolerate two failures, more only slow commits down. */
export const DEFAULT_MAX_VOTERS = 5

/**
 * The one membership change to make next, or undefined when the membership
 * is where it should be (or a change is still pending). Pure and
 * deterministic: ties are broken by id. Rules, in priority order (docs/consensus.md):
 *
 * 1. remove a voter that left, then one down longer than replaceAfterMs — only
 *    if the voters still up form a majority of the new membership;
 * 2. remove voters beyond maxVoters (down ones first);
 * 3. promote caught-up learners toward target = min(maxVoters, up nodes rounded
 *    down to odd), preferring zones with fewest voters; from an odd count only
 *    when two are ready, so the even size in between lasts one change;
 * 4. add every up non-member as a learner;
 * 5. remove learners that left or have been down longer than replaceAfterMs;
 * 6. shrink an even, all-up voter set that cannot grow to the odd size below;
 * 7. move a voter out of a crowded zone when a caught-up learner waits in a
 *    zone with no voter (remove now; rule 3 promotes it next).
 */
export function nextMembershipChange (input: VoterPolicyInput): MembershipDecision | undefined {
  if (input.pendingChange) return undefined
  const v = view(input)
  return removeLostVoter(v) ?? removeExcessVoter(v) ?? promote(v) ?? addLearner(v) ??
    removeLostLearner(v) ?? shrinkToOdd(v) ?? spreadZones(v)
}

/** The input, resolved: each member's node entry, defaults applied. */
interface View {
  conf: ConfState
  self: NodeId
  max: number
  replaceAfterMs: number
  nodes: Map<NodeId, VoterCandidate>
  /** Nodes in state up (self always), sorted by id. */
  up: VoterCandidate[]
}

function view (input: VoterPolicyInput): View {
  const nodes = new Map<NodeId, VoterCandidate>()
  for (const n of input.nodes) nodes.set(n.id, n)
  // The leader is alive by definition, whatever gossip last said.
  const self = nodes.get(input.self)
  nodes.set(input.self, { id: input.self, zone: self?.zone ?? '', caughtUp: true, state: 'up' })
  const up = [...nodes.values()].filter(n => n.state === 'up').sort(byId)
  return { conf: input.conf, self: input.self, max: Math.max(1, input.maxVoters ?? DEFAULT_MAX_VOTERS), replaceAfterMs: input.replaceAfterMs, nodes, up }
}

/** The entry of id; a member the directory does not know counts as down for an unknown time. */
function node (v: View, id: NodeId): VoterCandidate {
  return v.nodes.get(id) ?? { id, state: 'down', zone: '', caughtUp: false }
}

function isUp (v: View, id: NodeId): boolean {
  return node(v, id).state === 'up'
}

/** Down for longer than the threshold (and known to be). */
function lost (v: View, id: NodeId): boolean {
  const n = node(v, id)
  return n.state === 'left' || (n.state === 'down' && n.downForMs !== undefined && n.downForMs > v.replaceAfterMs)
}

/**
 * The one safety rule for shrinking: the voters still up must be a majority
 * of the membership after the change, or the change (which takes effect when
 * appended) could leave the group unable to commit anything, itself included.
 */
export function keepsLiveQuorum (conf: ConfState, change: ConfChange, isLive: (id: NodeId) => boolean): boolean {
  const next = applyConfChange(conf, change)
  if (next.voters.length === 0) return false
  return next.voters.filter(isLive).length >= quorum(next)
}

function remove (v: View, id: NodeId, reason: string): MembershipDecision | undefined {
  if (id === v.self) return undefined
  const change: ConfChange = { type: 'remove', node: id }
  if (!keepsLiveQuorum(v.conf, change, x => isUp(v, x))) return undefined
  return { ...change, reason }
}

function removeLostVoter (v: View): MembershipDecision | undefined {
  const left = v.conf.voters.filter(id => node(v, id).state === 'left').sort()
  for (const id of left) {
    const d = remove(v, id, 'voter left the grid')
    if (d !== undefined) return d
  }
  // Longest down first: it is the least likely to come back.
  const down = v.conf.voters.filter(id => lost(v, id) && node(v, id).state === 'down')
    .sort((a, b) => (node(v, b).downForMs ?? 0) - (node(v, a).downForMs ?? 0) || cmp(a, b))
  for (const id of down) {
    const d = remove(v, id, `voter down for ${node(v, id).downForMs} ms (over ${v.replaceAfterMs} ms)`)
    if (d !== undefined) return d
  }
  return undefined
}

function removeExcessVoter (v: View): MembershipDecision | undefined {
  if (v.conf.voters.length <= v.max) return undefined
  const others = v.conf.voters.filter(id => id !== v.self)
  const notUp = others.filter(id => !isUp(v, id)).sort()
  for (const id of notUp.concat(crowdedFirst(v, others.filter(id => isUp(v, id))))) {
    const d = remove(v, id, `more than ${v.max} voters`)
    if (d !== undefined) return d
  }
  return undefined
}

/** Target voter count: as many up nodes as allowed, odd so that no vote is wasted. */
export function targetVoters (upCount: number, maxVoters: number): number {
  const n = Math.min(upCount, maxVoters)
  return n <= 1 ? 1 : (n % 2 === 1 ? n : n - 1)
}

function promote (v: View): MembershipDecision | undefined {
  const voters = v.conf.voters.length
  const target = targetVoters(v.up.length, v.max)
  if (voters >= target) return undefined
  const ready = v.conf.learners.filter(id => isUp(v, id) && node(v, id).caughtUp)
  // From an odd size, the even size in between halves fault tolerance: only
  // enter it when the second promotion can follow at once.
  if (voters % 2 === 1 && ready.length < 2) return undefined
  const best = spreadOrder(v, ready)[0]
  if (best === undefined) return undefined
  return { type: 'promote', node: best, reason: `${voters} voters, target ${target}; ${best} is caught up, zone '${node(v, best).zone}'` }
}

function addLearner (v: View): MembershipDecision | undefined {
  const member = new Set([...v.conf.voters, ...v.conf.learners])
  const next = v.up.find(n => !member.has(n.id))
  return next === undefined ? undefined : { type: 'add-learner', node: next.id, reason: 'up and not a member: every node follows the log' }
}

function removeLostLearner (v: View): MembershipDecision | undefined {
  const id = v.conf.learners.filter(x => lost(v, x)).sort()[0]
  if (id === undefined) return undefined
  const n = node(v, id)
  return { type: 'remove', node: id, reason: n.state === 'left' ? 'learner left the grid' : `learner down for ${n.downForMs} ms` }
}

function shrinkToOdd (v: View): MembershipDecision | undefined {
  const voters = v.conf.voters
  // A suspect node may be back in a moment: do not give up a voter over it.
  const maybeUp = [...v.nodes.values()].filter(n => n.state === 'up' || n.state === 'suspect').length
  const target = targetVoters(maybeUp, v.max)
  if (voters.length % 2 === 1 || voters.length <= target || !voters.every(id => isUp(v, id))) return undefined
  for (const id of crowdedFirst(v, voters.filter(id => id !== v.self))) {
    const d = remove(v, id, `${voters.length} voters and no learner to make it ${voters.length + 1}: shrink to ${voters.length - 1}`)
    if (d !== undefined) return d
  }
  return undefined
}

function spreadZones (v: View): MembershipDecision | undefined {
  const voters = v.conf.voters
  // Only a settled, healthy voter set is reshaped; growth and repair come first.
  if (voters.length !== targetVoters(v.up.length, v.max) || !voters.every(id => isUp(v, id))) return undefined
  const counts = zoneCounts(v)
  const waiting = v.conf.learners.filter(id => isUp(v, id) && node(v, id).caughtUp && !counts.has(node(v, id).zone))
  if (waiting.length === 0) return undefined
  const from = crowdedFirst(v, voters.filter(id => id !== v.self)).find(id => (counts.get(node(v, id).zone) ?? 0) >= 2)
  if (from === undefined) return undefined
  return remove(v, from, `zone '${node(v, from).zone}' holds ${counts.get(node(v, from).zone)} voters while ${waiting[0]} waits in zone '${node(v, waiting[0]!).zone}' with none`)
}

function zoneCounts (v: View): Map<string, number> {
  const counts = new Map<string, number>()
  for (const id of v.conf.voters) {
    const z = node(v, id).zone
    counts.set(z, (counts.get(z) ?? 0) + 1)
  }
  return counts
}

/** Candidates to promote: fewest voters in their zone first, then by id. */
function spreadOrder (v: View, ids: NodeId[]): NodeId[] {
  const counts = zoneCounts(v)
  return [...ids].sort((a, b) => (counts.get(node(v, a).zone) ?? 0) - (counts.get(node(v, b).zone) ?? 0) || cmp(a, b))
}

/** Voters to give up: most voters in their zone first, then the highest id (the newest, by convention). */
function crowdedFirst (v: View, ids: NodeId[]): NodeId[] {
  const counts = zoneCounts(v)
  return [...ids].sort((a, b) => (counts.get(node(v, b).zone) ?? 0) - (counts.get(node(v, a).zone) ?? 0) || cmp(b, a))
}

function cmp (a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function byId (a: { id: string }, b: { id: string }): number {
  return cmp(a.id, b.id)
}
