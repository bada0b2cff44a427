export { RaftNode } from './node.ts'
export type { Proposed } from './node.ts'
export type { RaftOptions, Counters } from './options.ts'
export { MemoryStorage, bootstrap, entrySize, emptyConf } from './storage.ts'
export type { Storage } from './storage.ts'
export { applyConfChange, checkConfChange, isMember, isVoter, quorum } from './membership.ts'
export { checkMessage } from './validate.ts'
export { MESSAGE_TYPES } from './types.ts'
export type {
  AppendMessage, AppendResponse, ConfChange, ConfChangeEntry, ConfChangeType, ConfState, Entry, HardState,
  HeartbeatMessage, HeartbeatResponse, Message, NodeId, NormalEntry, ReadIndexRequest, ReadIndexResponse,
  ReadState, Ready, Rng, Role, Snapshot, SnapshotMessage, SoftState, Status, TimeoutNowMessage, VoteRequest,
  VoteResponse
} from './types.ts'
export {
  BadConfChangeError, BadOptionsError, BadProposalError, BadTransferError, CompactedError, ConfChangePendingError,
  NotLeaderError, RaftError, ReadyOrderError, SnapshotOutOfDateError, SnapshotUnavailableError,
  StorageCorruptError, TransferInProgressError, UnavailableError
} from './errors.ts'
