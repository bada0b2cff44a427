/** Which nodes vote in the grid's Raft group: a pure policy the leader's membership loop applies. */
export { nextMembershipChange, keepsLiveQuorum, targetVoters, DEFAULT_MAX_VOTERS } from './policy.ts'
export type { CandidateState, MembershipDecision, VoterCandidate, VoterPolicyInput } from './policy.ts'
