/**
 * Generates proto/gen/trellis.js and its types from every proto/*.proto.
 * `npm run proto` after editing a .proto; tests/proto/generated.test.ts fails
 * when the committed output is stale. Never edit proto/gen by hand.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/** Writes the generated module and declarations into outDir. */
export function generate (outDir: string): void {
  mkdirSync(outDir, { recursive: true })
  const protos = readdirSync(here).filter(f => f.endsWith('.proto')).sort().map(f => join(here, f))
  const bin = join(here, '..', 'node_modules', '.bin')
  const js = join(outDir, 'trellis.js')
  execFileSync(join(bin, 'pbjs'), ['-t', 'static-module', '-w', 'es6', '--es6', '--no-beautify', '-o', js, ...protos], { stdio: 'inherit' })
  execFileSync(join(bin, 'pbts'), ['--no-comments', '-o', join(outDir, 'trellis.d.ts'), js], { stdio: 'inherit' })
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate(join(here, 'gen'))
