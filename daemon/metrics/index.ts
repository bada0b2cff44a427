/**
 * Metrics: every node serves `/metrics` in the Prometheus text format
 * (prom-client). docs/metrics.md lists the series and gives a scrape config.
 */
export { NodeMetrics } from './node-metrics.ts'
export type { MetricsSources, NodeResources, VolumeGauge } from './sources.ts'
