/**
 * Whole-buffer positional I/O on the data file: pread and pwrite may move
 * fewer bytes than asked, and a short read past a sparse file's data is zeroes.
 */
import type { FileHandle } from 'node:fs/promises'
import { MiB } from './geometry.ts'

/** Largest zero buffer written at once for NO_HOLE and partial zeroing. */
const ZERO_CHUNK = 1 * MiB // bytes

/** Fills buf from position, zeroes past the end of the file. */
export async function preadFully (fh: FileHandle, buf: Buffer, position: number): Promise<void> {
  let done = 0
  while (done < buf.length) {
    const { bytesRead } = await fh.read(buf, done, buf.length - done, position + done)
    if (bytesRead === 0) { buf.fill(0, done); return }
    done += bytesRead
  }
}

/** Writes all of data at position. */
export async function pwriteFully (fh: FileHandle, data: Uint8Array, position: number): Promise<void> {
  let done = 0
  while (done < data.length) {
    const { bytesWritten } = await fh.write(data, done, data.length - done, position + done)
    done += bytesWritten
  }
}

/** Writes length zero bytes at position, in chunks of at most ZERO_CHUNK. */
export async function writeZeroBytes (fh: FileHandle, position: number, length: number): Promise<void> {
  const zeros = Buffer.alloc(Math.min(length, ZERO_CHUNK))
  for (let done = 0; done < length; done += zeros.length) {
    await pwriteFully(fh, zeros.subarray(0, Math.min(zeros.length, length - done)), position + done)
  }
}
