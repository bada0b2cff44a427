/**
 * The names an appliance's environment is built from (images/README.md). Kept
 * beside the manifest loader so that a manifest whose names would collide there
 * is refused when it is loaded, not discovered when an instance misbehaves.
 */
import { CatalogIssueCode } from './errors.ts'
import type { Report } from '../graph/index.ts'
import type { ImageManifest } from './types.ts'

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
