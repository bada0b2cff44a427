/**
 * The multicast probe in network namespaces built as the field finds hosts:
 * one with only a /24 route (no default, no multicast route), where mDNS can
 * never work, and the same with a route for 224.0.0.0/4.
 */
import t from 'tap'
import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from '../../helpers/daemon.ts'

const skip = process.getuid?.() === 0 ? false : 'needs root for network namespaces'
const tag = `tmc${process.pid % 100000}`

function ip (...args: string[]): void { execFileSync('ip', args, { stdio: 'ignore' }) }

/** Runs the probe inside the namespace (nsenter keeps /sys and the cgroup tree, unlike ip netns exec). */
function probeIn (ns: string): { ok: boolean, why?: string } {
  const script = `import { probeMulticast } from ${JSON.stringify(join(ROOT, 'daemon', 'mesh', 'multicast.ts'))}; process.stdout.write(JSON.stringify(await probeMulticast()))`
  const r = spawnSync('nsenter', [`--net=/run/netns/${ns}`, process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 })
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout) as { ok: boolean, why?: string }
}

t.test('multicast cannot leave a host with only a /24 route; it can once 224.0.0.0/4 is routed', { skip }, async t => {
  const ns = `${tag}n`
  t.teardown(() => { spawnSync('ip', ['netns', 'del', ns]) })
  ip('netns', 'add', ns)
  // Both ends of a veth pair inside the namespace: an interface with a /24 and nothing else.
  ip('-n', ns, 'link', 'add', `${tag}d`, 'type', 'veth', 'peer', 'name', `${tag}p`)
  ip('-n', ns, 'addr', 'add', '10.77.0.2/24', 'dev', `${tag}d`)
  ip('-n', ns, 'link', 'set', `${tag}d`, 'up')
  ip('-n', ns, 'link', 'set', `${tag}p`, 'up')
  ip('-n', ns, 'link', 'set', 'lo', 'up')
  const before = probeIn(ns)
  t.equal(before.ok, false)
  t.match(before.why, /^sending to 224\.0\.0\.251 fails with ENETUNREACH: no route for multicast/)
  ip('-n', ns, 'route', 'add', '224.0.0.0/4', 'dev', `${tag}d`)
  t.same(probeIn(ns), { ok: true })
})
