/**
 * `npm run bench -- <name>...` runs the named benchmarks (files in this
 * folder), each in its own process; with no name, lists them.
 */
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
/** Files here that are parts of benchmarks, not benchmarks. */
const HELPERS = ['run.ts', 'stats.ts', 'nbdkit.ts', 'mesh-node.ts', 'pgbench.ts', 'snapshot-peer.ts', 'proc-threads.ts', 'raft-voter.ts', 'volumes-node.ts']
const all = readdirSync(here).filter(f => f.endsWith('.ts') && !HELPERS.includes(f)).map(f => f.slice(0, -3)).sort()
const wanted = process.argv.slice(2)
if (wanted.length === 0) {
  process.stdout.write(`benchmarks: ${all.join(', ')}\nrun: npm run bench -- <name> [...]\n`)
  process.exit(0)
}
for (const name of wanted) {
  if (!all.includes(name)) { process.stderr.write(`no benchmark ${name} (have: ${all.join(', ')})\n`); process.exit(2) }
  process.stdout.write(`== ${name}\n`)
  const r = spawnSync(process.execPath, [join(here, `${name}.ts`)], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
