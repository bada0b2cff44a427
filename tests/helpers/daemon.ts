/**
 * Starts real trellisd processes for tests and makes sure nothing they
 * started outlives the test, even when it fails.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { closeSync, openSync, readFileSync, existsSync, rmdirSync, readdirSync, rmSync } from 'node:fs'
import { mkdtemp } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { TrellisClient } from '../../controller/client/index.ts'
import { mountsUnder, releaseMounts } from './mounts.ts'
import { onProcessEnd } from './process-end.ts'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')

export interface TestDaemon {
  dataDir: string
  cgroupParent: string
  process: ChildProcess
  client: TrellisClient
  /** Starts the daemon again on the same data dir (after kill or stop). */
  restart (): Promise<void>
  /** kill -9 of the daemon alone; its instances keep running. */
  crash (): Promise<void>
  /** SIGTERM and wait for exit. */
  stop (): Promise<void>
  /** Last lines of the daemon's log, for failure messages. */
  logTail (lines?: number): string
}

/** Polls until probe returns a value other than undefined; probe errors count as not yet. */
export async function waitFor<T> (what: string, timeoutMs: number, probe: () => Promise<T | undefined> | T | undefined, intervalMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let lastError: unknown
  for (;;) {
    try {
      const value = await probe()
      if (value !== undefined) return value
    } catch (err) { lastError = err }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError !== undefined ? `: ${(lastError as Error).message}` : ''}`)
    await new Promise(r => setTimeout(r, intervalMs))
  }
}

export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const s = createServer()
    s.once('error', reject)
    s.listen({ host: '127.0.0.1', port: 0 }, () => {
      const a = s.address()
      s.close(() => { resolve(typeof a === 'object' && a !== null ? a.port : 0) })
    })
  })
}

/**
 * Pids of the daemon (tagged TRELLIS_TEST_TAG) and of every instance it
 * started (TRELLIS_NODE is its node id): everything a test daemon left.
 */
export function instancePids (tag: string, dataDir: string): number[] {
  let nodeId = '-'
  try { nodeId = (JSON.parse(readFileSync(join(dataDir, 'identity.json'), 'utf8')) as { id: string }).id } catch {}
  const pids: number[] = []
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0')
      if (env.includes(`TRELLIS_TEST_TAG=${tag}`) || env.includes(`TRELLIS_NODE=${nodeId}`)) pids.push(Number(entry))
    } catch {}
  }
  return pids
}

/** Removes a test daemon's cgroup parent and its children, retrying while the kernel still holds them. */
export function removeCgroups (name: string): void {
  // A cgroup whose last process just died can refuse rmdir (EBUSY) for a moment: retry briefly.
  for (let attempt = 0; attempt < 40; attempt++) {
    let left = 0
    for (const base of ['/sys/fs/cgroup/memory', '/sys/fs/cgroup/cpu', '/sys/fs/cgroup']) {
      const dir = join(base, name)
      if (!existsSync(dir)) continue
      try {
        for (const child of readdirSync(dir, { withFileTypes: true })) if (child.isDirectory()) rmdirSync(join(dir, child.name))
        rmdirSync(dir)
      } catch { left++ }
    }
    if (left === 0) return
    pauseSync(50)
  }
}

/** Blocks the thread for ms: for cleanups that must be synchronous (they may run as the process ends). */
function pauseSync (ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/**
 * Starts a daemon on a fresh data dir. `teardown` is the test's t.teardown:
 * the daemon, every process it started, its cgroups and the data dir go
 * when the test ends, pass or fail.
 */
export async function startDaemon (teardown: (fn: () => Promise<void>) => void, options: {
  extraArgs?: string[]
  /** Runs before the first start, e.g. `trellisd init` on the data dir. */
  prepare?: (dataDir: string) => Promise<void>
  /** Arguments before the flags on the first start only, e.g. ['join', '--token-file', file, address]. */
  firstArgs?: string[]
  /** The trellisd to run, e.g. an installed one or [node, dist/daemon/main.js]; the checkout's daemon/main.ts on this Node unless given. */
  program?: string | string[]
} = {}): Promise<TestDaemon> {
  const dataDir = await mkdtemp(join(tmpdir(), 'trellis-test-'))
  let first = true
  const cgroupParent = `trellis-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`
  const logFile = join(dataDir, 'trellisd.log')
  let child: ChildProcess

  const launch = async (): Promise<void> => {
    const log = openSync(logFile, 'a')
    const lead = first ? (options.firstArgs ?? []) : []
    first = false
    const [command, ...head] = options.program === undefined ? [process.execPath, join(ROOT, 'daemon', 'main.ts')] : [options.program].flat()
    child = spawn(command!, [
      ...head, ...lead, '--data-dir', dataDir, '--api', '127.0.0.1:0', '--entry-host', '127.0.0.1',
      '--cgroup-parent', cgroupParent, '--stop-grace', '2000', '--log-level', 'debug', ...(options.extraArgs ?? [])
    ], { stdio: ['ignore', log, log], env: { ...process.env, TRELLIS_TEST_TAG: cgroupParent } })
    closeSync(log)
    // Read now: the teardown removes the data dir, and the log with it, before anyone could look.
    child.once('exit', (code, signal) => {
      if (diedOnItsOwn(code, signal)) process.stderr.write(deathReport(dataDir, code, signal, tail(logFile, 60)))
    })
    await waitFor('the daemon to serve its API', 60_000, async () => {
      if (child.exitCode !== null) throw new Error(`daemon exited with ${child.exitCode}:\n${tail(logFile, 30)}`)
      const api = JSON.parse(readFileSync(join(dataDir, 'api.json'), 'utf8')) as { pid: number }
      if (api.pid !== child.pid) return undefined
      const c = await TrellisClient.fromDataDir(dataDir)
      await c.health()
      daemon.client = c
      return true
    })
  }

  const daemon: TestDaemon = {
    dataDir,
    cgroupParent,
    get process () { return child },
    client: undefined as unknown as TrellisClient,
    restart: launch,
    crash: async () => {
      const exited = new Promise(r => child.once('exit', r))
      child.kill('SIGKILL')
      await exited
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return
      const exited = new Promise(r => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    },
    logTail: (lines = 40) => tail(logFile, lines)
  }

  /**
   * Everything the daemon leaves once it is dead: its instances killed, their
   * mounts released, its cgroups and the data dir removed (not while anything
   * is still mounted under it: rm would walk into the mounted filesystem).
   * Synchronous, so it also runs as the test process ends.
   */
  const removeRest = (): void => {
    // Loop devices are found by their backing file, which is named only while nbdfuse lives: release before killing it.
    releaseMounts(dataDir)
    for (const pid of instancePids(cgroupParent, dataDir)) {
      try { process.kill(pid, 'SIGKILL') } catch {}
    }
    for (let i = 0; i < 200 && instancePids(cgroupParent, dataDir).length > 0; i++) pauseSync(50)
    releaseMounts(dataDir)
    removeCgroups(cgroupParent)
    if (mountsUnder(dataDir).length === 0) rmSync(dataDir, { recursive: true, force: true })
  }
  // If the test process ends without its teardowns (a top-level await that threw), still leave nothing behind.
  const unhook = onProcessEnd(() => {
    if (child?.pid !== undefined) { try { process.kill(child.pid, 'SIGKILL') } catch {} }
    removeRest()
  })
  teardown(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise(r => child.once('exit', r))
      child.kill('SIGKILL')
      await exited
    }
    removeRest()
    unhook()
  })
  await options.prepare?.(dataDir)
  await launch()
  return daemon
}

/** Runs `trellisd <args>` to completion (init, join's set-up) and returns what it printed. */
export async function trellisd (args: string[]): Promise<string> {
  const { execFile } = await import('node:child_process')
  return await new Promise((resolve, reject) => {
    execFile(process.execPath, [join(ROOT, 'daemon', 'main.ts'), ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      if (err !== null) reject(new Error(`trellisd ${args[0] ?? ''} failed: ${stderr}`))
      else resolve(stdout)
    })
  })
}

/**
 * A grid of n real daemons on 127.0.0.1: the first is made with
 * `trellisd init`, the others `trellisd join` through its address only.
 */
export async function startGrid (teardown: (fn: () => Promise<void>) => void, n: number, extraArgs: string[] = [], options: { program?: string | string[] } = {}): Promise<{ nodes: TestDaemon[], tokenFile: string, bootstrap: string }> {
  const port = await freePort()
  let joinLine = ''
  let tokenFile = ''
  // Each node publishes app entries on its own loopback address, as separate machines would.
  const firstNode = await startDaemon(teardown, {
    program: options.program,
    extraArgs: ['--no-mdns', '--name', 'node-0', '--entry-host', '127.0.0.10', ...extraArgs],
    prepare: async dir => {
      const out = await trellisd(['init', '--data-dir', dir, '--listen', `/ip4/127.0.0.1/tcp/${port}`, '--announce', '127.0.0.1', '--name', 'node-0'])
      joinLine = out.split('\n').find(l => l.includes('trellisd join')) ?? ''
      tokenFile = join(dir, 'join.token')
    }
  })
  // trellisd join --token-file join.token <address> --data-dir …
  const bootstrap = joinLine.trim().split(/\s+/)[4] ?? ''
  const others = await Promise.all(Array.from({ length: n - 1 }, async (_, i) => await startDaemon(teardown, {
    program: options.program,
    firstArgs: ['join', '--token-file', tokenFile, bootstrap],
    extraArgs: ['--no-mdns', '--listen', '/ip4/127.0.0.1/tcp/0', '--name', `node-${i + 1}`, '--entry-host', `127.0.0.${11 + i}`, ...extraArgs]
  })))
  return { nodes: [firstNode, ...others], tokenFile, bootstrap }
}

/** Every process started by a test daemon, by its tag. */
export function taggedPids (daemon: TestDaemon): number[] {
  return instancePids(daemon.cgroupParent, daemon.dataDir).filter(p => p !== daemon.process.pid)
}

/**
 * The whole node dies at once, as a machine losing power would: kill -9 of
 * its daemon and of every instance it started. Mounts are released before
 * the instances die too: a loop device is found by its backing file, which is
 * named only while nbdfuse lives.
 */
export async function killNode (daemon: TestDaemon): Promise<void> {
  const pids = taggedPids(daemon)
  await daemon.crash()
  releaseMounts(daemon.dataDir)
  for (const pid of pids) { try { process.kill(pid, 'SIGKILL') } catch {} }
  releaseMounts(daemon.dataDir)
}

/** The signals tests end daemons with; a daemon they end exits 0 or by the signal. */
const TEST_SIGNALS = new Set(['SIGKILL', 'SIGTERM', 'SIGINT'])

/**
 * Whether a daemon's exit was its own failure rather than a test's doing: a
 * non-zero code (an uncaught error) or another signal (an abort, a fault).
 * The kernel's OOM killer also sends SIGKILL, so it goes unreported.
 */
export function diedOnItsOwn (code: number | null, signal: NodeJS.Signals | null): boolean {
  return signal !== null ? !TEST_SIGNALS.has(signal) : code !== 0
}

/** What a test prints when a daemon died on its own, with the end of its log. */
export function deathReport (dataDir: string, code: number | null, signal: NodeJS.Signals | null, logTail: string): string {
  return `\n# trellisd of ${dataDir} exited on its own (${signal ?? `code ${code}`}); the end of its log:\n` +
    logTail.split('\n').map(l => `#   ${l}`).join('\n') + '\n'
}

function tail (file: string, lines: number): string {
  try { return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') } catch { return '' }
}

/**
 * Runs the `trellis` CLI against a data dir and collects what it printed.
 * Asynchronous on purpose: a spawnSync would stall this process's event loop,
 * and a kept-alive connection the daemon closes meanwhile would then be
 * reused half-closed by the test's own client ("other side closed").
 */
export async function trellisCli (dataDir: string, args: string[], input?: string): Promise<{ status: number | null, stdout: string, stderr: string }> {
  const { spawn } = await import('node:child_process')
  return await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'controller', 'cli', 'main.ts'), '--data-dir', dataDir, ...args], { stdio: ['pipe', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (c: string) => { stdout += c })
    child.stderr.setEncoding('utf8').on('data', (c: string) => { stderr += c })
    child.on('error', reject)
    child.on('close', status => { resolve({ status, stdout, stderr }) })
    child.stdin.end(input ?? '')
  })
}
