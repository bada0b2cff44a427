/**
 * Shared bits of the runtime tests: temp dirs, task configs, a quiet logger,
 * waiting for a condition in real time, and cleaning up test cgroups.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm, rmdir, stat } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { Test } from 'tap'
import { pino, type Logger } from 'pino'
import { ProcessDriver, type TaskConfig, type TaskHandle } from '../../../daemon/runtime/index.ts'

/** The Node.js running the tests, for `node -e` tasks. */
export const NODE = process.execPath

/** A logger that drops everything; set TRELLIS_TEST_LOG=debug to see it. */
export function quietLogger (): Logger {
  return pino({ level: process.env.TRELLIS_TEST_LOG ?? 'silent' })
}

/** A fresh temp dir; the caller removes it (use in t.teardown). */
export async function tempDir (prefix = 'trellis-runtime-'): Promise<string> {
  return await mkdtemp(join(tmpdir(), prefix))
}

export async function removeDir (dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}

/** A task running `script` under /bin/sh, logging into `dir`. */
export function shTask (id: string, dir: string, script: string, extra: Partial<TaskConfig> = {}): TaskConfig {
  return {
    id,
    command: ['/bin/sh', '-c', script],
    cwd: dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...extra.env },
    resources: { cpu: 0.5, memory: 256 * 1024 * 1024 },
    logDir: dir,
    ...extra
  }
}

/** A task running `code` with `node -e`. */
export function nodeTask (id: string, dir: string, code: string, extra: Partial<TaskConfig> = {}): TaskConfig {
  return { ...shTask(id, dir, '', extra), command: [NODE, '-e', code] }
}

/** Resolves once `check` is true; rejects after timeoutMs of real time. */
export async function until (check: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!await check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(10)
  }
}

export async function exists (path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}

/** True while a process with this pid runs (zombies count as gone). */
export async function running (pid: number): Promise<boolean> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8')
    const state = text.slice(text.lastIndexOf(')') + 2, text.lastIndexOf(')') + 3)
    return state !== 'Z' && state !== 'X'
  } catch {
    return false
  }
}

/** Kills a process group or process if it still exists; for teardown. */
export function killQuietly (pid: number | undefined): void {
  if (pid === undefined) return
  for (const target of [-pid, pid]) {
    try { process.kill(target, 'SIGKILL') } catch { /* gone */ }
  }
}

/** A TCP port nothing listens on (it was free a moment ago). */
export async function freePort (): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

/** A cgroup parent name no other test run uses. */
export function uniqueCgroupParent (label: string): string {
  return `trellis-test-${label}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`
}

/** True when this machine can run the cgroup tests: root with v1 memory+cpu or v2 with both controllers. */
export async function cgroupsUsable (root = '/sys/fs/cgroup'): Promise<{ ok: boolean, why: string }> {
  if (process.getuid?.() !== 0) return { ok: false, why: 'not root' }
  if (await exists(`${root}/cgroup.controllers`)) {
    const c = await readFile(`${root}/cgroup.controllers`, 'utf8')
    if (/\bmemory\b/.test(c) && /\bcpu\b/.test(c)) return { ok: true, why: 'cgroup v2' }
  }
  if (await exists(`${root}/memory/memory.limit_in_bytes`) && await exists(`${root}/cpu/cpu.cfs_quota_us`)) return { ok: true, why: 'cgroup v1' }
  return { ok: false, why: 'no cgroup memory and cpu controllers' }
}

/** Removes a test cgroup parent and everything under it, in every hierarchy (deepest first). */
export async function removeCgroupParent (parent: string, root = '/sys/fs/cgroup'): Promise<void> {
  for (const base of [root, `${root}/memory`, `${root}/cpu`]) {
    const dir = `${base}/${parent}`
    if (await exists(`${dir}/cgroup.procs`)) await removeCgroupTree(dir)
  }
}

async function removeCgroupTree (dir: string): Promise<void> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  for (const e of entries) if (e.isDirectory()) await removeCgroupTree(join(dir, e.name))
  for (let i = 0; i < 100; i++) {
    try {
      await rmdir(dir)
      return
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return
      const pids = (await readFile(`${dir}/cgroup.procs`, 'utf8').catch(() => '')).split('\n').filter(Boolean)
      for (const p of pids) killQuietly(Number(p))
      await sleep(20)
    }
  }
}

/** Whether this machine runs the cgroup tests, and why not. */
export const cgroups = await cgroupsUsable()

/** A temp dir, a cgroup parent (`off` without cgroups) and a list of pids, all cleaned up by the test's teardown. */
export async function sandbox (t: Test, label: string): Promise<{ dir: string, parent: string, pids: number[] }> {
  const dir = await tempDir()
  const parent = cgroups.ok ? uniqueCgroupParent(label) : 'off'
  const pids: number[] = []
  t.teardown(async () => {
    for (const pid of pids) killQuietly(pid)
    if (parent !== 'off') await removeCgroupParent(parent)
    await removeDir(dir)
  })
  return { dir, parent, pids }
}

/** A process driver under `parent` (or without cgroups for `off`), closed by the test's teardown. */
export function newDriver (t: Test, parent: string, pollMs = 100): ProcessDriver {
  const driver = new ProcessDriver({ logger: quietLogger() }, parent === 'off' ? { cgroups: 'off', pollMs } : { cgroupParent: parent, pollMs })
  t.teardown(() => driver.close())
  return driver
}

const FIXTURE = fileURLToPath(new URL('./fixtures/start-task.ts', import.meta.url))

/** Starts a task from another Node process that exits right after: a daemon that died. */
export async function startInDyingDaemon (config: TaskConfig, parent: string): Promise<TaskHandle> {
  const { stdout } = await promisify(execFile)(NODE, [FIXTURE, JSON.stringify(config), parent])
  return JSON.parse(stdout) as TaskHandle
}
