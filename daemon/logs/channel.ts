/**
 * A queue one side pushes into and the other reads with `for await`: how a
 * stream's callbacks (frames as they arrive) and several producers (one
 * follower per instance) become one async iterable. Unbounded: producers
 * that can outrun the reader must wait on `drained()` themselves.
 */
export class Channel<T> implements AsyncIterable<T> {
  readonly #items: T[] = []
  #wake: (() => void) | undefined
  #ended = false
  #error: unknown
  #space: Array<() => void> = []
  readonly #highWater: number

  constructor (highWater = 64) {
    this.#highWater = highWater
  }

  /** Items waiting to be read. */
  get size (): number {
    return this.#items.length
  }

  push (item: T): void {
    if (this.#ended) return
    this.#items.push(item)
    this.#wake?.()
  }

  /** No more items; the reader ends after those waiting. */
  end (): void {
    this.#ended = true
    this.#wake?.()
    for (const s of this.#space.splice(0)) s()
  }

  /** The reader throws `err` after the items waiting. */
  fail (err: unknown): void {
    if (this.#ended) return
    this.#error = err
    this.end()
  }

  /** Resolves once fewer than highWater items wait (or the channel ended): a producer's back-pressure. */
  async drained (): Promise<void> {
    if (this.#items.length < this.#highWater || this.#ended) return
    await new Promise<void>(resolve => { this.#space.push(resolve) })
  }

  async * [Symbol.asyncIterator] (): AsyncGenerator<T> {
    for (;;) {
      const item = this.#items.shift()
      if (item !== undefined) {
        if (this.#items.length < this.#highWater) for (const s of this.#space.splice(0)) s()
        yield item
        continue
      }
      if (this.#ended) {
        if (this.#error !== undefined) throw this.#error
        return
      }
      await new Promise<void>(resolve => { this.#wake = resolve })
      this.#wake = undefined
    }
  }
}
