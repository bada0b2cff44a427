export type { Clock, Timer } from './clock.ts'
export { RealClock } from './real.ts'
export { VirtualClock } from './virtual.ts'
