import { isVoter, quorum } from './membership.ts'
import type { Raft } from './raft.ts'
import type { Message, NodeId } from './types.ts'

/**
 * Elections: starting a pre-vote or vote, counting the answers, and
 * answering another node's request. The role changes they cause
 * (becomePreCandidate, becomeCandidate, becomeLeader) stay with the state in
 * raft.ts; a lease refusing a disruptive candidate is a term rule, checked
 * there before a request reaches handleVoteRequest.
 */

/** Answers a vote or pre-vote request whose term Raft.step has already checked. */
export function handleVoteRequest (r: Raft, m: Extract<Message, { type: 'vote' | 'pre-vote' }>): void {
  const canVote = r.vote === m.from ||
    (r.vote === null && r.leader === null) ||
    (m.type === 'pre-vote' && m.term > r.term)
  const type = m.type === 'vote' ? 'vote-response' : 'pre-vote-response'
  if (canVote && r.log.isUpToDate(m.index, m.logTerm)) {
    // Answer in the candidate's term: for a pre-vote ours may be lower and would be ignored.
    r.send({ type, from: r.id, to: m.from, term: m.term, reject: false })
    if (m.type === 'vote') {
      r.electionElapsed = 0
      r.vote = m.from
    }
  } else {
    r.send({ type, from: r.id, to: m.from, term: r.term, reject: true })
  }
}

/** Starts a pre-vote, an election, or an election on a leader's TimeoutNow (no pre-vote, lease overridden). */
export function campaign (r: Raft, kind: 'pre-vote' | 'election' | 'transfer'): void {
  let term: number
  if (kind === 'pre-vote') {
    r.becomePreCandidate()
    term = r.term + 1
  } else {
    r.becomeCandidate()
    term = r.term
  }
  if (poll(r, r.id, true) === 'won') {
    // A single voter wins on its own vote.
    if (kind === 'pre-vote') campaign(r, 'election')
    else r.becomeLeader()
    return
  }
  const type = kind === 'pre-vote' ? 'pre-vote' : 'vote'
  const index = r.log.lastIndex()
  const logTerm = r.log.lastTerm()
  for (const id of r.conf.voters) {
    if (id === r.id) continue
    r.send({ type, from: r.id, to: id, term, index, logTerm, transfer: kind === 'transfer' })
  }
}

/** Records a vote and says whether the election is decided. Only voters count. */
export function poll (r: Raft, from: NodeId, granted: boolean): 'won' | 'lost' | 'pending' {
  if (isVoter(r.conf, from) && !r.votes.has(from)) r.votes.set(from, granted)
  let yes = 0
  let no = 0
  for (const id of r.conf.voters) {
    const v = r.votes.get(id)
    if (v === true) yes++
    else if (v === false) no++
  }
  const q = quorum(r.conf)
  if (yes >= q) return 'won'
  if (r.conf.voters.length - no < q) return 'lost'
  return 'pending'
}
