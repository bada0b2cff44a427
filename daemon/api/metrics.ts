import { STREAMED, type ApiServer } from './server.ts'

/** The node's metrics as the API serves them. */
export interface MetricsService {
  scrape (): Promise<{ text: string, contentType: string }>
}

/** Path of the metrics, where Prometheus looks by default. */
export const METRICS_PATH = '/metrics'

/**
 * `GET /metrics`: the Prometheus text format (docs/metrics.md). `open`: served
 * without a token, as Prometheus exporters are (it holds counts and names, no secrets).
 */
export function addMetricsRoute (server: ApiServer, metrics: MetricsService, options: { open: boolean }): void {
  server.streamRoute('GET', METRICS_PATH, async (_req, res) => {
    const { text, contentType } = await metrics.scrape()
    res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' })
    res.end(text)
    return STREAMED
  }, { open: options.open })
}
