/** Waiting on a writable, Node's or streamx's (tar-stream). */

/** What drained() needs of a stream: Node streams say `destroyed`, streamx ones `destroying`. */
export interface Drainable {
  readonly destroyed?: boolean
  readonly destroying?: boolean
  once (event: 'drain' | 'close', fn: () => void): unknown
  off (event: 'drain' | 'close', fn: () => void): unknown
}

/** Resolves once the stream drains or closes (a failed or destroyed stream never drains); the caller checks which. */
export function drained (stream: Drainable): Promise<void> {
  return new Promise(resolve => {
    if (stream.destroyed === true || stream.destroying === true) { resolve(); return }
    const done = (): void => { stream.off('drain', done); stream.off('close', done); resolve() }
    stream.once('drain', done)
    stream.once('close', done)
  })
}
