export { TrellisClient, ClientError, DEFAULT_API } from './client.ts'
export type { EventsOptions, LogsOptions } from './client.ts'
export type * from './types.ts'
export { defaultDataDir, SYSTEM_DATA_DIR } from './data-dir.ts'
