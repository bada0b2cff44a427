/** The Prometheus text parser the metrics test reads `/metrics` with (it ships no types). */
declare module 'parse-prometheus-text-format' {
  /** One sample: a value (gauge, counter, untyped) or buckets, count and sum (histogram). */
  interface Sample {
    value?: string
    labels?: Record<string, string>
    buckets?: Record<string, string>
    count?: string
    sum?: string
  }
  /** One metric family as `# HELP` / `# TYPE` and its samples name it. */
  interface Family {
    name: string
    help: string
    type: 'GAUGE' | 'COUNTER' | 'HISTOGRAM' | 'SUMMARY' | 'UNTYPED'
    metrics: Sample[]
  }
  /** Parses the text format; throws on lines it cannot read. */
  export default function parse (text: string): Family[]
}
