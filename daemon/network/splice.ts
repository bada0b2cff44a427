import type { Duplex } from 'node:stream'

/**
 * Joins two byte streams both ways until both directions have ended or one
 * side fails. Half-close is carried across (one side's end ends the other's
 * writable side) so request/response protocols that shut down writes work.
 * Resolves once both streams are closed.
 */
export function splice (a: Duplex, b: Duplex): Promise<void> {
  return new Promise(resolve => {
    let closed = 0
    const onClose = (): void => {
      if (++closed === 2) resolve()
    }
    const fail = (): void => {
      a.destroy()
      b.destroy()
    }
    a.once('close', onClose)
    b.once('close', onClose)
    a.on('error', fail)
    b.on('error', fail)
    a.pipe(b)
    b.pipe(a)
    // A side that closed without ending cleanly takes the other one down with it.
    a.once('close', () => { if (!b.destroyed && !a.readableEnded) b.destroy() })
    b.once('close', () => { if (!a.destroyed && !b.readableEnded) a.destroy() })
  })
}
