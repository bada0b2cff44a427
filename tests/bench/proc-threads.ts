/** Counters of a process summed over all its threads, read from /proc/PID/task. */
import { readdirSync, readFileSync } from 'node:fs'

/** `read` of each thread's `file` (under /proc/PID/task/TID), summed; a thread that ended between the listing and the read counts nothing. */
function sumOverThreads (pid: number, file: string, read: (text: string) => number): number {
  let n = 0
  for (const task of readdirSync(`/proc/${pid}/task`)) {
    try {
      n += read(readFileSync(`/proc/${pid}/task/${task}/${file}`, 'utf8'))
    } catch {}
  }
  return n
}

/**
 * Nanoseconds on a CPU so far (schedstat's first field: ns resolution, where
 * stat's utime and stime count 10 ms ticks). A thread that ended is no
 * longer counted, so read it around work during which the process keeps its
 * threads.
 */
export function cpuNs (pid: number): number {
  return sumOverThreads(pid, 'schedstat', text => Number(text.split(' ')[0]))
}

/**
 * Times the process's threads were switched to: how often it was woken.
 * CPU at rest is mostly the cost of being woken, and this count, unlike a
 * CPU share of 1 %, does not move with the machine's load.
 */
export function switches (pid: number): number {
  return sumOverThreads(pid, 'status', switchesIn)
}

/**
 * The same count for the process's main thread alone: a Node process's
 * event loop, where every wake-up runs JavaScript; the rest are its pool's
 * and V8's threads, whose wake-ups run none.
 */
export function loopSwitches (pid: number): number {
  try {
    return switchesIn(readFileSync(`/proc/${pid}/task/${pid}/status`, 'utf8'))
  } catch {
    return 0
  }
}

function switchesIn (status: string): number {
  return Number(/^voluntary_ctxt_switches:\s+(\d+)$/m.exec(status)?.[1] ?? 0) + Number(/^nonvoluntary_ctxt_switches:\s+(\d+)$/m.exec(status)?.[1] ?? 0)
}

/**
 * System calls that read and that write so far, over all the process's
 * threads (/proc/PID/io's syscr and syscw: read, recv and pread count as
 * reads; write, writev, send and pwrite as writes).
 */
export function ioCalls (pid: number): { reads: number, writes: number } {
  const io = readFileSync(`/proc/${pid}/io`, 'utf8')
  return { reads: Number(/^syscr:\s+(\d+)$/m.exec(io)?.[1] ?? Number.NaN), writes: Number(/^syscw:\s+(\d+)$/m.exec(io)?.[1] ?? Number.NaN) }
}
