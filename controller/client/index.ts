export { TrellisClient, ClientError, DEFAULT_API } from './client.ts'
export type * from './types.ts'
