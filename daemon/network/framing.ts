import type { Duplex } from 'node:stream'

/**
 * Reads exactly n bytes from a paused stream, leaving the rest unread for
 * whoever pipes it next. Rejects if the stream ends, fails or takes longer
 * than timeoutMs.
 */
export function readExactly (stream: Duplex, n: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { done(new Error(`no ${n}-byte frame within ${timeoutMs} ms`)) }, timeoutMs)
    const tryRead = (): void => {
      const chunk = stream.read(n) as Buffer | null
      if (chunk !== null) done(undefined, chunk)
    }
    const onEnd = (): void => { done(new Error('stream ended before a whole frame')) }
    const onError = (err: Error): void => { done(err) }
    function done (err?: Error, chunk?: Buffer): void {
      clearTimeout(timer)
      stream.off('readable', tryRead)
      stream.off('end', onEnd)
      stream.off('close', onEnd)
      stream.off('error', onError)
      if (err !== undefined) reject(err)
      else if (chunk !== undefined && chunk.length !== n) reject(new Error('stream ended before a whole frame'))
      else resolve(chunk as Buffer)
    }
    stream.on('readable', tryRead)
    stream.once('end', onEnd)
    stream.once('close', onEnd)
    stream.once('error', onError)
    tryRead()
  })
}

/** Reads a frame written by writeFrame: a 16-bit big-endian length, then that many bytes. */
export async function readFrame (stream: Duplex, maxBytes: number, timeoutMs: number): Promise<Buffer> {
  const head = await readExactly(stream, 2, timeoutMs)
  const length = head.readUInt16BE(0)
  if (length === 0 || length > maxBytes) throw new Error(`frame of ${length} bytes is outside 1..${maxBytes}`)
  return await readExactly(stream, length, timeoutMs)
}

export function writeFrame (stream: Duplex, payload: Buffer): void {
  const head = Buffer.alloc(2)
  head.writeUInt16BE(payload.length, 0)
  stream.write(Buffer.concat([head, payload]))
}
