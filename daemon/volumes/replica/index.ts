export type { ReplicatedBlockStoreComponents, ReplicatedBlockStoreInit } from './replicated-store.ts'
export { DEFAULT_REPLICA_TIMEOUT, ReplicatedBlockStore, openReplicatedBlockStore } from './replicated-store.ts'
export type { ResyncOptions, ResyncProgress, ResyncResult } from './resync.ts'
export { DEFAULT_RESYNC_CHUNK, DEFAULT_RESYNC_RATE } from './resync.ts'
export type { ThrottleClock } from './throttle.ts'
export { TokenBucket } from './throttle.ts'
export type { ReplicaServerComponents, ReplicaServerInit, ReplicaServerStats } from './server.ts'
export { ReplicaServer } from './server.ts'
export type { ReplicaRequest, ReplicaResponse, RequestHead } from './wire.ts'
export { MAX_FRAME, MAX_WRITE, Op, REPLICA_PROTOCOL, REPLICA_PROTOCOL_2, REPLICA_PROTOCOLS, decodeRequest, decodeSynced, framedSynced, decodeResponse, encodeRequest, encodeResponse, framedRequestHead, framedResponse } from './wire.ts'
export {
  BadReplicaFrameError, InvalidResyncOptionsError, NoSuchReplicaError, ReplicaClosedError, ReplicaRequestError,
  ReplicaTimeoutError, ReplicaUnavailableError, ResyncAbortedError, ResyncConflictError
} from './errors.ts'
