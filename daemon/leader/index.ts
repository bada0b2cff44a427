export { ReconcileLoop } from './reconcile-loop.ts'
export type { ReconcileLoopComponents } from './reconcile-loop.ts'
export { QuorumWatch, FENCE_AFTER_MS } from './quorum-watch.ts'
