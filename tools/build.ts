/**
 * `npm run build` (run by prepack): dist/ holds what a packed install runs,
 * laid out as the checkout is so that paths found from import.meta.url still
 * hold: the daemon and the CLI compiled to JavaScript, next to the files
 * they read at run time (generated protobuf code, the console's web assets,
 * the bundled images). A checkout keeps running the .ts sources.
 */
import { execFileSync } from 'node:child_process'
import { cpSync, rmSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(root, 'dist')

/** Copied as they are: [from, to] relative to the root and to dist/. */
const RUNTIME_FILES: Array<[string, string]> = [
  ['proto/gen/trellis.js', 'proto/gen/trellis.js'],
  ['controller/console/web', 'controller/console/web'],
  // Images run as TypeScript from the node's image store (outside node_modules, so Node strips their types);
  // their links to images/shared become copies, as an image bundle makes them.
  ['images', 'images'],
  // The console's catalog offers the example apps' kinds (controller/console/assets.ts reads them).
  ['examples', 'examples']
]

rmSync(dist, { recursive: true, force: true })
execFileSync(join(root, 'node_modules', '.bin', 'tsc'), ['-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' })
for (const [from, to] of RUNTIME_FILES) {
  cpSync(join(root, from), join(dist, to), { recursive: true, dereference: true, filter: source => !source.endsWith('.d.ts') && !source.endsWith('demo.ts') })
}
