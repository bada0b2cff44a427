import { access, mkdir, readFile, rmdir, writeFile } from 'node:fs/promises'
import { setTimeout as sleep } from 'node:timers/promises'
import { CgroupError } from '../errors.ts'
import {
  type CgroupLayout, type TaskCgroup,
  JOIN_SHELL, limitWrites, oomFile, parentDirs, parseOomKills, taskCgroup
} from './cgroup-plan.ts'

/** What the driver found out about cgroups on this machine. */
export interface CgroupProbe {
  layout?: CgroupLayout
  /** Why there is no layout, or which one is in use; shown in the fingerprint. */
  detail: string
}

/** rmdir of a cgroup whose last process just died can fail with EBUSY for a moment. */
const REMOVE_RETRIES = 40
const REMOVE_RETRY_MS = 25 // ms

async function exists (path: string): Promise<boolean> {
  try {
    await access(path)
    return true
  } catch {
    return false
  }
}

async function readText (path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch {
    return undefined
  }
}

/**
 * Finds the cgroup hierarchy under `root` and makes sure `parent` exists in it
 * with the memory and cpu controllers available to its children. Prefers v2
 * when the unified hierarchy holds both controllers; a hybrid machine (v1
 * controllers plus an empty unified tree) uses v1.
 */
export async function probeCgroups (root: string, parent: string, uid: number | undefined): Promise<CgroupProbe> {
  if (uid !== 0) return { detail: 'not running as root: cpu and memory limits are advisory' }
  let layout: CgroupLayout | undefined
  const controllers = await readText(`${root}/cgroup.controllers`)
  if (controllers !== undefined && /\bmemory\b/.test(controllers) && /\bcpu\b/.test(controllers)) {
    layout = { version: 2, root }
  } else if (await exists(`${root}/memory/memory.limit_in_bytes`) && await exists(`${root}/cpu/cpu.cfs_quota_us`)) {
    layout = { version: 1, memoryRoot: `${root}/memory`, cpuRoot: `${root}/cpu` }
  }
  if (layout === undefined) return { detail: `no cgroup memory and cpu controllers under ${root}: cpu and memory limits are advisory` }
  // tasks wait at their gate in this shell until they are in their cgroup (gateArgv)
  if (!await exists(JOIN_SHELL)) return { detail: `${JOIN_SHELL} is missing: cpu and memory limits are advisory` }
  try {
    await ensureParent(layout, parent)
  } catch (err) {
    return { detail: `cannot prepare cgroup ${parent} under ${root} (${(err as Error).message}): cpu and memory limits are advisory` }
  }
  return { layout, detail: `cgroup v${layout.version}, tasks under ${parent}` }
}

/** Creates the parent cgroups; on v2 also lets every level hand memory and cpu down. */
async function ensureParent (layout: CgroupLayout, parent: string): Promise<void> {
  for (const dir of parentDirs(layout, parent)) await mkdir(dir, { recursive: true })
  if (layout.version !== 2) return
  const levels = [layout.root, ...parentDirs(layout, parent)]
  for (const dir of levels) {
    const enabled = await readText(`${dir}/cgroup.subtree_control`) ?? ''
    const missing = ['memory', 'cpu'].filter(c => !new RegExp(`\\b${c}\\b`).test(enabled))
    if (missing.length > 0) await writeFile(`${dir}/cgroup.subtree_control`, missing.map(c => `+${c}`).join(' '))
  }
}

/**
 * Makes a fresh cgroup for a task and writes its limits. A leftover cgroup of
 * the same id (from a task that has exited) is removed first so that its OOM
 * counters start at zero.
 */
export async function createTaskCgroup (layout: CgroupLayout, parent: string, id: string, resources: { cpu: number, memory: number }): Promise<TaskCgroup> {
  const cg = taskCgroup(layout, parent, id)
  try {
    await removeTaskCgroup(cg)
    for (const dir of cg.dirs) await mkdir(dir)
    for (const w of limitWrites(cg, resources)) {
      try {
        await writeFile(`${w.dir}/${w.file}`, w.value)
      } catch (err) {
        if (!w.optional) throw err
      }
    }
    return cg
  } catch (err) {
    await removeTaskCgroup(cg).catch(() => {})
    throw new CgroupError(`cannot set up cgroup for ${id}: ${(err as Error).message}`, { cause: err })
  }
}

/** Moves a process into the task's cgroup (every hierarchy of it). Root may move any process, whatever its uid. */
export async function admitToCgroup (cg: TaskCgroup, pid: number): Promise<void> {
  for (const dir of cg.dirs) await writeFile(`${dir}/cgroup.procs`, String(pid))
}

/** The pids in a task's cgroup (zombies are not listed: they leave the cgroup when they exit). */
export async function cgroupPids (cg: TaskCgroup): Promise<number[]> {
  const pids = new Set<number>()
  for (const dir of cg.dirs) {
    const text = await readText(`${dir}/cgroup.procs`) ?? ''
    for (const line of text.split('\n')) if (line.trim() !== '') pids.add(Number(line))
  }
  return [...pids]
}

/** SIGKILLs everything left in a task's cgroup, including processes that left its process group. */
export async function killCgroup (cg: TaskCgroup): Promise<void> {
  if (cg.version === 2 && await exists(`${cg.dirs[0]}/cgroup.kill`)) {
    await writeFile(`${cg.dirs[0]}/cgroup.kill`, '1').catch(() => {})
    return
  }
  for (const pid of await cgroupPids(cg)) {
    try { process.kill(pid, 'SIGKILL') } catch { /* already gone */ }
  }
}

/** Kills what is left in a task's cgroup and removes it. Absent cgroups are fine. */
export async function removeTaskCgroup (cg: TaskCgroup): Promise<void> {
  for (const dir of cg.dirs) {
    for (let attempt = 0; ; attempt++) {
      try {
        await rmdir(dir)
        break
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code
        if (code === 'ENOENT') break
        if (code !== 'EBUSY' || attempt >= REMOVE_RETRIES) throw new CgroupError(`cannot remove cgroup ${dir}: ${(err as Error).message}`, { cause: err })
        await killCgroup(cg)
        await sleep(REMOVE_RETRY_MS)
      }
    }
  }
}

/**
 * Whether the kernel OOM-killed a process of the task. Uses the oom_kill
 * counter; older v1 kernels lack it, and there a hit on the memory limit
 * together with a SIGKILL is the best evidence there is.
 */
export async function wasOomKilled (cg: TaskCgroup, signal: string | null): Promise<boolean> {
  const count = parseOomKills(await readText(oomFile(cg)) ?? '')
  if (count !== undefined) return count > 0
  if (cg.version !== 1 || signal !== 'SIGKILL') return false
  const failcnt = Number(await readText(`${cg.dirs[0]}/memory.failcnt`) ?? '0')
  return failcnt > 0
}

/**
 * Removes the parent cgroup (deepest first) where it is empty, so a node that
 * stopped all its tasks leaves nothing behind. A non-empty one stays: tasks
 * left running for re-adoption still need it.
 */
export async function removeParentIfEmpty (layout: CgroupLayout, parent: string): Promise<void> {
  for (const dir of parentDirs(layout, parent).reverse()) {
    // A cgroup whose last task died a moment ago can answer EBUSY for a while: retry briefly.
    for (let attempt = 0; attempt < 20; attempt++) {
      const code = await rmdir(dir).then(() => undefined, (err: NodeJS.ErrnoException) => err.code)
      if (code !== 'EBUSY') break
      await sleep(50)
    }
  }
}
