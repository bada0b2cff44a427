/**
 * One image manifest: YAML text in, a normalized ImageManifest or every issue
 * out. Pure; the loader (load.ts) does the reading.
 *
 *   text ──readYaml──▶ data ──schema──▶ normalize (quantities, durations, defaults) ──▶ cross-checks ──▶ ImageManifest
 */
import {
  IssueCode, quantityShaped, asRecord, collector, compileShapeCheck, describe, formatBytes, formatCpu,
  parseBytes, parseCpu, parseDuration, readYaml
} from '../graph/index.ts'
import type { GraphIssue, PathSegment, Report, Resources } from '../graph/index.ts'
import { checkEnvironmentNames, readEnvironment } from './environment.ts'
import { CatalogIssueCode } from './errors.ts'
import schema from './manifest.schema.json' with { type: 'json' }
import type { HealthSpec, ImageManifest, ImageVolumeSpec, PropertySpec, StopSignal, StopSpec, TerminalSpec } from './types.ts'
import { readVm, VM_DRIVER_NAME, withDriverRequirement } from './vm.ts'

/** Health-check figures when the manifest leaves them out. */
export const HEALTH_DEFAULTS = { intervalMs: 1000, timeoutMs: 1000, failures: 3, startPeriodMs: 10_000 } as const

/** The runtime driver when start.driver is absent. */
export const DEFAULT_DRIVER = 'process'

/** The stop signal when the manifest gives none. */
export const DEFAULT_STOP_SIGNAL: StopSignal = 'SIGTERM'
/** The longest stop timeout a manifest may ask for: the node waits that long for each instance it stops. */
export const MAX_STOP_TIMEOUT_MS = 10 * 60_000 // ms

/** The outcome of parseManifest. */
export type ManifestResult = { ok: true, manifest: ImageManifest } | { ok: false, errors: GraphIssue[] }

const checkShape = compileShapeCheck(schema)

/** Options of parseManifest. */
export interface ManifestOptions {
  /** The name the manifest must have: its folder's, when read from a catalog folder. */
  expectName?: string
}

/**
 * Reads manifest.yaml text. `dir` is the absolute path of the image folder,
 * recorded in the manifest; issue paths are relative to the manifest.
 */
export function parseManifest (text: string, dir: string, options: ManifestOptions = {}): ManifestResult {
  const yaml = readYaml(text)
  if (yaml.value === undefined) return { ok: false, errors: yaml.issues }
  const { issues, report, add } = collector()
  yaml.issues.forEach(add)
  checkShape(yaml.value).forEach(add)
  const manifest = normalize(asRecord(yaml.value) ?? {}, dir, report)
  const expected = options.expectName
  // The folder name is how apps and the daemon find the image, so the two must agree.
  if (expected !== undefined && typeof manifest.name === 'string' && manifest.name !== '' && manifest.name !== expected) {
    report(CatalogIssueCode.NAME_MISMATCH, ['name'], `the manifest names image "${manifest.name}" but its folder is "${expected}"`)
  }
  if (issues.length === 0) return { ok: true, manifest }
  for (const issue of issues) {
    if (issue.line !== undefined) continue
    const pos = yaml.position(issue.path)
    if (pos !== undefined) { issue.line = pos.line; issue.column = pos.column }
  }
  return { ok: false, errors: issues }
}

function normalize (raw: Record<string, unknown>, dir: string, report: Report): ImageManifest {
  const resources = asRecord(raw.resources) ?? {}
  const min = readResources(resources.min, ['resources', 'min'], report)
  const def = readResources(resources.default, ['resources', 'default'], report)
  for (const dim of ['cpu', 'memory', 'disk'] as const) {
    if (def[dim] < min[dim]) {
      const show = dim === 'cpu' ? formatCpu : formatBytes
      report(IssueCode.BELOW_MINIMUM, ['resources', 'default', dim], `${show(def[dim])} is below the image's own minimum of ${show(min[dim])}`)
    }
  }
  const terminals = entriesOf(raw.terminals).map(([name, t]): TerminalSpec => ({
    name,
    direction: t.direction === 'out' ? 'out' : 'in',
    protocol: typeof t.protocol === 'string' ? t.protocol : '',
    mandatory: t.mandatory === true
  }))
  const properties = entriesOf(raw.properties).map(([name, p]) => readProperty(name, p, report))
  const volumes = entriesOf(raw.volumes).map(([name, v]): ImageVolumeSpec => ({
    name,
    mount: typeof v.mount === 'string' ? v.mount : '',
    required: v.required === true
  }))
  const start = asRecord(raw.start) ?? {}
  const driver = typeof start.driver === 'string' ? start.driver : DEFAULT_DRIVER
  const vm = readVm(raw, driver, terminals, volumes, report)
  const health = readHealth(raw.health, terminals, report)
  const liveness = readHealth(raw.liveness, terminals, report, 'liveness')
  const manifest: ImageManifest = {
    name: typeof raw.name === 'string' ? raw.name : '',
    version: typeof raw.version === 'string' ? raw.version : '',
    description: typeof raw.description === 'string' ? raw.description : '',
    resources: { min, default: def },
    terminals,
    properties,
    volumes,
    ...(health === undefined ? {} : { health }),
    ...(liveness === undefined ? {} : { liveness }),
    start: {
      driver,
      command: Array.isArray(start.command) ? start.command.filter((s): s is string => typeof s === 'string') : []
    },
    ...(vm === undefined ? {} : { vm }),
    requires: withDriverRequirement(driver, Array.isArray(raw.requires) ? raw.requires.filter((s): s is string => typeof s === 'string') : []),
    dir
  }
  const stop = readStop(raw.stop, report)
  if (stop !== undefined) manifest.stop = stop
  const console = readConsole(raw.console, driver, report)
  if (console !== undefined) manifest.console = console
  const environment = asRecord(raw.environment)
  if (environment !== undefined) manifest.environment = readEnvironment(environment, report)
  const bundle = asRecord(raw.bundle)
  if (bundle !== undefined) manifest.bundle = { packages: Array.isArray(bundle.packages) ? bundle.packages.filter((p): p is string => typeof p === 'string') : [] }
  checkEnvironmentNames(manifest, report)
  return manifest
}

function readResources (raw: unknown, at: PathSegment[], report: Report): Resources {
  const given = asRecord(raw) ?? {}
  const out: Resources = { cpu: 0, memory: 0, disk: 0 }
  for (const dim of ['cpu', 'memory', 'disk'] as const) {
    if (!quantityShaped(dim, given[dim])) continue
    const parsed = dim === 'cpu' ? parseCpu(given[dim]) : parseBytes(given[dim])
    if (parsed.ok) out[dim] = parsed.value
    else report(IssueCode.BAD_QUANTITY, [...at, dim], parsed.reason)
  }
  return out
}

function readProperty (name: string, p: Record<string, unknown>, report: Report): PropertySpec {
  const at = ['properties', name]
  const type = typeof p.type === 'string' && ['string', 'integer', 'number', 'boolean'].includes(p.type)
    ? p.type as PropertySpec['type']
    : 'string'
  const spec: PropertySpec = { name, type, description: typeof p.description === 'string' ? p.description : '' }
  const fits = (v: unknown): boolean => type === 'integer' ? Number.isSafeInteger(v) : typeof v === type
  if (Array.isArray(p.enum)) {
    spec.enum = p.enum.filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    p.enum.forEach((v, i) => {
      if (!fits(v)) report(IssueCode.PROPERTY_TYPE, [...at, 'enum', i], `must be ${type === 'integer' ? 'an integer' : `a ${type}`} like the property, not ${describe(v)}`)
    })
  }
  const d = p.default
  if (typeof d === 'string' || typeof d === 'number' || typeof d === 'boolean') {
    if (!fits(d)) {
      report(IssueCode.PROPERTY_TYPE, [...at, 'default'], `must be ${type === 'integer' ? 'an integer' : `a ${type}`} like the property, not ${describe(d)}`)
    } else if (spec.enum !== undefined && !spec.enum.includes(d as string | number)) {
      report(IssueCode.PROPERTY_NOT_IN_ENUM, [...at, 'default'], `must be one of the property's enum, not ${describe(d)}`)
    }
    spec.default = d
  }
  return spec
}

function readHealth (raw: unknown, terminals: TerminalSpec[], report: Report, field: 'health' | 'liveness' = 'health'): HealthSpec | undefined {
  const h = asRecord(raw)
  if (h === undefined) return undefined
  const kind = h.kind === 'tcp' ? 'tcp' : 'http'
  const terminal = typeof h.terminal === 'string' ? h.terminal : ''
  const target = terminals.find(t => t.name === terminal)
  if (typeof h.terminal === 'string' && target === undefined) {
    report(IssueCode.UNKNOWN_TERMINAL, [field, 'terminal'], `no terminal "${terminal}" on this image`)
  } else if (target?.direction === 'out') {
    report(IssueCode.TERMINAL_DIRECTION, [field, 'terminal'], `"${terminal}" is an output; health is checked on an input`)
  }
  if (h.kind === 'http' && h.path === undefined) {
    report(IssueCode.MISSING_FIELD, [field, 'path'], 'an http health check needs the path it GETs')
  }
  const duration = (name: string, fallback: number): number => {
    // Absent takes the default; not a string is the schema check's to report.
    if (typeof h[name] !== 'string') return fallback
    const parsed = parseDuration(h[name])
    if (parsed.ok) return parsed.value
    report(IssueCode.BAD_DURATION, [field, name], parsed.reason)
    return fallback
  }
  return {
    kind,
    terminal,
    path: kind === 'http' && typeof h.path === 'string' ? h.path : '',
    intervalMs: duration('interval', HEALTH_DEFAULTS.intervalMs),
    timeoutMs: duration('timeout', HEALTH_DEFAULTS.timeoutMs),
    failures: Number.isInteger(h.failures) && (h.failures as number) >= 1 ? h.failures as number : HEALTH_DEFAULTS.failures,
    startPeriodMs: duration('startPeriod', HEALTH_DEFAULTS.startPeriodMs)
  }
}

function readStop (raw: unknown, report: Report): StopSpec | undefined {
  const s = asRecord(raw)
  if (s === undefined) return undefined
  // a signal outside the enum is the schema check's to report
  const stop: StopSpec = { signal: typeof s.signal === 'string' ? s.signal as StopSignal : DEFAULT_STOP_SIGNAL }
  if (typeof s.timeout === 'string') {
    const parsed = parseDuration(s.timeout)
    if (!parsed.ok) report(IssueCode.BAD_DURATION, ['stop', 'timeout'], parsed.reason)
    else if (parsed.value <= 0 || parsed.value > MAX_STOP_TIMEOUT_MS) report(IssueCode.OUT_OF_RANGE, ['stop', 'timeout'], `must be above 0 and at most ${MAX_STOP_TIMEOUT_MS / 60_000}m, not ${s.timeout}`)
    else stop.timeoutMs = parsed.value
  }
  return stop
}

function readConsole (raw: unknown, driver: string, report: Report): { command: string[] } | undefined {
  const c = asRecord(raw)
  if (c === undefined || !Array.isArray(c.command)) return undefined
  // a vm's console is its serial port: there is nothing to start
  if (driver === VM_DRIVER_NAME) { report(CatalogIssueCode.VM_SECTION, ['console', 'command'], 'a vm\'s console is its serial port; console.command is not used'); return undefined }
  return { command: c.command.filter((s): s is string => typeof s === 'string') }
}

// A map of maps as [name, value] pairs, dropping values that are not maps (the schema check says so).
function entriesOf (raw: unknown): Array<[string, Record<string, unknown>]> {
  const out: Array<[string, Record<string, unknown>]> = []
  for (const [name, value] of Object.entries(asRecord(raw) ?? {})) {
    const rec = asRecord(value)
    if (rec !== undefined) out.push([name, rec])
  }
  return out
}
