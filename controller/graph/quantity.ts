/**
 * Quantities as people write them in apps and manifests: sizes (`64Mi`, `1Gi`,
 * `512M`, plain bytes), cpu (`0.5` cores or `"500m"` millicores) and durations
 * (`1s`, `500ms`, `1m30s`). Suffixes follow Kubernetes so the figures read the same.
 */

/** A parsed value, or why the text is not one. */
export type Parsed<T> = { ok: true, value: T } | { ok: false, reason: string }

const BINARY = 1024
const DECIMAL = 1000

// Powers of the base for each suffix; `k` is accepted because Kubernetes writes kilo that way.
const SIZE_SUFFIX: Record<string, number> = {
  '': 1,
  k: DECIMAL, K: DECIMAL, M: DECIMAL ** 2, G: DECIMAL ** 3, T: DECIMAL ** 4, P: DECIMAL ** 5, E: DECIMAL ** 6,
  Ki: BINARY, Mi: BINARY ** 2, Gi: BINARY ** 3, Ti: BINARY ** 4, Pi: BINARY ** 5, Ei: BINARY ** 6
}

const SIZE_HINT = 'write bytes, or a number with Ki, Mi, Gi, Ti (powers of 1024) or K, M, G, T (powers of 1000), e.g. 64Mi'

/** Parses a size in bytes: a non-negative integer, or a number with a size suffix. Fractions of a byte round up. */
export function parseBytes (input: unknown): Parsed<number> {
  if (typeof input === 'number') {
    if (!Number.isSafeInteger(input) || input < 0) return { ok: false, reason: `${input} is not a whole number of bytes; ${SIZE_HINT}` }
    return { ok: true, value: input }
  }
  if (typeof input !== 'string') return { ok: false, reason: `must be a size; ${SIZE_HINT}` }
  const m = /^(\d+(?:\.\d+)?)([kKMGTPE]i?)?$/.exec(input.trim())
  const factor = m === null ? undefined : SIZE_SUFFIX[m[2] ?? '']
  if (m === null || factor === undefined) return { ok: false, reason: `"${input}" is not a size; ${SIZE_HINT}` }
  const n = Number(m[1])
  if (m[2] === undefined && !Number.isInteger(n)) return { ok: false, reason: `"${input}" is not a whole number of bytes; ${SIZE_HINT}` }
  const bytes = Math.ceil(n * factor)
  if (!Number.isSafeInteger(bytes)) return { ok: false, reason: `"${input}" is too large` }
  return { ok: true, value: bytes }
}

const CPU_HINT = 'write cores (0.5) or millicores ("500m")'

/** Parses cpu into cores: a number of cores, a numeric string, or `<n>m` millicores. Finer than a millicore is refused. */
export function parseCpu (input: unknown): Parsed<number> {
  let cores: number
  if (typeof input === 'number') {
    cores = input
  } else if (typeof input === 'string') {
    const text = input.trim()
    const milli = /^(\d+)m$/.exec(text)
    if (milli !== null) cores = Number(milli[1]) / 1000
    else if (/^\d+(?:\.\d+)?$/.test(text)) cores = Number(text)
    else return { ok: false, reason: `"${input}" is not a cpu quantity; ${CPU_HINT}` }
  } else {
    return { ok: false, reason: `must be a cpu quantity; ${CPU_HINT}` }
  }
  if (!Number.isFinite(cores) || cores < 0) return { ok: false, reason: `${String(input)} is not a cpu quantity; ${CPU_HINT}` }
  const millis = cores * 1000
  // The scheduler adds these up; holding them to whole millicores keeps the sums exact enough.
  if (Math.abs(millis - Math.round(millis)) > 1e-6) return { ok: false, reason: `${String(input)} is finer than a millicore` }
  return { ok: true, value: Math.round(millis) / 1000 }
}

const DURATION_UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }

/** Parses a duration into milliseconds: `500ms`, `1s`, `1.5s`, `2m`, `1h`, `1m30s`. A unit is required. */
export function parseDuration (input: unknown): Parsed<number> {
  const hint = 'write a number with a unit (ms, s, m, h), e.g. 1s or 500ms'
  if (typeof input !== 'string') return { ok: false, reason: `must be a duration; ${hint}` }
  const text = input.trim()
  if (!/^(?:\d+(?:\.\d+)?(?:ms|s|m|h))+$/.test(text)) return { ok: false, reason: `"${input}" is not a duration; ${hint}` }
  let ms = 0
  for (const part of text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h)/g)) {
    ms += Number(part[1]) * (DURATION_UNIT_MS[part[2] as string] as number)
  }
  return { ok: true, value: Math.round(ms) }
}

/**
 * Whether a value has the JSON type the schemas allow for a quantity (cpu: string
 * or number; sizes: string or integer). Values that don't are the schema check's
 * to report, so the parsers are not asked and the fault is reported once.
 */
export function quantityShaped (dim: 'cpu' | 'memory' | 'disk', value: unknown): boolean {
  if (typeof value === 'string') return true
  return typeof value === 'number' && (dim === 'cpu' || Number.isInteger(value))
}

/** A byte count for messages: `192 MiB`, `1.5 GiB`, `512 B`. */
export function formatBytes (bytes: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB', 'EiB']
  let value = bytes
  let i = 0
  while (value >= BINARY && i < units.length - 1) { value /= BINARY; i++ }
  const shown = Number.isInteger(value) ? String(value) : value.toFixed(value < 10 ? 2 : 1).replace(/\.?0+$/, '')
  return `${shown} ${units[i] as string}`
}

/** A cpu figure for messages: `0.5 cores`, `1 core`. */
export function formatCpu (cores: number): string {
  return `${cores} ${cores === 1 ? 'core' : 'cores'}`
}
