/**
 * A grid of real trellisd daemons on a FieldNet: one daemon per namespace,
 * started with `nsenter --net=…` (not `ip netns exec`, which remounts /sys
 * and hides the cgroups), its mesh on the field link (eth0) and its API and
 * entries on the management link. The first node is made with `trellisd
 * init`, the others join through its field address. Everything they start
 * goes at teardown, pass or fail.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { TrellisClient } from '../../../controller/client/index.ts'
import { instancePids, removeCgroups, ROOT, trellisd, waitFor } from '../../helpers/daemon.ts'
import { releaseMounts } from '../../helpers/mounts.ts'
import type { FieldNet } from './field-net.ts'
import { onProcessEnd } from '../../helpers/process-end.ts'

/** Mesh port every node listens on, inside its own namespace. */
const MESH_PORT = 7400
/** API port, on the node's management address. */
const API_PORT = 7420

/** One daemon of the field grid. */
export interface FieldDaemon {
  index: number
  name: string
  dataDir: string
  process: ChildProcess
  client: TrellisClient
  /** Last lines of its log, for failure messages. */
  logTail: (lines?: number) => string
}

/** How the grid's daemons are started. */
export interface FieldGridOptions {
  /** `--profile` of every daemon. */
  profile: 'lan' | 'field'
  /** More flags for every daemon. */
  extraArgs?: string[]
  /** Register cleanup (a test's t.teardown); the grid is stopped and its data removed there. */
  teardown: (fn: () => Promise<void>) => void
}

/** Starts one daemon per node of `net`, waits until each serves its API, and returns them in node order. */
export async function startFieldGrid (net: FieldNet, options: FieldGridOptions): Promise<FieldDaemon[]> {
  const daemons: FieldDaemon[] = []
  const tags: Array<{ tag: string, dataDir: string }> = []
  const kill = (): void => {
    for (const d of daemons) if (d.process.exitCode === null && d.process.signalCode === null) d.process.kill('SIGKILL')
    for (const { tag, dataDir } of tags) {
      releaseMounts(dataDir)
      for (const pid of instancePids(tag, dataDir)) { try { process.kill(pid, 'SIGKILL') } catch {} }
    }
  }
  const forget = onProcessEnd(kill)
  options.teardown(async () => {
    forget()
    await Promise.all(daemons.map(async d => {
      if (d.process.exitCode !== null || d.process.signalCode !== null) return
      const exited = new Promise(resolve => d.process.once('exit', resolve))
      d.process.kill('SIGKILL')
      await exited
    }))
    kill()
    for (const { tag, dataDir } of tags) {
      await waitFor('instances to be gone', 10_000, () => instancePids(tag, dataDir).length === 0 ? true : undefined).catch(() => {})
      removeCgroups(tag)
      await rm(dataDir, { recursive: true, force: true })
    }
  })

  let bootstrap = ''
  let tokenFile = ''
  for (const n of net.nodes) {
    const dataDir = await mkdtemp(join(tmpdir(), 'trellis-field-'))
    const tag = `trellis-${n.netns}`
    tags.push({ tag, dataDir })
    const name = `field-${n.index}`
    const listen = `/ip4/${n.address}/tcp/${MESH_PORT}`
    let lead: string[] = []
    if (n.index === 0) {
      const out = await trellisd(['init', '--data-dir', dataDir, '--listen', listen, '--announce', n.address, '--name', name])
      bootstrap = out.split('\n').find(l => l.includes('trellisd join'))?.trim().split(/\s+/)[4] ?? ''
      tokenFile = join(dataDir, 'join.token')
      if (!bootstrap.startsWith('/ip4/')) throw new Error(`trellisd init printed no join address:\n${out}`)
    } else {
      lead = ['join', '--token-file', tokenFile, bootstrap]
    }
    const logFile = join(dataDir, 'trellisd.log')
    const log = openSync(logFile, 'a')
    const child = spawn('nsenter', [...net.nsenterArgs(n.index), process.execPath, join(ROOT, 'daemon', 'main.ts'), ...lead,
      '--data-dir', dataDir, '--name', name, '--listen', listen, '--no-mdns',
      '--api', `${n.mgmtAddress}:${API_PORT}`, '--entry-host', n.mgmtAddress,
      '--cgroup-parent', tag, '--stop-grace', '2000', '--profile', options.profile, ...(options.extraArgs ?? [])
    ], { stdio: ['ignore', log, log], env: { ...process.env, TRELLIS_TEST_TAG: tag } })
    closeSync(log)
    const logTail = (lines = 40): string => { try { return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n') } catch { return '' } }
    const daemon: FieldDaemon = { index: n.index, name, dataDir, process: child, client: undefined as unknown as TrellisClient, logTail }
    daemons.push(daemon)
  }
  // Started together, waited for together: each takes seconds of a loaded machine's CPU to come up.
  await Promise.all(daemons.map(async d => {
    await waitFor(`${d.name} to serve its API`, 90_000, async () => {
      if (d.process.exitCode !== null) throw new Error(`${d.name} exited with ${d.process.exitCode}:\n${d.logTail(30)}`)
      const api = JSON.parse(readFileSync(join(d.dataDir, 'api.json'), 'utf8')) as { pid: number }
      if (api.pid !== d.process.pid) return undefined
      const client = await TrellisClient.fromDataDir(d.dataDir)
      await client.health()
      d.client = client
      return true
    }, 250)
  }))
  return daemons
}

/**
 * Waits until every daemon lists all of them up and follows a leader in Raft:
 * a node is up in the mesh seconds before the leader has added it to Raft and
 * sent it the state, and a test that slows its link in between would time
 * that transfer, not what it means to.
 */
export async function waitAllUp (daemons: FieldDaemon[], timeoutMs: number): Promise<void> {
  for (const d of daemons) {
    await waitFor(`${d.name} to see ${daemons.length} nodes up`, timeoutMs, async () => {
      const list = await d.client.nodes()
      return list.length === daemons.length && list.every(x => x.state === 'up') ? true : undefined
    }, 250)
  }
  for (const d of daemons) {
    await waitFor(`${d.name} to follow a Raft leader`, timeoutMs, async () => {
      const raft = await d.client.raft()
      return raft.leader !== null && (raft.role === 'leader' || raft.role === 'follower') ? true : undefined
    }, 250)
  }
}
