/**
 * The names an appliance's environment is built from (images/README.md). Kept
 * beside the manifest loader so that a manifest whose names would collide there
 * is refused when it is loaded, not discovered when an instance misbehaves.
 */
import { CatalogIssueCode } from './errors.ts'
import type { Report } from '../graph/index.ts'
import type { ImageManifest } from './types.ts'

/** Variables the daemon sets for every instance besides TRELLIS_*: a manifest's `environment` may not set them. */
export const DAEMON_ENVIRONMENT = ['HOME', 'LANG', 'PATH', 'TMPDIR', 'USER'] as const
/** The prefix of every variable of the contract (terminals, properties, volumes, ids). */
export const CONTRACT_PREFIX = 'TRELLIS_'

/** Whether a manifest's `environment` may set `name`: not TRELLIS_* and not one of DAEMON_ENVIRONMENT. */
export function isReservedEnvironment (name: string): boolean {
  return name.startsWith(CONTRACT_PREFIX) || (DAEMON_ENVIRONMENT as readonly string[]).includes(name)
}

/**
 * The manifest's fixed variables as strings (YAML numbers and booleans
 * spelt out), reporting names the daemon keeps for itself and values no
 * process can be given. The shape check has already refused bad names.
 */
export function readEnvironment (raw: Record<string, unknown>, report: Report): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue
    const text = String(value)
    if (isReservedEnvironment(name)) {
      report(CatalogIssueCode.RESERVED_ENV, ['environment', name], `${name} is set by the daemon (TRELLIS_* and ${DAEMON_ENVIRONMENT.join(', ')}); an image cannot change it`)
    } else if (text.includes('\0')) {
      report(CatalogIssueCode.BAD_ENV_VALUE, ['environment', name], 'holds a NUL character, which no environment can carry')
    } else {
      env[name] = text
    }
  }
  return env
}

/** `healthPath` → `HEALTHPATH`, `max-conn` → `MAX_CONN`: upper case, anything but A–Z and 0–9 turned into `_`. */
export function environmentName (name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_')
}

/** Reports every name of the image whose environment variable another name already produces. */
export function checkEnvironmentNames (image: Pick<ImageManifest, 'terminals' | 'properties' | 'volumes'>, report: Report): void {
  const taken = new Map<string, string>()
  const claim = (variable: string, path: Array<string | number>, what: string): void => {
    const other = taken.get(variable)
    if (other !== undefined) {
      report(CatalogIssueCode.ENV_COLLISION, path, `${what} would be passed as ${variable}, which ${other} already uses`)
      return
    }
    taken.set(variable, what)
  }
  for (const t of image.terminals) {
    const base = `TRELLIS_${t.direction === 'in' ? 'IN' : 'OUT'}_${environmentName(t.name)}`
    claim(base, ['terminals', t.name], `terminal "${t.name}"`)
    // Outputs also get the per-instance list, so that name is spoken for too.
    if (t.direction === 'out') claim(`${base}_INSTANCES`, ['terminals', t.name], `terminal "${t.name}"`)
  }
  for (const p of image.properties) claim(`TRELLIS_PROP_${environmentName(p.name)}`, ['properties', p.name], `property "${p.name}"`)
  for (const v of image.volumes) claim(`TRELLIS_VOLUME_${environmentName(v.name)}`, ['volumes', v.name], `volume "${v.name}"`)
}
