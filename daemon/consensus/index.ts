export { LevelStorage } from './storage.ts'
export type { ReadyWrite } from './storage.ts'
export {
  MAX_MESSAGE_BYTES, decodeEntry, decodeHardState, decodeMessage, decodeSnapshot,
  encodeEntry, encodeHardState, encodeMessage, encodeSnapshot
} from './codec.ts'
export { FrameDecoder, frame, readFrames } from './frames.ts'
export { BadRaftMessageError, FrameTooLargeError, NotLeaderError, RaftClosedError, UnavailableError } from './errors.ts'
export { RaftLog } from './raft-log.ts'
export type { RaftLogComponents, RaftLogInit, RaftLogStatus } from './raft-log.ts'
export { PeerLinks, RAFT_PROTOCOL } from './peer-link.ts'
export type { PeerLinkStats, PeerLinksInit } from './peer-link.ts'
export { ProposalForwarder, FORWARD_PROTOCOL } from './forward.ts'
export type { Applied, ForwardTarget } from './forward.ts'
export { serializeState, restoreState } from './snapshot.ts'
export { BadSnapshotError, ForwardedError } from './errors.ts'
