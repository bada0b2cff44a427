/**
 * Consoles and exec on a real two-node grid. `trellis exec`, asked of the
 * node that does not run the instance, runs its command as the instance's
 * uid with no other groups, in its environment, working directory and
 * cgroup, keeps stdout and stderr apart, passes stdin through and exits with
 * the command's code (128 + a signal's number); asked of the instance's own
 * node it works the same. A console opened over the WebSocket as a browser
 * would (its grid token as a subprotocol) runs the image's console command
 * on a terminal: typed text comes back, `stty size` follows resizes, and the
 * shell's exit ends the session with its code. A read-only token opens
 * nothing; an instance that does not exist is named; one whose node is down
 * is said to be unreachable.
 */
import t from 'tap'
import { spawn } from 'node:child_process'
import { readFileSync, readlinkSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import WebSocket from 'ws'
import { BEARER_SUBPROTOCOL_PREFIX, SESSION_SUBPROTOCOL, type InstanceStatusView } from '../../controller/client/index.ts'
import { killNode, ROOT, startGrid, waitFor, type TestDaemon } from '../helpers/daemon.ts'

const skip = process.getuid?.() === 0 ? false : 'needs root: a session runs as the instance\'s user in its cgroup'
const APP = `name: cx
components:
  idle:
    image: idle
  console:
    image: console
`

/** Runs the trellis CLI against a node; resolves with its exit code and what it printed. */
async function cli (node: TestDaemon, args: string[], stdin = ''): Promise<{ code: number | null, stdout: string, stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'controller', 'cli', 'main.ts'), '--data-dir', node.dataDir, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString() })
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString() })
  child.stdin.end(stdin)
  const code = await new Promise<number | null>(resolve => child.once('close', resolve))
  return { code, stdout, stderr }
}

t.test('consoles and exec from any node', { skip }, async t => {
  const { nodes } = await startGrid(fn => t.teardown(fn), 2, ['--images', join(ROOT, 'tests', 'fixtures', 'images')])
  const ids = await Promise.all(nodes.map(async n => (await n.client.node()).id))
  await nodes[0]!.client.apply(APP)
  const ready = await waitFor('both instances running', 90_000, async () => {
    const app = await nodes[0]!.client.app('cx')
    return app.instanceList.length === 2 && app.instanceList.every(i => i.ready && i.node !== '') ? app.instanceList : undefined
  }, 250)
  const owner = (i: InstanceStatusView): TestDaemon => nodes[ids.indexOf(i.node)]!
  const elsewhere = (i: InstanceStatusView): TestDaemon => nodes[ids.findIndex(id => id !== i.node)]!
  const idle = ready.find(i => i.component === 'idle')!
  const pid = await waitFor('the idle instance\'s pid', 30_000, async () => (await owner(idle).client.app('cx')).instanceList.find(i => i.id === idle.id)?.pid)

  t.test('exec from the node that does not run it: its uid, env, cwd and cgroup; output apart; its exit code', async t => {
    const script = 'id -u; id -g; id -G; echo "$TRELLIS_INSTANCE $TRELLIS_APP $USER $LANG $HOME"; grep -E ":(memory|cpu):" /proc/self/cgroup; pwd; echo to-stderr >&2; exit 7'
    const r = await cli(elsewhere(idle), ['exec', 'cx', 'idle.0', '--', 'sh', '-c', script])
    t.equal(r.code, 7, `exits with the command's code (stderr: ${r.stderr})`)
    const [uid, gid, groups, env, ...rest] = r.stdout.trimEnd().split('\n')
    const status = readFileSync(`/proc/${pid}/status`, 'utf8')
    t.equal(uid, /^Uid:\s+(\d+)/m.exec(status)![1], 'the instance\'s uid')
    t.equal(gid, /^Gid:\s+(\d+)/m.exec(status)![1], 'its gid')
    t.equal(groups, gid, 'no other groups')
    t.equal(env, `cx.idle.0 cx trellis-${uid!} C.UTF-8 ${join(owner(idle).dataDir, 'instances', 'cx.idle.0', 'home')}`, 'its environment')
    const cgroups = readFileSync(`/proc/${pid}/cgroup`, 'utf8').split('\n').filter(l => /:(memory|cpu):/.test(l))
    t.same(rest.slice(0, -1).sort(), cgroups.sort(), 'its cgroups')
    t.match(cgroups.join('\n'), /cx\.idle\.0/, 'which are the instance\'s own')
    t.equal(rest.at(-1), readlinkSync(`/proc/${pid}/cwd`), 'its working directory')
    t.equal(r.stderr, 'to-stderr\n', 'stderr apart from stdout')
  })

  t.test('exec pipes stdin through; large output arrives whole; a signal\'s death is 128 + its number; the owner node answers too', async t => {
    const cat = await cli(elsewhere(idle), ['exec', 'cx', 'idle.0', '--', 'cat'], 'hello\nworld\n')
    t.same([cat.code, cat.stdout], [0, 'hello\nworld\n'], 'cat read stdin to its end')
    const input = 'y'.repeat(3_000_000)
    const counted = await cli(elsewhere(idle), ['exec', 'cx', 'idle.0', '--', 'wc', '-c'], input)
    t.same([counted.code, counted.stdout.trim()], [0, '3000000'], '3 MB of stdin arrive whole')
    const killed = await cli(elsewhere(idle), ['exec', 'cx', 'idle.0', '--', 'sh', '-c', 'kill -TERM $$'])
    t.equal(killed.code, 143, 'SIGTERM: 128 + 15')
    const big = await cli(elsewhere(idle), ['exec', 'cx', 'idle.0', '--', 'sh', '-c', 'head -c 4000000 /dev/zero | tr "\\0" x'])
    t.same([big.code, big.stdout.length, /^x*$/.test(big.stdout)], [0, 4_000_000, true], '4 MB of output arrive whole, in 64 KiB frames across the mesh')
    const local = await cli(owner(idle), ['exec', 'cx', 'cx.idle.0', '--', 'sh', '-c', 'echo "$TRELLIS_NODE"'])
    t.same([local.code, local.stdout.trim()], [0, idle.node], 'from the instance\'s own node, by its full id')
  })

  t.test('an instance that does not exist is named; a read-only token opens nothing', async t => {
    const missing = await cli(nodes[0]!, ['exec', 'cx', 'idle.9', '--', 'true'])
    t.equal(missing.code, 125, 'the session could not run')
    t.match(missing.stderr, /idle\.9.*\[ERR_NOT_FOUND\]/, `names it: ${missing.stderr}`)
    const { token } = await nodes[0]!.client.createToken('watcher', 'read-only')
    const refused = await new Promise<number | undefined>((resolve, reject) => {
      const ws = new WebSocket(`${nodes[1]!.client.url.replace('http', 'ws')}/v1/apps/cx/instances/idle.0/exec`, [SESSION_SUBPROTOCOL, `${BEARER_SUBPROTOCOL_PREFIX}${token}`])
      ws.once('unexpected-response', (_req, res: IncomingMessage) => { res.resume(); resolve(res.statusCode) })
      ws.once('open', () => { ws.close(); resolve(undefined) })
      ws.once('error', reject)
    })
    t.equal(refused, 403, 'read-only: forbidden')
  })

  t.test('a console over the WebSocket, as a browser opens it: typing, resizing, its exit', async t => {
    const target = ready.find(i => i.component === 'console')!
    const { token } = await nodes[0]!.client.createToken('ops', 'admin')
    const via = elsewhere(target)
    const ws = new WebSocket(`${via.client.url.replace('http', 'ws')}/v1/apps/cx/instances/console.0/console`, [SESSION_SUBPROTOCOL, `${BEARER_SUBPROTOCOL_PREFIX}${token}`])
    let screen = ''
    let end: { type: string, code?: number } | undefined
    let closeCode: number | undefined
    ws.on('message', (data: Buffer, binary: boolean) => {
      if (binary && data[0] === 1) screen += data.subarray(1).toString()
      else if (!binary) end = JSON.parse(data.toString()) as typeof end
    })
    ws.on('close', code => { closeCode = code })
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject) })
    t.equal(ws.protocol, SESSION_SUBPROTOCOL)
    ws.send(JSON.stringify({ type: 'start', cols: 100, rows: 30 }))
    const type = (text: string): void => { ws.send(Buffer.concat([Buffer.from([0]), Buffer.from(text)])) }
    const see = async (what: RegExp): Promise<void> => {
      await waitFor(`${String(what)} on the console (so far: ${JSON.stringify(screen.slice(-200))})`, 20_000, () => what.test(screen) ? true : undefined, 50)
    }
    await see(/console of cx\.console\.0/)
    t.pass('the image\'s console command runs')
    type('stty size\r')
    await see(/30 100/)
    t.pass('the terminal has the size the client gave')
    ws.send(JSON.stringify({ type: 'resize', cols: 120, rows: 40 }))
    type('stty size\r')
    await see(/40 120/)
    t.pass('a resize reaches it')
    type('echo typed-$((6*7))\r')
    await see(/echo typed-\$\(\(6\*7\)\)/)
    await see(/typed-42/)
    t.pass('typed text is echoed and run')
    type('exit 9\r')
    await waitFor('the session to end', 20_000, () => closeCode)
    t.same(end, { type: 'exit', code: 9, signal: null }, 'the shell\'s exit ends it with its code')
    t.equal(closeCode, 1000)
  })

  /** The console instance's memory cgroup, how many processes are in it, and the command lines of those its sessions started. */
  const consoleCgroup = async (): Promise<{ dir: string, pids: () => number[], sessions: () => string[] }> => {
    const target = ready.find(i => i.component === 'console')!
    const main = (await owner(target).client.app('cx')).instanceList.find(i => i.id === target.id)!.pid!
    const dir = join('/sys/fs/cgroup/memory', /:memory:(.*)$/m.exec(readFileSync(`/proc/${main}/cgroup`, 'utf8'))![1]!)
    const pids = (): number[] => readFileSync(join(dir, 'cgroup.procs'), 'utf8').trim().split('\n').map(Number)
    const cmdline = (pid: number): string => { try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim() } catch { return '' } }
    return { dir, pids, sessions: () => pids().filter(p => p !== main).map(cmdline).filter(c => c !== '') }
  }

  t.test('trellis console on a terminal: raw keys (Ctrl-C reaches the instance), the window size, Ctrl-] leaves', async t => {
    const { spawn: spawnPty } = await import('node-pty')
    const target = ready.find(i => i.component === 'console')!
    const term = spawnPty(process.execPath, [join(ROOT, 'controller', 'cli', 'main.ts'), '--data-dir', elsewhere(target).dataDir, 'console', 'cx', 'console.0'], { cols: 100, rows: 30, env: { ...process.env, TERM: 'xterm' } as Record<string, string> })
    t.teardown(() => { try { term.kill('SIGKILL') } catch {} })
    let screen = ''
    term.onData(d => { screen += d })
    const exited = new Promise<number>(resolve => { term.onExit(e => { resolve(e.exitCode) }) })
    const see = async (what: RegExp): Promise<void> => {
      await waitFor(`${String(what)} on the terminal (so far: ${JSON.stringify(screen.slice(-300))})`, 20_000, () => what.test(screen) ? true : undefined, 50)
    }
    await see(/connected to console\.0 of cx; Ctrl-\] leaves/)
    await see(/console of cx\.console\.0/)
    term.write('stty size\r')
    await see(/30 100/)
    t.pass('the instance\'s terminal has this terminal\'s size')
    term.resize(120, 40)
    term.write('stty size\r')
    await see(/40 120/)
    t.pass('a window change follows')
    // Raw: Ctrl-C is a byte for the instance's terminal, not a signal to the CLI.
    const { sessions } = await consoleCgroup()
    term.write('sleep 600\r')
    await waitFor('the sleep to run in the instance', 20_000, () => sessions().includes('sleep 600') ? true : undefined, 50)
    term.write('\x03')
    term.write('echo after-$((6*7))\r')
    await see(/after-42/)
    t.pass('Ctrl-C interrupted the sleep in the instance, and the session goes on')
    term.write('\x1d')
    t.equal(await exited, 0, 'Ctrl-] leaves with 0')
    t.match(screen, /left console\.0/)
    await waitFor('the session\'s shell to be hung up', 20_000, () => sessions().length === 0 ? true : undefined, 50)
  })

  t.test('a client that goes away hangs its session up: nothing of it stays in the instance', async t => {
    const target = ready.find(i => i.component === 'console')!
    const { dir, pids } = await consoleCgroup()
    // By pid, not by count: the last test's shell may still be a zombie in the cgroup, reaped while this one starts.
    const before = new Set(pids())
    const ws = new WebSocket(`${elsewhere(target).client.url.replace('http', 'ws')}/v1/apps/cx/instances/console.0/console`, [SESSION_SUBPROTOCOL], { headers: { authorization: `Bearer ${readFileSync(join(elsewhere(target).dataDir, 'admin.token'), 'utf8').trim()}` } })
    await new Promise((resolve, reject) => { ws.once('open', resolve); ws.once('error', reject) })
    ws.send(JSON.stringify({ type: 'start' }))
    const session = await waitFor('the console\'s shell in the instance\'s cgroup', 20_000, () => { const fresh = pids().filter(p => !before.has(p)); return fresh.length > 0 ? fresh : undefined }, 50)
    ws.terminate()
    await waitFor('the shell to be hung up', 20_000, () => pids().every(p => before.has(p)) ? true : undefined, 50)
    t.pass(`the session's process(es) ${session.join(', ')} left ${dir}`)
  })

  // Last: it kills a node. Two voters, one gone: no quorum, so the grid
  // cannot move the instance and still places it on the dead node.
  t.test('an instance whose node is down: the session says it is unreachable, within the dial timeout', async t => {
    const survivor = elsewhere(idle)
    await killNode(owner(idle))
    const r = await cli(survivor, ['exec', 'cx', 'idle.0', '--', 'true'])
    t.equal(r.code, 125, 'the session could not run')
    t.match(r.stderr, /\[ERR_UNREACHABLE\]/, `says why: ${r.stderr}`)
  })
})
