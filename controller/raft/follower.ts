import { campaign, poll } from './election.ts'
import type { Raft } from './raft.ts'
import type { AppendMessage, HeartbeatMessage, Message, SnapshotMessage } from './types.ts'

/** What followers, pre-candidates and candidates do with messages in their own term. */

/** Handles a message of the follower's own term. */
export function stepFollower (r: Raft, m: Message): void {
  switch (m.type) {
    case 'append':
    case 'heartbeat':
    case 'snapshot':
      r.electionElapsed = 0
      r.leader = m.from
      handleFromLeader(r, m)
      return
    case 'timeout-now':
      // Raft thesis §3.10: the leader has caught us up and asks us to campaign at once.
      if (r.promotable()) campaign(r, 'transfer')
      else r.ignore('timeout-now-not-promotable')
      return
    case 'read-index-response':
      r.readStates.push({ index: m.index, context: m.context })
      return
    default:
      // Stale responses from an earlier candidacy or leadership, or a read
      // sent to us by mistake (the asker retries with the real leader).
      r.ignore(`follower-ignores-${m.type}`)
  }
}

/** Handles a message of a (pre-)candidate's own term: count votes, or yield to a leader. */
export function stepCandidate (r: Raft, m: Message): void {
  const myResponse = r.role === 'pre-candidate' ? 'pre-vote-response' : 'vote-response'
  switch (m.type) {
    case 'append':
    case 'heartbeat':
    case 'snapshot':
      // A leader exists in our term (m.term === r.term here): follow it.
      r.becomeFollower(m.term, m.from)
      handleFromLeader(r, m)
      return
    case myResponse: {
      const result = poll(r, m.from, !m.reject)
      if (result === 'won') {
        if (r.role === 'pre-candidate') campaign(r, 'election')
        else r.becomeLeader()
      } else if (result === 'lost') {
        r.becomeFollower(r.term, null)
      }
      return
    }
    default:
      r.ignore(`candidate-ignores-${m.type}`)
  }
}

function handleFromLeader (r: Raft, m: AppendMessage | HeartbeatMessage | SnapshotMessage): void {
  if (m.type === 'append') handleAppend(r, m)
  else if (m.type === 'heartbeat') handleHeartbeat(r, m)
  else handleSnapshot(r, m)
}

function handleAppend (r: Raft, m: AppendMessage): void {
  const reply = (index: number, reject = false, rejectHint = 0, logTerm = 0): void => {
    r.send({ type: 'append-response', from: r.id, to: m.from, term: r.term, index, reject, rejectHint, logTerm })
  }
  if (m.index < r.log.committed) {
    // Everything up to our commit is settled; tell the leader where we are.
    reply(r.log.committed)
    return
  }
  const out = r.log.maybeAppend(m.index, m.logTerm, m.commit, m.entries)
  if (out.kind === 'appended') {
    r.onEntriesWritten(out.written)
    reply(out.lastNew)
    return
  }
  if (out.kind === 'conflicts-with-committed') {
    r.anomaly('append-conflicts-with-committed')
    return
  }
  // Hint the last entry that could match: at or before the probe, with a term
  // no higher than the leader's there. Skips our whole divergent tail at once.
  const [hintIndex, hintTerm] = r.log.findConflictByTerm(Math.min(m.index, r.log.lastIndex()), m.logTerm)
  reply(m.index, true, hintIndex, hintTerm)
}

function handleHeartbeat (r: Raft, m: HeartbeatMessage): void {
  // The leader sends min(our match, its commit), so this never exceeds our log; if it does, the sender is broken.
  if (!r.log.commitTo(m.commit)) r.anomaly('commit-beyond-log')
  r.heardRounds.heard(m.from, m.term, m.round ?? 0, m.confirmed ?? 0, r.ticks)
  r.send({ type: 'heartbeat-response', from: r.id, to: m.from, term: r.term, context: m.context, ...(m.round !== undefined && m.round > 0 ? { round: m.round } : {}) })
}

function handleSnapshot (r: Raft, m: SnapshotMessage): void {
  const s = m.snapshot
  const reply = (index: number): void => {
    r.send({ type: 'append-response', from: r.id, to: m.from, term: r.term, index, reject: false, rejectHint: 0, logTerm: 0 })
  }
  if (s.index <= r.log.committed) {
    reply(r.log.committed)
    return
  }
  if (r.log.matchTerm(s.index, s.term)) {
    // We already hold the entry it ends at, so everything before it matches: just commit.
    r.log.commitTo(s.index)
    reply(r.log.committed)
    return
  }
  r.log.restore(s)
  r.confs.reset(s.index, s.conf)
  r.setConf(s.conf)
  reply(r.log.lastIndex())
}
