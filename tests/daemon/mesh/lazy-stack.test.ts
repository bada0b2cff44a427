/**
 * The daemon's modules load without libp2p's stack: host.ts imports it when
 * the first mesh host is built, so a node outside any grid never holds it
 * (docs/benchmarks.md, idle). A fresh Node records every module resolved.
 */
import t from 'tap'
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { ROOT } from '../../helpers/daemon.ts'

/** The packages of the stack, by the folder their files resolve to. */
const STACK = /\/node_modules\/(libp2p|@libp2p\/(gossipsub|noise|yamux|tcp|mdns|identify|ping|bootstrap))\//

const CHILD = `
import { registerHooks } from 'node:module'
const seen = []
registerHooks({ resolve (specifier, context, next) { const r = next(specifier, context); seen.push(r.url); return r } })
await import(process.env.DAEMON_NODE)
const daemon = seen.length
await import(process.env.MESH_HOST_STACK)
process.stdout.write(JSON.stringify({ daemon: seen.slice(0, daemon), after: seen.slice(daemon) }))
`

t.test('daemon/node.ts and everything it imports load no module of the libp2p stack', async t => {
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', CHILD], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, DAEMON_NODE: pathToFileURL(join(ROOT, 'daemon', 'node.ts')).href, MESH_HOST_STACK: 'libp2p' }
  })
  const { daemon, after } = JSON.parse(out) as { daemon: string[], after: string[] }
  t.ok(daemon.length > 100, `the daemon's modules were seen (${daemon.length})`)
  t.same(daemon.filter(url => STACK.test(url)), [], 'none of the stack')
  t.ok(after.some(url => STACK.test(url)), 'importing libp2p itself is seen: the check can fail')
})
