/**
 * Pure cgroup decisions: where a task's cgroup lives, which files set its
 * limits, how to read an OOM kill, and the argv that holds a task until it is
 * in its cgroup. cgroups.ts does the I/O.
 */

/** Which cgroup hierarchy the machine has, and where its controllers are mounted. */
export type CgroupLayout =
  | { version: 1, memoryRoot: string, cpuRoot: string }
  | { version: 2, root: string }

/** The cgroup directories of one task: v1 one per controller (memory, cpu), v2 one. */
export interface TaskCgroup {
  version: 1 | 2
  dirs: string[]
}

/** One limit to write: `file` inside `dir`. Optional ones may be absent on some kernels (swap accounting off). */
export interface LimitWrite {
  dir: string
  file: string
  value: string
  optional: boolean
}

/** CFS period; 100 ms is the kernel's default and what Docker and Nomad use. */
export const CPU_PERIOD_US = 100_000 // µs
/** The kernel refuses quotas below 1 ms. */
export const CPU_MIN_QUOTA_US = 1_000 // µs

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/

/** True for a cgroup parent like `trellis` or `trellis/test-1`: relative, no `..`, no odd characters. */
export function isValidParent (parent: string): boolean {
  return parent.split('/').every(s => SEGMENT.test(s) && s !== '.' && s !== '..')
}

/** The cgroup directories a task with this id gets under `parent`. */
export function taskCgroup (layout: CgroupLayout, parent: string, id: string): TaskCgroup {
  if (layout.version === 2) return { version: 2, dirs: [`${layout.root}/${parent}/${id}`] }
  return { version: 1, dirs: [`${layout.memoryRoot}/${parent}/${id}`, `${layout.cpuRoot}/${parent}/${id}`] }
}

/** The parent directories to create (outermost first) for a layout. */
export function parentDirs (layout: CgroupLayout, parent: string): string[] {
  const roots = layout.version === 2 ? [layout.root] : [layout.memoryRoot, layout.cpuRoot]
  const segments = parent.split('/')
  const dirs: string[] = []
  for (const root of roots) {
    for (let i = 1; i <= segments.length; i++) dirs.push(`${root}/${segments.slice(0, i).join('/')}`)
  }
  return dirs
}

/** The cpu quota for `cpu` cores in one CPU_PERIOD_US; undefined means no limit. */
export function cpuQuotaUs (cpu: number): number | undefined {
  if (!(cpu > 0) || !Number.isFinite(cpu)) return undefined
  return Math.max(CPU_MIN_QUOTA_US, Math.round(cpu * CPU_PERIOD_US))
}

/**
 * The files that set a task's limits, in the order to write them. Memory and
 * swap get the same limit so that going over it is an OOM kill rather than
 * slow swapping; a non-positive resource means no limit.
 */
export function limitWrites (cg: TaskCgroup, resources: { cpu: number, memory: number }): LimitWrite[] {
  const writes: LimitWrite[] = []
  const memory = resources.memory > 0 && Number.isFinite(resources.memory) ? String(Math.floor(resources.memory)) : undefined
  const quota = cpuQuotaUs(resources.cpu)
  if (cg.version === 2) {
    const dir = cg.dirs[0]
    if (memory !== undefined) {
      writes.push({ dir, file: 'memory.max', value: memory, optional: false })
      writes.push({ dir, file: 'memory.swap.max', value: '0', optional: true })
    }
    if (quota !== undefined) writes.push({ dir, file: 'cpu.max', value: `${quota} ${CPU_PERIOD_US}`, optional: false })
    return writes
  }
  const [memDir, cpuDir] = cg.dirs
  if (memory !== undefined) {
    // memsw must stay >= memory, and a fresh cgroup has both unlimited: memory first
    writes.push({ dir: memDir, file: 'memory.limit_in_bytes', value: memory, optional: false })
    writes.push({ dir: memDir, file: 'memory.memsw.limit_in_bytes', value: memory, optional: true })
  }
  if (quota !== undefined) {
    writes.push({ dir: cpuDir, file: 'cpu.cfs_period_us', value: String(CPU_PERIOD_US), optional: false })
    writes.push({ dir: cpuDir, file: 'cpu.cfs_quota_us', value: String(quota), optional: false })
  }
  return writes
}

/** The file that counts OOM kills: v1 memory.oom_control, v2 memory.events. */
export function oomFile (cg: TaskCgroup): string {
  return cg.version === 2 ? `${cg.dirs[0]}/memory.events` : `${cg.dirs[0]}/memory.oom_control`
}

/**
 * The `oom_kill` count from memory.oom_control (v1, kernel 4.13+) or
 * memory.events (v2); undefined when the kernel does not report it.
 */
export function parseOomKills (text: string): number | undefined {
  const m = /^oom_kill\s+(\d+)\s*$/m.exec(text)
  return m === null ? undefined : Number(m[1])
}

/** The shell that holds a task at its gate until it is in its cgroup. */
export const JOIN_SHELL = '/bin/sh'
/** The descriptor the gate reads its go-ahead from. */
export const GATE_FD = 3
/** What the daemon writes to open the gate. */
export const GATE_WORD = 'go'
/** How a gated task exits when its daemon died before opening the gate: nothing of the command ran. */
export const GATE_CLOSED_EXIT = 125

/**
 * The argv that holds `command` until the daemon has moved the shell into the
 * task's cgroup and written GATE_WORD on GATE_FD; then the shell closes that
 * descriptor and execs the command, so user code never runs outside the
 * cgroup. The daemon does the move because the task may run as a user that
 * cannot write cgroup.procs. When the daemon dies first, the read sees end of
 * file and the shell exits GATE_CLOSED_EXIT. The command travels as "$0" "$@",
 * never through the shell's parser.
 */
export function gateArgv (command: string[], shell = JOIN_SHELL): string[] {
  const script = `read -r word <&${GATE_FD} && [ "$word" = ${GATE_WORD} ] || exit ${GATE_CLOSED_EXIT}; exec ${GATE_FD}<&-; exec "$0" "$@"`
  return [shell, '-c', script, ...command]
}

/** Serialises a task cgroup into a TaskHandle's state (plain strings only). */
export function encodeCgroup (cg: TaskCgroup | undefined): { cgroupVersion: number, cgroups: string } {
  return cg === undefined ? { cgroupVersion: 0, cgroups: '' } : { cgroupVersion: cg.version, cgroups: JSON.stringify(cg.dirs) }
}

/** The inverse of encodeCgroup; undefined for a task without a cgroup or a garbled handle. */
export function decodeCgroup (state: Record<string, unknown>): TaskCgroup | undefined {
  const version = state.cgroupVersion
  if ((version !== 1 && version !== 2) || typeof state.cgroups !== 'string') return undefined
  try {
    const dirs: unknown = JSON.parse(state.cgroups)
    if (!Array.isArray(dirs) || !dirs.every(d => typeof d === 'string' && d.startsWith('/'))) return undefined
    return { version, dirs }
  } catch {
    return undefined
  }
}
