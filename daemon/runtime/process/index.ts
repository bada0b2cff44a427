export { ProcessDriver, PROCESS_DRIVER, RECOVER_POLL_MS, taskUser } from './driver.ts'
export type { ProcessDriverOptions } from './driver.ts'
