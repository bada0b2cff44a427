export { ProcessDriver, PROCESS_DRIVER, RECOVER_POLL_MS } from './driver.ts'
export { checkUser, taskUser } from './user.ts'
export type { ProcessDriverOptions } from './driver.ts'
export { readBootId } from './procfs.ts'
