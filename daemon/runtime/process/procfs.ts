import { readdir, readFile } from 'node:fs/promises'

/** The parts of /proc/<pid>/stat the driver uses. See proc_pid_stat(5). */
export interface ProcStat {
  pid: number
  /** One letter: R, S, D, Z (zombie), X (dead), T, ... */
  state: string
  pgrp: number
  /** Field 22: clock ticks after boot. With the pid it names one process for the life of the boot. */
  startTime: number
}

/**
 * Parses the text of /proc/<pid>/stat. The command name (field 2) is in
 * parentheses and may itself hold spaces and parentheses, so fields are
 * counted from the last ')'.
 */
export function parseStat (text: string): ProcStat | undefined {
  const open = text.indexOf('(')
  const close = text.lastIndexOf(')')
  if (open < 0 || close < open) return undefined
  const pid = Number(text.slice(0, open).trim())
  // after ')' come fields 3, 4, ...: field n is at index n - 3
  const rest = text.slice(close + 1).trim().split(/\s+/)
  const state = rest[0]
  const pgrp = Number(rest[5 - 3])
  const startTime = Number(rest[22 - 3])
  if (!Number.isInteger(pid) || state === undefined || !Number.isFinite(pgrp) || !Number.isFinite(startTime)) return undefined
  return { pid, state, pgrp, startTime }
}

/** True for a process that has exited but not been reaped: it runs nothing any more. */
export function isDead (stat: ProcStat): boolean {
  return stat.state === 'Z' || stat.state === 'X' || stat.state === 'x'
}

/** Reads /proc/<pid>/stat; undefined when the process does not exist. */
export async function readStat (pid: number): Promise<ProcStat | undefined> {
  try {
    return parseStat(await readFile(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return undefined
  }
}

/**
 * True when pid still names the process that had startTime, and it has not
 * exited. A zombie counts as gone: when the daemon that spawned a task has
 * died, the task's new parent may be slow to reap it (or never do so).
 */
export async function isAlive (pid: number, startTime: number): Promise<boolean> {
  const stat = await readStat(pid)
  return stat !== undefined && stat.startTime === startTime && !isDead(stat)
}

/** This boot's id; start times are only comparable within one boot. Empty when unknown. */
export async function readBootId (): Promise<string> {
  try {
    return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8')).trim()
  } catch {
    return ''
  }
}

/**
 * The live (not zombie) processes in process group `pgid`, found by scanning
 * /proc. Used only while stopping a task that has no cgroup, to see whether
 * anything it left behind still runs.
 */
export async function groupMembers (pgid: number): Promise<number[]> {
  let names: string[]
  try {
    names = await readdir('/proc')
  } catch {
    return []
  }
  const stats = await Promise.all(names.filter(n => /^\d+$/.test(n)).map(n => readStat(Number(n))))
  return stats.filter(s => s !== undefined && s.pgrp === pgid && !isDead(s)).map(s => (s as ProcStat).pid)
}
