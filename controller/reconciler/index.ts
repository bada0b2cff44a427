export { plan, instancesOf, usedByNode } from './plan.ts'
export type { Decision, NodeView, PlanInput } from './plan.ts'
