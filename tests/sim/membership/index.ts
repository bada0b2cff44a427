/**
 * The failure detector's seeded simulator: heartbeats over a simulated
 * channel (delay, loss, stalls) into the real membership table, and the
 * detection-time distributions the benchmarks and docs quote.
 */
export { CLEAN_LAN, LOSSY_FIELD, simulate } from './sim.ts'
export type { ChannelOptions, Delivery, SimOptions, SimResult, Verdict } from './sim.ts'
export { HEAVY_STALLS, StallSchedule } from './sim-stalls.ts'
export type { StallOptions } from './sim-stalls.ts'
export { detectionDistribution, quantile } from './detection.ts'
export type { DetectionOptions, DetectionReport, SeededVerdict } from './detection.ts'
