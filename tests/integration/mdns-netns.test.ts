/**
 * Two daemons in separate network namespaces, linked by a veth pair like two
 * racks on one LAN, find each other by mDNS with no bootstrap list. Needs
 * root and iproute2; the namespaces are removed when the test ends.
 */
import t from 'tap'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, rmdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, trellisd, waitFor } from '../helpers/daemon.ts'

const root = process.getuid?.() === 0
const tag = `tr${process.pid % 100000}`
const ns = [`${tag}a`, `${tag}b`]
const subnet = `10.${200 + (process.pid % 50)}.${process.pid % 250}`

function ip (...args: string[]): void {
  execFileSync('ip', args, { stdio: 'pipe' })
}

t.test('two namespaces find each other by mDNS', { skip: root ? false : 'needs root for network namespaces' }, async t => {
  const dirs: string[] = []
  const daemons: ChildProcess[] = []
  t.teardown(async () => {
    for (const d of daemons) if (d.exitCode === null && d.signalCode === null) d.kill('SIGKILL')
    await Promise.all(daemons.map(async d => { if (d.exitCode === null && d.signalCode === null) await new Promise(resolve => d.once('exit', resolve)) }))
    for (const n of ns) {
      try { ip('netns', 'del', n) } catch {}
      for (const c of ['memory', 'cpu']) await rmdir(`/sys/fs/cgroup/${c}/trellis-${n}`).catch(() => {})
    }
    for (const d of dirs) await rm(d, { recursive: true, force: true })
  })
  for (const n of ns) {
    ip('netns', 'add', n)
    ip('-n', n, 'link', 'set', 'lo', 'up')
  }
  ip('link', 'add', `${tag}va`, 'netns', ns[0]!, 'type', 'veth', 'peer', 'name', `${tag}vb`, 'netns', ns[1]!)
  for (const [i, n] of ns.entries()) {
    const dev = `${tag}v${'ab'[i]}`
    ip('-n', n, 'addr', 'add', `${subnet}.${i + 1}/24`, 'dev', dev)
    ip('-n', n, 'link', 'set', dev, 'up', 'multicast', 'on')
    ip('-n', n, 'route', 'add', '224.0.0.0/4', 'dev', dev)
  }

  const first = await mkdtemp(join(tmpdir(), 'trellis-mdns-'))
  const second = await mkdtemp(join(tmpdir(), 'trellis-mdns-'))
  dirs.push(first, second)
  const out = await trellisd(['init', '--data-dir', first, '--listen', '/ip4/0.0.0.0/tcp/7400', '--announce', `${subnet}.1`, '--name', 'rack-a'])
  t.match(out, /trellisd join --token-file join.token /, 'init names the token file, never the token')

  const start = (n: string, args: string[]): ChildProcess => {
    const child = spawn('ip', ['netns', 'exec', n, process.execPath, join(ROOT, 'daemon', 'main.ts'), ...args, '--api', '127.0.0.1:7420', '--cgroup-parent', `trellis-${n}`], { stdio: 'ignore' })
    daemons.push(child)
    return child
  }
  start(ns[0]!, ['--data-dir', first, '--name', 'rack-a'])
  // No address: the second finds the first by mDNS alone.
  start(ns[1]!, ['join', '--token-file', join(first, 'join.token'), '--data-dir', second, '--listen', '/ip4/0.0.0.0/tcp/7400', '--name', 'rack-b'])

  const nodesSeenIn = (n: string, dataDir: string): string[] => {
    const json = execFileSync('ip', ['netns', 'exec', n, process.execPath, join(ROOT, 'controller', 'cli', 'main.ts'), '--data-dir', dataDir, '-o', 'json', 'nodes'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    return (JSON.parse(json) as Array<{ name: string, state: string }>).filter(x => x.state === 'up').map(x => x.name).sort()
  }
  for (const [n, dir] of [[ns[0]!, first], [ns[1]!, second]] as const) {
    const seen = await waitFor(`both racks seen from ${n}`, 60_000, () => {
      try {
        const names = nodesSeenIn(n, dir)
        return names.includes('rack-a') && names.includes('rack-b') ? names : undefined
      } catch { return undefined }
    }, 500)
    t.same(seen, ['rack-a', 'rack-b'], `${n} sees both nodes`)
  }
})
