import type { Distribution, SimResult } from './types.ts'

function dist (d: Distribution): string {
  return d.n === 0 ? 'n=0' : `n=${d.n} p50=${(d.p50 / 1000).toFixed(2)} s p99=${(d.p99 / 1000).toFixed(2)} s max=${(d.max / 1000).toFixed(2)} s`
}

/** The timeline, one event a line: `  t=20.300s  node-down  node-031 …`. */
export function formatTimeline (r: SimResult): string {
  return r.timeline.map(e => `t=${(e.at / 1000).toFixed(3).padStart(8)}s  ${e.kind.padEnd(14)} ${e.detail}`).join('\n')
}

/** The summary block. */
export function formatSummary (r: SimResult): string {
  const lines = [
    `scenario ${r.scenario}, seed ${r.seed}: ${r.nodes} nodes, ${r.instances} instances, ${(r.durationMs / 1000).toFixed(0)} s simulated, ${r.commands} commands`,
    `node killed → node-down:                 ${dist(r.detection)}`,
    `node killed → its instances serving again: ${dist(r.recovery)}`,
    `instances moved: ${r.moved}; nodes used: ${r.nodesUsed} at the end, ${r.peakNodesUsed} at most`,
    `timeline hash: ${r.hash}`
  ]
  const unsched = Object.entries(r.unschedulable)
  if (unsched.length > 0) lines.push(`unschedulable at the end: ${unsched.map(([a, e]) => `${a}: ${e}`).join('; ')}`)
  lines.push(r.violations.length === 0 ? 'invariants: all held' : `INVARIANTS BROKEN (${r.violations.length}):\n  ${r.violations.slice(0, 20).join('\n  ')}\nreplay: ${r.rerun}`)
  return lines.join('\n')
}

/** Timeline then summary. */
export function formatResult (r: SimResult): string {
  return `${formatTimeline(r)}\n\n${formatSummary(r)}`
}
