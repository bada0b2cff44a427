export type { NbdAddress, NbdExport, NbdServerStats } from './types.ts'
export type { NbdListen, NbdServerComponents, NbdServerInit } from './server.ts'
export {
  DEFAULT_HANDSHAKE_TIMEOUT_MS, DEFAULT_MAX_IN_FLIGHT_BYTES, DEFAULT_MAX_IN_FLIGHT_REQUESTS, NbdServer
} from './server.ts'
export { checkRequest } from './transmission.ts'
export type { NbdRequest } from './transmission.ts'
export * as nbdProtocol from './constants.ts'
export {
  ConnectionClosedError, ExportExistsError, InvalidExportNameError, ProtocolError, ServerClosedError
} from './errors.ts'
