export { loadIdentity, loadAdminToken } from './identity.ts'
export type { NodeIdentity } from './identity.ts'
