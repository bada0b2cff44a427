export { plan, instancesOf, usedByNode } from './plan.ts'
export type { Decision, NodeView, PlanInput } from './plan.ts'
export { rebalance } from './rebalance.ts'
export type { RebalanceInput } from './rebalance.ts'
