/**
 * Finding the grid with no member address: two daemons in separate network
 * namespaces, linked by a veth pair like two racks on one LAN. With a route
 * for multicast they find each other by mDNS; on a /29 without one, as
 * field hosts often are, mDNS cannot work, so the joining node says it will
 * scan its subnet instead, and finds the other by the scan. Needs root and
 * iproute2; the namespaces are removed when each test ends.
 */
import t from 'tap'
import type { Test } from 'tap'
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, rmdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, trellisd, waitFor } from '../helpers/daemon.ts'

const root = process.getuid?.() === 0
const skip = root ? false : 'needs root for network namespaces'

function ip (...args: string[]): void {
  execFileSync('ip', args, { stdio: 'pipe' })
}

/**
 * Two racks: rack-a initialised and running, rack-b joining with no member
 * address. Returns what rack-b's join printed (its command line and log).
 */
async function twoRacks (t: Test, lan: { tag: string, prefix: number, multicast: boolean }): Promise<{ subnet: string, said: () => string }> {
  const ns = [`${lan.tag}a`, `${lan.tag}b`]
  const subnet = `10.${(lan.multicast ? 200 : 150) + (process.pid % 50)}.${process.pid % 250}`
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
  ip('link', 'add', `${lan.tag}va`, 'netns', ns[0]!, 'type', 'veth', 'peer', 'name', `${lan.tag}vb`, 'netns', ns[1]!)
  for (const [i, n] of ns.entries()) {
    const dev = `${lan.tag}v${'ab'[i]}`
    ip('-n', n, 'addr', 'add', `${subnet}.${i + 1}/${lan.prefix}`, 'dev', dev)
    ip('-n', n, 'link', 'set', dev, 'up', 'multicast', 'on')
    if (lan.multicast) ip('-n', n, 'route', 'add', '224.0.0.0/4', 'dev', dev)
  }

  const first = await mkdtemp(join(tmpdir(), 'trellis-lan-'))
  const second = await mkdtemp(join(tmpdir(), 'trellis-lan-'))
  dirs.push(first, second)
  const out = await trellisd(['init', '--data-dir', first, '--listen', '/ip4/0.0.0.0/tcp/7400', '--announce', `${subnet}.1`, '--name', 'rack-a'])
  t.match(out, /trellisd join --token-file join.token /, 'init names the token file, never the token')

  let said = ''
  const start = (n: string, args: string[]): void => {
    const child = spawn('ip', ['netns', 'exec', n, process.execPath, join(ROOT, 'daemon', 'main.ts'), ...args, '--api', '127.0.0.1:7420', '--cgroup-parent', `trellis-${n}`], { stdio: ['ignore', 'pipe', 'ignore'] })
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => { said += chunk })
    daemons.push(child)
  }
  const nodesSeenIn = (n: string, dataDir: string): string[] => {
    const json = execFileSync('ip', ['netns', 'exec', n, process.execPath, join(ROOT, 'controller', 'cli', 'main.ts'), '--data-dir', dataDir, '-o', 'json', 'nodes'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    return (JSON.parse(json) as Array<{ name: string, state: string }>).filter(x => x.state === 'up').map(x => x.name).sort()
  }
  start(ns[0]!, ['--data-dir', first, '--name', 'rack-a'])
  // A scan comes as the joining node starts: have the first listening by then.
  await waitFor('rack-a up', 60_000, () => { try { return nodesSeenIn(ns[0]!, first).includes('rack-a') ? true : undefined } catch { return undefined } }, 500)
  said = ''
  start(ns[1]!, ['join', '--token-file', join(first, 'join.token'), '--data-dir', second, '--listen', '/ip4/0.0.0.0/tcp/7400', '--name', 'rack-b'])
  for (const [n, dir] of [[ns[0]!, first], [ns[1]!, second]] as const) {
    const seen = await waitFor(`both racks seen from ${n}`, 60_000, () => {
      try {
        const names = nodesSeenIn(n, dir)
        return names.includes('rack-a') && names.includes('rack-b') ? names : undefined
      } catch { return undefined }
    }, 500)
    t.same(seen, ['rack-a', 'rack-b'], `${n} sees both nodes`)
  }
  return { subnet, said: () => said }
}

t.test('two namespaces find each other by mDNS', { skip }, async t => {
  const { said } = await twoRacks(t, { tag: `tr${process.pid % 100000}`, prefix: 24, multicast: true })
  t.match(said(), /joining grid [0-9a-f]+, looking for members by mDNS on the LAN/, 'join says it looks by mDNS')
})

t.test('without multicast, a joining node finds the grid by scanning its subnet', { skip }, async t => {
  // A /29 (six hosts) keeps the scan short; no 224.0.0.0/4 route, so no mDNS.
  const { subnet, said } = await twoRacks(t, { tag: `ts${process.pid % 100000}`, prefix: 29, multicast: false })
  t.match(said(), new RegExp(`mDNS cannot work from this host \\(sending to 224\\.0\\.0\\.251 fails with ENETUNREACH.*\\): scanning ${subnet.replaceAll('.', '\\.')}\\.0/29 for members on port 7400 instead`), 'join says mDNS cannot work, and what it scans instead')
  // The log line may trail the connection it reports.
  await waitFor('the scan to log what it found', 30_000, () => said().includes('"msg":"member found by subnet scan"') ? true : undefined, 200)
  t.pass('found by the scan, as its log says')
})
