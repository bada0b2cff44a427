/**
 * One JSON line per event on stdout: the daemon keeps an appliance's stdout,
 * and one object a line is what log shippers and `jq` read without a parser
 * of our own. No pino here, so an image needs nothing but Node to log.
 */

/** Writes one event; `fields` are merged into the line. */
export type LogLine = (event: string, fields?: Record<string, unknown>) => void

/** Logs at info when called; `warn` and `error` for the other levels. */
export interface Log extends LogLine {
  warn: LogLine
  error: LogLine
}

/** Severity of an event, as a string so the line reads without a lookup table. */
export type Level = 'info' | 'warn' | 'error'

/** A logger that stamps every line with the time and the fields of `base` (image, instance). */
export function createLog (base: Record<string, unknown>): Log {
  const write = (level: Level) => (event: string, fields: Record<string, unknown> = {}): void => {
    process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level, ...base, event, ...fields }) + '\n')
  }
  return Object.assign(write('info'), { warn: write('warn'), error: write('error') })
}

/** The message and code of an unknown thrown value, fit for a log line. */
export function describeError (err: unknown): { error: string, code?: string } {
  if (err instanceof Error) {
    const code = (err as NodeJS.ErrnoException).code
    return code === undefined ? { error: err.message } : { error: err.message, code }
  }
  return { error: String(err) }
}
