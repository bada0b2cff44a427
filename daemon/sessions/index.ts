/**
 * Consoles and exec: a terminal or one command in a running instance, from
 * any node. The API's WebSocket reaches a SessionGateway, which relays over
 * `/trellis/exec/1` to the SessionServer of the node running the instance.
 * docs/console-exec.md is the reference.
 */
export { SessionGateway, START_TIMEOUT_MS } from './gateway.ts'
export type { SessionGatewayComponents } from './gateway.ts'
export { SessionServer, OPEN_TIMEOUT_MS } from './server.ts'
export type { SessionServerComponents } from './server.ts'
export { SESSION_PROTOCOL, MAX_FRAME_BYTES, controlFrame, dataFrames, decodeFrame } from './wire.ts'
export type { SessionControl, SessionEnd, SessionFrame, SessionOpen } from './wire.ts'
export { openFor, parseClientMessage } from './client-messages.ts'
export { enterArgv, ENTER_FAILED_EXIT, ENTER_SHELL } from './enter.ts'
export { HANGUP_GRACE_MS } from './local-session.ts'
export {
  BadSessionMessageError, ConsoleBusyError, NotRunningError, SessionStartError, SessionUnsupportedError, UnknownInstanceError
} from './errors.ts'
