import { isVoter, members, quorum } from './membership.ts'
import type { Progress } from './progress.ts'
import type { Raft } from './raft.ts'
import type { AppendResponse, Entry, HeartbeatResponse, Message, NodeId } from './types.ts'

/**
 * What a leader does: replicate (probe, pipeline, snapshot), count commits,
 * confirm reads, check its quorum, hand over leadership.
 */

/** Appends the leader's own entries, then commits (a lone voter) or replicates them. */
export function appendAsLeader (r: Raft, ents: Entry[]): void {
  r.log.append(ents)
  r.onEntriesWritten(ents)
  if (!maybeCommit(r)) bcastAppend(r)
}

/**
 * Sends `to` the entries after its next index, or a snapshot if they are
 * compacted. With sendIfEmpty false, sends only if there are entries: used
 * to fill a pipeline without spamming commit-only appends.
 */
export function sendAppend (r: Raft, to: NodeId, sendIfEmpty = true): boolean {
  const pr = r.progress.get(to)
  if (pr === undefined || pr.isPaused()) return false
  const prevIndex = pr.next - 1
  const prevTerm = r.log.term(prevIndex)
  if (prevTerm === undefined) return sendSnapshot(r, to, pr)
  let entries: Entry[] = []
  // With the inflight window full only an empty append goes out (after a
  // heartbeat response unpaused us): it finds out whether the window was lost.
  if (pr.state !== 'replicate' || !pr.inflights.full()) {
    const got = r.log.slice(pr.next, pr.next + r.maxEntries, r.maxBytes)
    if (got === undefined) return sendSnapshot(r, to, pr)
    entries = got
  }
  if (entries.length === 0 && !sendIfEmpty) return false
  r.send({ type: 'append', from: r.id, to, term: r.term, index: prevIndex, logTerm: prevTerm, entries, commit: r.log.committed })
  pr.sentEntries(entries.length, prevIndex + entries.length)
  return true
}

function sendSnapshot (r: Raft, to: NodeId, pr: Progress): boolean {
  // A follower we have not heard from lately would likely drop it; snapshots are big.
  if (!pr.recentActive) return false
  let snapshot
  try {
    snapshot = r.log.storage.snapshot()
  } catch {
    r.ignore('snapshot-unavailable')
    return false
  }
  pr.becomeSnapshot(snapshot.index)
  r.send({ type: 'snapshot', from: r.id, to, term: r.term, snapshot })
  return true
}

/** Sends every other member what it lacks (or just the commit index). */
export function bcastAppend (r: Raft): void {
  for (const id of members(r.conf)) {
    if (id !== r.id) sendAppend(r, id)
  }
}

/** Heartbeats every other member, tagged with the newest pending read so one round confirms them all. */
export function bcastHeartbeat (r: Raft): void {
  const context = r.reads.heartbeatContext()
  const round = r.rounds.next(r.ticks)
  for (const id of members(r.conf)) {
    if (id === r.id) continue
    const pr = r.progress.get(id)
    if (pr === undefined) continue
    // Never tell a follower to commit past what we know it shares with us.
    const commit = Math.min(pr.match, r.log.committed)
    r.send({ type: 'heartbeat', from: r.id, to: id, term: r.term, commit, context, round, confirmed: r.rounds.confirmedFor(id) })
  }
}

/**
 * Advances the commit index to what a quorum of voters holds, if that entry
 * is of our term. The leader's own vote is its log's last index when every
 * Ready is persisted before its messages leave (synchronous mode), and only
 * its persisted index when messages may leave first (asynchronous writes):
 * counting entries on no disk would let a crash undo a commit.
 */
export function maybeCommit (r: Raft): boolean {
  const voters = r.conf.voters
  if (voters.length === 0) return false
  const own = r.asyncWrites ? r.log.persistedIndex() : r.log.lastIndex()
  const matches = voters.map(id => id === r.id ? own : (r.progress.get(id)?.match ?? 0)).sort((a, b) => b - a)
  if (!r.log.maybeCommit(matches[quorum(r.conf) - 1]!, r.term)) return false
  onCommitAdvanced(r)
  return true
}

function onCommitAdvanced (r: Raft): void {
  // Reads held back until we committed in our term can now be confirmed.
  if (r.readsAwaitingCommit.length > 0 && r.committedEntryInCurrentTerm()) {
    const waiting = r.readsAwaitingCommit
    r.readsAwaitingCommit = []
    for (const w of waiting) leaderReadIndex(r, w.from, w.context)
  }
  bcastAppend(r)
  // Thesis §4.2.2: a leader that removed itself leads until the removal commits, then steps down.
  if (!isVoter(r.conf, r.id) && r.confs.lastChangeIndex() <= r.log.committed) {
    r.becomeFollower(r.term, null)
  }
}

/** Handles a read-index request at the leader, from this node or a follower. */
export function leaderReadIndex (r: Raft, from: NodeId, context: Uint8Array): void {
  if (!r.committedEntryInCurrentTerm()) {
    // Our commit index may lag a previous leader's until our no-op commits.
    r.readsAwaitingCommit.push({ from, context })
    return
  }
  if (r.conf.voters.length === 1 && r.conf.voters[0] === r.id) {
    r.respondRead(from, r.log.committed, context)
    return
  }
  r.reads.add(r.log.committed, from, context)
  bcastHeartbeat(r)
}

/** The leader's clock: check-quorum and transfer timeouts each election timeout, snapshot retries, heartbeats. */
export function tickLeader (r: Raft): void {
  r.heartbeatElapsed++
  r.electionElapsed++
  if (r.electionElapsed >= r.electionTicks) {
    r.electionElapsed = 0
    if (r.checkQuorum) {
      if (!quorumActive(r)) {
        // Partitioned from a majority: a newer leader may exist; stop acting as leader.
        r.becomeFollower(r.term, null)
        return
      }
      for (const pr of r.progress.values()) pr.recentActive = false
    }
    // A transfer that did not finish in an election timeout is abandoned.
    r.leadTransferee = null
  }
  for (const pr of r.progress.values()) {
    if (pr.state === 'snapshot' && ++pr.snapshotTicks >= r.electionTicks) {
      // Lost snapshots are never answered: go back to probing, which sends a fresh one.
      pr.pendingSnapshot = 0
      pr.becomeProbe()
    }
  }
  if (r.heartbeatElapsed >= r.heartbeatTicks) {
    r.heartbeatElapsed = 0
    bcastHeartbeat(r)
  }
}

function quorumActive (r: Raft): boolean {
  let active = 0
  for (const id of r.conf.voters) {
    if (id === r.id || r.progress.get(id)?.recentActive === true) active++
  }
  return active >= quorum(r.conf)
}

/** Handles a message of the leader's own term. */
export function stepLeader (r: Raft, m: Message): void {
  switch (m.type) {
    case 'append-response': handleAppendResponse(r, m); return
    case 'heartbeat-response': handleHeartbeatResponse(r, m); return
    case 'read-index': leaderReadIndex(r, m.from, m.context); return
    case 'append':
    case 'heartbeat':
    case 'snapshot':
      // Another leader in our own term: impossible unless a peer is broken.
      r.anomaly('second-leader-in-term')
      return
    default:
      r.ignore(`leader-ignores-${m.type}`)
  }
}

function handleAppendResponse (r: Raft, m: AppendResponse): void {
  const pr = r.progress.get(m.from)
  if (pr === undefined) return
  pr.recentActive = true
  if (m.reject) {
    let hint = m.rejectHint
    // Skip every index whose term in our log exceeds the follower's term at
    // the hint: none of them can match (etcd's and the thesis's fast backtracking).
    if (m.logTerm > 0) hint = r.log.findConflictByTerm(Math.min(m.rejectHint, r.log.lastIndex()), m.logTerm)[0]
    if (pr.maybeDecrTo(m.index, hint)) {
      if (pr.state === 'replicate') pr.becomeProbe()
      sendAppend(r, m.from)
    }
    return
  }
  if (m.index > r.log.lastIndex()) {
    r.anomaly('ack-beyond-log')
    return
  }
  if (!pr.maybeUpdate(m.index) && !(pr.match === m.index && pr.state === 'probe')) return
  if (pr.state === 'probe') {
    pr.becomeReplicate()
  } else if (pr.state === 'snapshot' && pr.match + 1 >= r.log.firstIndex()) {
    pr.becomeProbe()
    pr.becomeReplicate()
  } else if (pr.state === 'replicate') {
    pr.inflights.freeLE(m.index)
  }
  if (maybeCommit(r) && r.role !== 'leader') return
  // Fill the pipeline as far as the window allows.
  while (sendAppend(r, m.from, false)) { /* keep sending */ }
  if (m.from === r.leadTransferee && pr.match === r.log.lastIndex()) sendTimeoutNow(r, m.from)
}

function handleHeartbeatResponse (r: Raft, m: HeartbeatResponse): void {
  const pr = r.progress.get(m.from)
  if (pr === undefined) return
  pr.recentActive = true
  pr.paused = false
  if (pr.match < r.log.lastIndex() || pr.state === 'probe') sendAppend(r, m.from)
  if ((m.round ?? 0) > 0 && r.rounds.answer(m.from, m.round!, r.conf.voters, r.id, quorum(r.conf), r.ticks)) r.confirmedAsLeader(r.rounds.contact)
  if (m.context.byteLength === 0) return
  r.reads.ack(m.from, m.context)
  for (const read of r.reads.release(r.conf.voters, r.id, quorum(r.conf))) {
    r.respondRead(read.from, read.index, read.context)
  }
}

/** Tells a caught-up transfer target to campaign at once. */
export function sendTimeoutNow (r: Raft, to: NodeId): void {
  r.send({ type: 'timeout-now', from: r.id, to, term: r.term })
}

/** Starts handing leadership to `to` (a voter): catch it up, then tell it to campaign at once. */
export function startTransfer (r: Raft, to: NodeId): void {
  if (r.leadTransferee === to) return
  r.leadTransferee = to
  // The transfer must finish within an election timeout (tickLeader aborts it).
  r.electionElapsed = 0
  const pr = r.progress.get(to)
  if (pr !== undefined && pr.match === r.log.lastIndex()) sendTimeoutNow(r, to)
  else sendAppend(r, to)
}
