import type { ChildProcess } from 'node:child_process'
import type { ExitResult } from '../driver.ts'
import type { TaskCgroup } from './cgroup-plan.ts'
import { cgroupPids, killCgroup } from './cgroups.ts'
import { groupMembers } from './procfs.ts'

/** What the process driver knows about one task it started or re-adopted. */
export interface ProcessTask {
  id: string
  pid: number
  /** The task leads its own process group, so pgid === pid; kept apart for clarity. */
  pgid: number
  /** /proc/<pid>/stat field 22; tells this process from a later one with the same pid. */
  startTime: number
  bootId: string
  startedAt: number
  logDir: string
  /** Who the task runs as. */
  uid: number
  gid: number
  cgroup?: TaskCgroup
  /** Present for tasks this driver spawned; absent for re-adopted ones, which are polled. */
  child?: ChildProcess
  exit?: ExitResult
  exited: Promise<ExitResult>
  settle: (exit: ExitResult) => void
  stopping?: Promise<void>
  poll?: NodeJS.Timeout
}

/** Makes a task record whose `exited` promise `settle` resolves once. */
export function newTask (fields: Omit<ProcessTask, 'exited' | 'settle'>): ProcessTask {
  let resolve!: (exit: ExitResult) => void
  const exited = new Promise<ExitResult>(r => { resolve = r })
  const task: ProcessTask = {
    ...fields,
    exited,
    settle: (exit) => {
      if (task.exit !== undefined) return
      task.exit = exit
      if (task.poll !== undefined) clearTimeout(task.poll)
      task.poll = undefined
      resolve(exit)
    }
  }
  return task
}

/**
 * Sends the stop signal to the task's main process only, as `docker stop`
 * does: a program such as PostgreSQL's postmaster shuts its own children down
 * and must be the only one asked. Nothing is sent once the main process is
 * known to have exited, so a reused pid is never hit.
 */
export function signalMain (task: ProcessTask, signal: NodeJS.Signals): void {
  if (task.exit !== undefined || task.pid <= 1) return
  try {
    process.kill(task.pid, signal)
  } catch {
    // ESRCH: it exited a moment ago; its exit is on the way
  }
}

/** Signals every process in the task's group; a group that is already gone is fine. */
export function signalGroup (task: ProcessTask, signal: NodeJS.Signals): void {
  // kill(-1) would reach every process we may signal, and 0 our own group
  if (task.pgid <= 1) return
  try {
    process.kill(-task.pgid, signal)
  } catch {
    // ESRCH: nothing left in the group
  }
}

/**
 * The processes of the task still running: its cgroup when it has one (which
 * also holds children that left the process group), else its process group.
 */
export async function survivors (task: ProcessTask): Promise<number[]> {
  return task.cgroup !== undefined ? await cgroupPids(task.cgroup) : await groupMembers(task.pgid)
}

/**
 * SIGKILLs everything of the task: its cgroup when it has one, so that
 * children that called setsid go too; otherwise its process group, which
 * such children have left.
 */
export async function killAll (task: ProcessTask): Promise<void> {
  if (task.cgroup !== undefined) await killCgroup(task.cgroup)
  else signalGroup(task, 'SIGKILL')
}
