/**
 * The simulator's agenda: a binary heap ordered by (time, class, sequence).
 * The class puts a node's timers before its I/O at the same instant, as
 * Node's event loop runs the timers phase before polling; the sequence keeps
 * a run a pure function of its seed.
 */

/** Control events (kill, restart) first, then timers, then I/O. */
export const CONTROL = 0
export const TIMER = 1
export const IO = 2

/** Anything with a place in the agenda. */
export interface Scheduled {
  at: number
  cls: number
  seq: number
}

function before (a: Scheduled, b: Scheduled): boolean {
  return a.at !== b.at ? a.at < b.at : a.cls !== b.cls ? a.cls < b.cls : a.seq < b.seq
}

/** A min-heap of scheduled events. */
export class Agenda<T extends Scheduled> {
  readonly #heap: T[] = []

  get size (): number {
    return this.#heap.length
  }

  push (item: T): void {
    const heap = this.#heap
    heap.push(item)
    let i = heap.length - 1
    while (i > 0) {
      const parent = (i - 1) >> 1
      if (!before(heap[i], heap[parent])) break
      const tmp = heap[i]
      heap[i] = heap[parent]
      heap[parent] = tmp
      i = parent
    }
  }

  pop (): T | undefined {
    const heap = this.#heap
    if (heap.length === 0) return undefined
    const top = heap[0]
    const last = heap.pop() as T
    if (heap.length > 0) {
      heap[0] = last
      let i = 0
      for (;;) {
        const l = 2 * i + 1
        const r = l + 1
        let m = i
        if (l < heap.length && before(heap[l], heap[m])) m = l
        if (r < heap.length && before(heap[r], heap[m])) m = r
        if (m === i) break
        const tmp = heap[i]
        heap[i] = heap[m]
        heap[m] = tmp
        i = m
      }
    }
    return top
  }
}
