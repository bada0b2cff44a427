/**
 * Reading the environment contract of images/README.md. Every reader throws
 * ConfigError naming the variable, and `loadConfig` turns that into exit
 * code 2 with one clear line, so a misconfigured instance fails at once
 * instead of half-starting and failing its health check.
 */

/** Exit code of an instance whose environment is missing or invalid. */
export const EXIT_CONFIG = 2

/** Thrown when an environment variable is missing or invalid; `variable` names it. */
export class ConfigError extends Error {
  readonly code = 'ERR_CONFIG'
  readonly variable: string
  constructor (variable: string, problem: string) {
    super(`${variable}: ${problem}`)
    this.variable = variable
  }
}

/** A parsed `host:port`; IPv6 hosts come without their brackets. */
export interface Address {
  host: string
  port: number
}

/** The value of `name`, or a ConfigError when it is unset or empty. */
export function required (name: string): string {
  const v = process.env[name]
  if (v === undefined || v.trim() === '') throw new ConfigError(name, 'required but not set')
  return v.trim()
}

/** The value of `name`, or undefined when it is unset or empty. */
export function optional (name: string): string | undefined {
  const v = process.env[name]
  return v === undefined || v.trim() === '' ? undefined : v.trim()
}

/** `host:port` (or `[v6]:port`) from `text`; `name` is only for the error. */
export function parseAddress (name: string, text: string): Address {
  const at = text.lastIndexOf(':')
  if (at <= 0) throw new ConfigError(name, `"${text}" is not host:port`)
  let host = text.slice(0, at)
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1)
  const portText = text.slice(at + 1)
  const port = Number(portText)
  if (host === '' || !/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigError(name, `"${text}" is not host:port with a port in 1..65535`)
  }
  return { host, port }
}

/** The required `host:port` in `name`. */
export function address (name: string): Address {
  return parseAddress(name, required(name))
}

/** A comma-separated list of `host:port` in `name`, or undefined when unset. */
export function addressList (name: string): Address[] | undefined {
  const v = optional(name)
  if (v === undefined) return undefined
  const parts = v.split(',').map(s => s.trim()).filter(s => s !== '')
  if (parts.length === 0) throw new ConfigError(name, 'lists no host:port')
  return parts.map(p => parseAddress(name, p))
}

/** An integer property in [min, max], `fallback` when unset. */
export function integer (name: string, fallback: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const v = optional(name)
  if (v === undefined) return fallback
  const n = Number(v)
  if (!/^-?\d+$/.test(v) || n < min || n > max) {
    throw new ConfigError(name, `"${v}" is not an integer in ${min}..${max}`)
  }
  return n
}

/** Formats an address for logs and URLs (brackets around IPv6). */
export function formatAddress (a: Address): string {
  return a.host.includes(':') ? `[${a.host}]:${a.port}` : `${a.host}:${a.port}`
}

/**
 * Runs `read` and returns its config; on ConfigError writes the reason to
 * stderr (and a JSON line to stdout for log readers) and exits with code 2.
 */
export function loadConfig<T> (image: string, read: () => T): T {
  try {
    return read()
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err
    process.stderr.write(`${image}: invalid environment: ${err.message}\n`)
    process.stdout.write(JSON.stringify({
      time: new Date().toISOString(), level: 'error', image, event: 'config.invalid', variable: err.variable, error: err.message
    }) + '\n')
    process.exit(EXIT_CONFIG)
  }
}
