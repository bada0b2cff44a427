/**
 * Generates proto/gen/trellis.js and its types from every proto/*.proto.
 * `npm run proto` after editing a .proto; tests/proto/generated.test.ts fails
 * when the committed output is stale. Never edit proto/gen by hand.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/**
 * Only what Trellis calls: create, encode and decode. Every node holds the
 * generated module's source and its functions in memory; without JSDoc,
 * verify, from/toObject, delimited forms and type URLs it is a fraction of
 * the size (docs/benchmarks.md, idle). A message has no toJSON then, so
 * JSON.stringify of one gives its own fields.
 */
const ONLY_CODEC = ['--no-verify', '--no-convert', '--no-delimited', '--no-typeurl', '--no-service']

/** Writes the generated module and declarations into outDir. */
export function generate (outDir: string): void {
  mkdirSync(outDir, { recursive: true })
  const protos = readdirSync(here).filter(f => f.endsWith('.proto')).sort().map(f => join(here, f))
  const bin = join(here, '..', 'node_modules', '.bin')
  const pbjs = (out: string, extra: string[]): void => {
    execFileSync(join(bin, 'pbjs'), ['-t', 'static-module', '-w', 'es6', '--es6', '--no-beautify', ...ONLY_CODEC, ...extra, '-o', out, ...protos], { stdio: 'inherit' })
  }
  // pbts reads the types from the JSDoc: it gets a commented copy, the daemon the module without comments.
  const work = mkdtempSync(join(tmpdir(), 'trellis-proto-'))
  try {
    const commented = join(work, 'trellis.js')
    pbjs(commented, [])
    execFileSync(join(bin, 'pbts'), ['--no-comments', '-o', join(outDir, 'trellis.d.ts'), commented], { stdio: 'inherit' })
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  pbjs(join(outDir, 'trellis.js'), ['--no-comments'])
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate(join(here, 'gen'))
