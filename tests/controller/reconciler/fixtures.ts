/** Nodes and components for the reconciler's planning tests. */
import type { PlanNode } from '../../../controller/reconciler/index.ts'
import type { ComponentSpec } from '../../../controller/graph/types.ts'

export const GiB = 1024 ** 3 // bytes

/** An up node in zone z1 on mains, able to mount volumes, 2 CPUs, 8 GiB, 100 GiB of disk; `over` changes any of it. */
export function node (id: string, over: Partial<PlanNode> = {}): PlanNode {
  return {
    id, name: id, zone: 'z1', labels: {}, state: 'up', cordoned: false, draining: false,
    power: { source: 'mains' }, capabilities: ['volume-mount'], capacity: { cpu: 2, memory: 8 * GiB, disk: 100 * GiB }, ...over
  }
}

/** A component asking a quarter CPU and a quarter GiB, no connections or volumes unless `extra` gives them. */
export function component (name: string, image: string, count = 1, extra: Partial<ComponentSpec> = {}): ComponentSpec {
  return { name, image, count, properties: {}, resources: { cpu: 0.25, memory: GiB / 4, disk: 0 }, connections: [], volumes: [], constraints: [], antiAffinity: false, ...extra }
}
