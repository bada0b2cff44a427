/**
 * The scheduler: a pure function from an app, its images and the grid's nodes
 * to placements for every instance, or an explanation per component of why
 * not. Pipeline and rules: README.md here and docs/scheduling.md.
 */
export type {
  Amounts, ImageLookup, ImageRequirements, NodeState, Placement, PowerSource, SchedNode, ScheduleOptions,
  ScheduleRequest, ScheduleResult, Strategy
} from './types.ts'
export { schedule, assertScheduled, DEFAULT_MIN_BATTERY_PERCENT, DEFAULT_STRATEGY } from './schedule.ts'
export { SchedulerError, InvalidScheduleRequestError, UnschedulableError } from './errors.ts'
export { holds, attributeOf, STATIC_CHECKERS, DYNAMIC_CHECKERS } from './feasible.ts'
export type { FeasibilityChecker } from './feasible.ts'
export { RANKERS } from './rank.ts'
export type { Ranker } from './rank.ts'
export type { Reason } from './explain.ts'
