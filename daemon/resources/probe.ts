import { statfsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { availableParallelism, cpus, freemem, loadavg, platform, totalmem } from 'node:os'
import type { battery as siBattery, mem as siMem } from 'systeminformation'
import { PROBE_TIMEOUT_MS, RESERVED_DISK, RESERVED_MEMORY } from './constants.ts'
import { powerFrom, type BatteryReading } from './power.ts'
import { settle, settleNow } from './settle.ts'
import type { NodeResources } from './types.ts'

export { RESERVED_DISK, RESERVED_MEMORY } from './constants.ts'

/**
 * The systeminformation calls the probe makes; tests pass a fake that
 * fails or hangs. The real module satisfies it as it is.
 */
export interface SystemInfo {
  currentLoad (): Promise<{ currentLoad: number }>
  mem (): Promise<{ total: number, available: number }>
  battery (): Promise<BatteryReading>
}

/** How to probe; every field has a default for the real machine. */
export interface ProbeOptions {
  si?: SystemInfo
  /** Longest one systeminformation call may take, in ms. */
  timeoutMs?: number
}

const MISSING_CPU_MODEL = 'unknown'

/**
 * The two systeminformation modules the probe calls, not the package's index:
 * the index loads all 23 of its modules (docker, wifi, printers, ...), about
 * 1 MB of heap every node would hold for nothing. The version is pinned;
 * tests/daemon/resources probe the real machine through these paths.
 */
const require = createRequire(import.meta.url)
const si = {
  // Loaded at the first call: on Linux memory comes from node:os (machine, below).
  mem: async () => await (require('systeminformation/lib/memory.js') as { mem: typeof siMem }).mem(),
  battery: require('systeminformation/lib/battery.js') as typeof siBattery
}

/** CPU times at the previous probe, to turn counters into a busy share. */
let lastTimes: { busy: number, total: number } | undefined

/**
 * Percent of CPU time busy since the previous call, from os.cpus() counters.
 * Used instead of si.currentLoad, which on Linux runs a shell command through
 * execSync and freezes the daemon's event loop while it runs.
 */
function cpuUsageSinceLast (): number {
  let busy = 0
  let total = 0
  for (const c of cpus()) {
    const t = c.times
    busy += t.user + t.nice + t.sys + t.irq
    total += t.user + t.nice + t.sys + t.irq + t.idle
  }
  const previous = lastTimes
  lastTimes = { busy, total }
  if (previous === undefined || total <= previous.total) return Number.NaN
  return Math.min(100, Math.max(0, ((busy - previous.busy) / (total - previous.total)) * 100))
}

/**
 * The real machine: systeminformation for memory and power, node:os counters
 * for CPU. On Linux node:os gives the same memory figures (libuv reads
 * MemTotal and MemAvailable from /proc/meminfo) in one read each, where
 * si.mem reads the file eight times; the directory looks every 2 s.
 */
const machine: SystemInfo = {
  currentLoad: async () => ({ currentLoad: cpuUsageSinceLast() }),
  mem: platform() === 'linux' ? async () => ({ total: totalmem(), available: freemem() }) : async () => await si.mem(),
  battery: async () => await si.battery()
}

/**
 * Reads this node's CPU, memory, power and the disk holding dataDir. Never
 * throws: a systeminformation call that fails or outlasts `timeoutMs` falls
 * back to node:os (or to `unknown` power), an unreadable data dir reads as an
 * empty disk, and each fallback is described in `fallbacks` for the log.
 *
 * CPU usage is the busy share since the previous probe (the first probe
 * falls back to the load average).
 */
export async function probeResources (dataDir: string, options: ProbeOptions = {}): Promise<NodeResources> {
  const info = options.si ?? machine
  const timeoutMs = options.timeoutMs ?? PROBE_TIMEOUT_MS
  const fallbacks: string[] = []
  // Synchronous, as the node's other periodic reads of its own disk (logs/keeper.ts): through
  // the thread pool, a probe every 2 s woke a worker and then the loop again on an idle node.
  const fs = settleNow(() => statfsSync(dataDir))
  const [load, mem, battery] = await Promise.all([
    settle(async () => await info.currentLoad(), timeoutMs),
    settle(async () => await info.mem(), timeoutMs),
    settle(async () => await info.battery(), timeoutMs)
  ])

  const cores = Math.max(1, availableParallelism())
  const [load1 = 0, load5 = 0, load15 = 0] = loadavg().map(nonNegative)
  let usage: number
  if (load.ok && isFraction(load.value.currentLoad)) {
    usage = load.value.currentLoad
  } else {
    // The 1-minute load per core is the best stand-in node:os offers for "busy right now".
    usage = Math.min(100, (load1 / cores) * 100)
    fallbacks.push(`cpu usage estimated from the load average: ${load.ok ? 'systeminformation gave no figure' : load.reason}`)
  }

  let memTotal = totalmem()
  let memFree = freemem()
  if (mem.ok && isCount(mem.value.total) && mem.value.total > 0 && isCount(mem.value.available)) {
    memTotal = mem.value.total
    memFree = mem.value.available
  } else {
    fallbacks.push(`memory read from node:os: ${mem.ok ? 'systeminformation gave no figure' : mem.reason}`)
  }
  memFree = Math.min(memFree, memTotal)

  let diskTotal = 0
  let diskFree = 0
  if (fs.ok) {
    diskTotal = fs.value.blocks * fs.value.bsize
    diskFree = Math.min(diskTotal, fs.value.bavail * fs.value.bsize)
  } else {
    fallbacks.push(`data dir ${dataDir} unreadable, disk reported as empty: ${fs.reason}`)
  }

  if (!battery.ok) fallbacks.push(`power source unknown: ${battery.reason}`)

  return {
    cpu: { cores, model: cpuModel(), load1, load5, load15, usage },
    memory: { total: memTotal, free: memFree },
    disk: { total: diskTotal, free: diskFree },
    power: powerFrom(battery.ok ? battery.value : undefined),
    allocatable: {
      cpu: cores,
      memory: Math.max(0, memTotal - RESERVED_MEMORY),
      disk: Math.max(0, diskTotal - RESERVED_DISK)
    },
    fallbacks
  }
}

/** The CPU model, read once: os.cpus() reads /proc/cpuinfo and every core's frequency each call. */
let model: string | undefined

function cpuModel (): string {
  // Some ARM boards and containers report no cores or an empty model.
  model ??= cpus()[0]?.model.trim() ?? ''
  return model === '' ? MISSING_CPU_MODEL : model
}

function nonNegative (n: number): number {
  return Number.isFinite(n) && n > 0 ? n : 0
}

function isFraction (n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0 && n <= 100
}

function isCount (n: unknown): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0
}
