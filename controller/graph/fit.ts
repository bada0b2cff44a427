import { IssueCode } from './errors.ts'
import type { Report } from './path.ts'
import { formatBytes, formatCpu } from './quantity.ts'
import type { ComponentSpec, Resources } from './types.ts'

/** A node as the validator sees it: what it could give an instance when empty. */
export interface NodeCapacity {
  name: string
  allocatable: Resources
}

/**
 * Reports a component whose one instance no node could hold even when empty.
 * That can never be placed, so it is refused at apply rather than left pending;
 * whether a node has room now is the scheduler's question, not this one.
 */
export function checkFit (spec: ComponentSpec, known: Record<keyof Resources, boolean>, nodes: readonly NodeCapacity[], report: Report): void {
  if (nodes.length === 0) return
  const at = ['components', spec.name, 'resources']
  let dimensionTooBig = false
  for (const dim of ['cpu', 'memory', 'disk'] as const) {
    if (!known[dim]) continue
    const largest = nodes.reduce((a, b) => b.allocatable[dim] > a.allocatable[dim] ? b : a)
    if (spec.resources[dim] > largest.allocatable[dim]) {
      const show = (n: number): string => dim === 'cpu' ? formatCpu(n) : `${formatBytes(n)} ${dim}`
      report(IssueCode.EXCEEDS_NODES, [...at, dim],
        `asks for ${show(spec.resources[dim])} but the largest node (${largest.name}) has ${show(largest.allocatable[dim])}`)
      dimensionTooBig = true
    }
  }
  // Only a full set of figures can show that no single node holds them together.
  if (dimensionTooBig || !known.cpu || !known.memory || !known.disk) return
  const r = spec.resources
  const fits = nodes.some(n => r.cpu <= n.allocatable.cpu && r.memory <= n.allocatable.memory && r.disk <= n.allocatable.disk)
  if (!fits) {
    report(IssueCode.EXCEEDS_NODES, at,
      `no node has ${formatCpu(r.cpu)}, ${formatBytes(r.memory)} memory and ${formatBytes(r.disk)} disk at once`)
  }
}
