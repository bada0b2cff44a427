/** CPU a process used, read from /proc: steadier than a rate when the machine is shared. */
import { readdirSync, readFileSync } from 'node:fs'

/**
 * Nanoseconds on a CPU so far, summed over all the process's threads
 * (schedstat's first field: ns resolution, where stat's utime and stime
 * count 10 ms ticks). A thread that ended is no longer counted, so read it
 * around work during which the process keeps its threads.
 */
export function cpuNs (pid: number): number {
  let ns = 0
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += Number(readFileSync(`/proc/${pid}/task/${task}/schedstat`, 'utf8').split(' ')[0])
    } catch {} // a thread that ended between the listing and the read
  }
  return ns
}
