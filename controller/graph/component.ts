/**
 * One component of an app: defaults from its image applied and every field
 * checked against the image. Raw input may be any shape (the schema check has
 * already reported shape faults), so each step takes only what it can use.
 */
import type { ImageManifest, PropertySpec } from '../catalog/types.ts'
import { parseConstraint } from './constraint.ts'
import { IssueCode } from './errors.ts'
import { asRecord } from './path.ts'
import type { PathSegment, Report } from './path.ts'
import { formatBytes, formatCpu, parseBytes, parseCpu, quantityShaped } from './quantity.ts'
import { describe } from './schema.ts'
import { didYouMean } from './suggest.ts'
import type { ComponentSpec, Constraint, Resources, VolumeSpec } from './types.ts'

/** Replicas of a volume when the app does not say. */
export const DEFAULT_REPLICAS = 2

/** Which of a component's resource figures are trustworthy: read from the app, or the image's default. */
export type KnownResources = Record<keyof Resources, boolean>

/** A component as normalized, plus which resource figures could be read (the node-fit check uses only those). */
export interface NormalizedComponent {
  spec: ComponentSpec
  known: KnownResources
}

/** Normalizes components.<name>; image is undefined when the component names none the catalog has. */
export function normalizeComponent (name: string, raw: Record<string, unknown>, image: ImageManifest | undefined, report: Report): NormalizedComponent {
  const at: PathSegment[] = ['components', name]
  const count = Number.isInteger(raw.count) && (raw.count as number) >= 1 ? raw.count as number : 1
  const resources = normalizeResources(raw.resources, image, [...at, 'resources'], report)
  const volumes = normalizeVolumes(raw.volumes, image, at, report)
  if (count > 1 && Object.keys(asRecord(raw.volumes) ?? {}).length > 0) {
    report(IssueCode.VOLUME_WITH_COUNT, [...at, 'count'],
      `count ${count} with a volume: a volume attaches to one instance at a time, so a component with volumes runs one instance`)
  }
  const spec: ComponentSpec = {
    name,
    image: typeof raw.image === 'string' ? raw.image : '',
    // Pinned: the app runs exactly this image until it is applied again.
    ...(image?.digest !== undefined ? { digest: image.digest } : {}),
    count,
    properties: normalizeProperties(raw.properties, image, [...at, 'properties'], report),
    resources: resources.value,
    connections: [],
    volumes,
    constraints: normalizeConstraints(raw.constraints, [...at, 'constraints'], report),
    antiAffinity: raw.antiAffinity === true
  }
  return { spec, known: resources.known }
}

function normalizeProperties (raw: unknown, image: ImageManifest | undefined, at: PathSegment[], report: Report): ComponentSpec['properties'] {
  const given = asRecord(raw) ?? {}
  const out: ComponentSpec['properties'] = {}
  if (image === undefined) return out
  const specs = new Map(image.properties.map(p => [p.name, p]))
  for (const [key, value] of Object.entries(given)) {
    const spec = specs.get(key)
    if (spec === undefined) {
      const known = [...specs.keys()]
      const list = known.length === 0 ? 'it has none' : `it has ${known.join(', ')}`
      report(IssueCode.UNKNOWN_PROPERTY, [...at, key], `no property "${key}" on image ${image.name}${didYouMean(key, known)}; ${list}`)
      continue
    }
    // Not a scalar: the schema check has said so already.
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue
    if (!hasType(value, spec)) {
      const quote = spec.type === 'string' && typeof value !== 'string' ? ' (quote it in YAML)' : ''
      report(IssueCode.PROPERTY_TYPE, [...at, key], `must be ${article(spec.type)}${quote}, not ${describe(value)}`)
      continue
    }
    if (spec.enum !== undefined && !spec.enum.includes(value as string | number)) {
      report(IssueCode.PROPERTY_NOT_IN_ENUM, [...at, key], `must be one of ${spec.enum.map(v => JSON.stringify(v)).join(', ')}, not ${describe(value)}`)
      continue
    }
    out[key] = value
  }
  // Properties that are not a map at all were reported by the schema; "missing" would only repeat it.
  const shaped = raw === undefined || asRecord(raw) !== undefined
  for (const spec of image.properties) {
    if (Object.hasOwn(given, spec.name)) continue
    if (spec.default === undefined) {
      if (!shaped) continue
      report(IssueCode.PROPERTY_REQUIRED, [...at, spec.name], `image ${image.name} needs property "${spec.name}" (${spec.type}): ${spec.description}`)
    } else {
      out[spec.name] = spec.default
    }
  }
  return out
}

function hasType (value: string | number | boolean, spec: PropertySpec): boolean {
  switch (spec.type) {
    case 'string': return typeof value === 'string'
    case 'boolean': return typeof value === 'boolean'
    case 'integer': return Number.isSafeInteger(value)
    case 'number': return typeof value === 'number' && Number.isFinite(value)
  }
}

function article (type: string): string {
  return type === 'integer' ? 'an integer' : `a ${type}`
}

const NO_RESOURCES: Resources = { cpu: 0, memory: 0, disk: 0 }

function normalizeResources (raw: unknown, image: ImageManifest | undefined, at: PathSegment[], report: Report): { value: Resources, known: KnownResources } {
  const given = asRecord(raw) ?? {}
  const defaults = image?.resources.default ?? NO_RESOURCES
  const min = image?.resources.min ?? NO_RESOURCES
  const value: Resources = { ...defaults }
  // Without an image the defaults are unknown, so only figures the app gives count.
  const known: KnownResources = { cpu: image !== undefined, memory: image !== undefined, disk: image !== undefined }
  for (const dim of ['cpu', 'memory', 'disk'] as const) {
    if (given[dim] === undefined) continue
    known[dim] = false
    if (!quantityShaped(dim, given[dim])) continue
    const parsed = dim === 'cpu' ? parseCpu(given[dim]) : parseBytes(given[dim])
    if (!parsed.ok) {
      report(IssueCode.BAD_QUANTITY, [...at, dim], parsed.reason)
      continue
    }
    value[dim] = parsed.value
    known[dim] = true
    if (image !== undefined && parsed.value < min[dim]) {
      const show = dim === 'cpu' ? formatCpu : formatBytes
      report(IssueCode.BELOW_MINIMUM, [...at, dim], `${show(parsed.value)} is below image ${image.name}'s minimum of ${show(min[dim])}`)
    }
  }
  return { value, known }
}

function normalizeVolumes (raw: unknown, image: ImageManifest | undefined, at: PathSegment[], report: Report): VolumeSpec[] {
  const given = asRecord(raw) ?? {}
  const out: VolumeSpec[] = []
  const mounts = new Map<string, string>()
  for (const [name, v] of Object.entries(given)) {
    const path = [...at, 'volumes', name]
    const declared = image?.volumes.find(iv => iv.name === name)
    if (image !== undefined && declared === undefined) {
      const known = image.volumes.map(iv => iv.name)
      const list = known.length === 0 ? 'it declares none' : `it declares ${known.join(', ')}`
      report(IssueCode.UNKNOWN_VOLUME, path, `no volume "${name}" on image ${image.name}${didYouMean(name, known)}; ${list}`)
    }
    const volume = asRecord(v)
    if (volume === undefined) continue
    let size = 0
    if (quantityShaped('disk', volume.size)) {
      const parsed = parseBytes(volume.size)
      if (!parsed.ok) report(IssueCode.BAD_QUANTITY, [...path, 'size'], parsed.reason)
      else if (parsed.value === 0) report(IssueCode.OUT_OF_RANGE, [...path, 'size'], 'a volume needs a size above 0')
      else size = parsed.value
    }
    const replicas = Number.isInteger(volume.replicas) && (volume.replicas as number) >= 1 && (volume.replicas as number) <= 5
      ? volume.replicas as number
      : DEFAULT_REPLICAS
    const mount = typeof volume.mount === 'string' ? volume.mount : declared?.mount ?? ''
    const other = mounts.get(mount)
    if (mount !== '' && other !== undefined) {
      report(IssueCode.DUPLICATE_MOUNT, [...path, 'mount'], `mount ${mount} is already taken by volume "${other}"`)
    }
    mounts.set(mount, name)
    if (declared !== undefined || image === undefined) out.push({ name, size, replicas, mount })
  }
  const shaped = raw === undefined || asRecord(raw) !== undefined
  for (const iv of shaped ? image?.volumes ?? [] : []) {
    if (iv.required && !Object.hasOwn(given, iv.name)) {
      report(IssueCode.VOLUME_REQUIRED, [...at, 'volumes', iv.name], `image ${image?.name ?? ''} needs volume "${iv.name}" (mounted at ${iv.mount})`)
    }
  }
  return out
}

/** Parses a list of constraint strings at `at`, reporting each bad one at its index. */
export function normalizeConstraints (raw: unknown, at: PathSegment[], report: Report): Constraint[] {
  if (!Array.isArray(raw)) return []
  const out: Constraint[] = []
  raw.forEach((text, i) => {
    if (typeof text !== 'string') return
    const parsed = parseConstraint(text)
    if (parsed.ok) out.push(parsed.value)
    else report(IssueCode.BAD_CONSTRAINT, [...at, i], parsed.reason)
  })
  return out
}
