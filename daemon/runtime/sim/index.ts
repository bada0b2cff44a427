/**
 * The sim runtime: a Driver that runs nothing, over simulated machines whose
 * tasks outlive a daemon restart and die with a power cut. Used by the grid
 * simulator (tests/sim/grid) and by tests.
 */
export { SimDriver, SIM_DRIVER } from './driver.ts'
export type { SimDriverComponents } from './driver.ts'
export { SimHost } from './host.ts'
export type { HostTask, SimHostComponents } from './host.ts'
export { behaviourOf, SIM_PROGRAM } from './behaviour.ts'
export type { Behaviour } from './behaviour.ts'
