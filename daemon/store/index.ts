export { openStore } from './store.ts'
export type { Store } from './store.ts'
export { LocalLog } from './local-log.ts'
