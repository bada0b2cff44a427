export { ReconcileLoop } from './reconcile-loop.ts'
export type { ReconcileLoopComponents } from './reconcile-loop.ts'
