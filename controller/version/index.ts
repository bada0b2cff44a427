/**
 * This Trellis's version: package.json's, so a packed install, the daemon's
 * advert and `--version` all say the same.
 */
import pkg from '../../package.json' with { type: 'json' }
import { version as nodeVersion } from 'node:process'

/** The project's version, e.g. 0.1.0. */
export const VERSION: string = pkg.version

/** What `trellis --version` and `trellisd --version` print: the program, its version and the Node running it. */
export function versionLine (program: 'trellis' | 'trellisd'): string {
  return `${program} ${VERSION} (node ${nodeVersion})`
}
