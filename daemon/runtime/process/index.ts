export { ProcessDriver, PROCESS_DRIVER, RECOVER_POLL_MS } from './driver.ts'
export { taskUser } from './user.ts'
export { logPaths } from './logs.ts'
export type { ProcessDriverOptions } from './driver.ts'
