export type { Transport } from './transport.ts'
export type { Gossip, GossipMessage, GossipVerdict } from './gossip.ts'
export { ChannelHandlers, DATAGRAM_CHANNELS, MAX_DATAGRAM_PAYLOAD, RIDER_OVERHEAD, Riders, type DatagramChannel, type DatagramPart, type Datagrams } from './datagrams.ts'
export { MemoryGossipNetwork, MemoryGossip, MemoryDatagrams } from './memory-gossip.ts'
export type { LoopbackNetworkInit } from './loopback.ts'
export { LoopbackNetwork, LoopbackTransport } from './loopback.ts'
export { LoopbackStream } from './loopback-stream.ts'
export {
  NodeIdInUseError,
  NoHandlerError,
  StreamResetError,
  TransportClosedError,
  UnreachableError
} from './errors.ts'
export { TerminalNetwork, TERMINAL_PROTOCOL } from './terminals.ts'
export { Forwarder } from './forwarder.ts'
export { freePort } from './ports.ts'
export { splice } from './splice.ts'
export { drained } from './drain.ts'
export type { Drainable } from './drain.ts'
export type { Endpoint, Address } from './endpoint.ts'
export { formatAddress } from './endpoint.ts'
export { readExactly, readFrame, writeFrame } from './framing.ts'
export { FrameDecoder, frame, framePrefix, readFrames, readOneFrame } from './frames.ts'
export { TurnWriter } from './turn-writer.ts'
export { FrameTooLargeError } from './errors.ts'
export { RateLimiter } from './rate-limiter.ts'
export { LinkPacer, LinkPacers } from './link-pacer.ts'
export type { LinkPacerInit, PacerClock, PacerView, PieceTicket } from './link-pacer.ts'
export { DropCounters } from './gossip-drops.ts'
export type { DropReason } from './gossip-drops.ts'
export { SplitTransport } from './split-transport.ts'
export { BufferPool } from './buffer-pool.ts'
export type { BufferPoolInit } from './buffer-pool.ts'
