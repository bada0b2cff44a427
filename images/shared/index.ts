/** Helpers shared by the images: environment contract, logging, HTTP, lifecycle. */
export { ConfigError, EXIT_CONFIG, address, addressList, formatAddress, integer, loadConfig, optional, parseAddress, required } from './env.ts'
export type { Address } from './env.ts'
export { createLog, describeError } from './log.ts'
export type { Log } from './log.ts'
export { HttpError, listen, readBody, sendError, sendJson, splitUrl } from './http.ts'
export { GRACE_MS, closeServer, stopOnSignal } from './lifecycle.ts'
