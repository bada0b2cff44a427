/**
 * Checksums of a store with small checksum blocks, folded into the larger
 * blocks of another, so that two replicas created with different block sizes
 * (a volume older than the 4 KiB default, a member created after it) still
 * compare block for block instead of copying everything.
 *
 * CRC-32 is affine: crc(A‖B) = shift(crc(A), |B|) ⊕ crc(B), and zlib's
 * crc32(zeroes(n), c) = shift(c, n) ⊕ crc32(zeroes(n)). So folding needs no
 * data, only CRCs of zero runs, which are cached per length.
 */
import { crc32 } from 'node:zlib'
import type { BlockChecksums } from '../block/index.ts'

const zeroCrcs = new Map<number, number>()
const zeroes = new Map<number, Buffer>()

/** crc(A‖B) from crc(A), crc(B) and B's length in bytes. */
export function crc32Combine (crcA: number, crcB: number, lengthB: number): number {
  let z = zeroes.get(lengthB)
  if (z === undefined) { z = Buffer.alloc(lengthB); zeroes.set(lengthB, z) }
  let zc = zeroCrcs.get(lengthB)
  if (zc === undefined) { zc = crc32(z); zeroCrcs.set(lengthB, zc) }
  return (crc32(z, crcA) ^ zc ^ crcB) >>> 0
}

/**
 * Folds `fine` (blocks of fine.blockSize) into blocks of `blockSize`, a
 * multiple of it; `size` is the volume's, for the shorter last block. Returns
 * undefined when fine does not cover whole coarse blocks (a chunk not aligned
 * to the coarser block size).
 */
export function coarsen (fine: BlockChecksums, blockSize: number, size: number): BlockChecksums | undefined {
  const bs = fine.blockSize
  if (blockSize === bs) return fine
  if (blockSize % bs !== 0) return undefined
  const ratio = blockSize / bs
  const start = fine.firstBlock * bs
  const end = Math.min(size, (fine.firstBlock + fine.crcs.length) * bs)
  if (start % blockSize !== 0 || (end % blockSize !== 0 && end !== size)) return undefined
  const crcs = new Uint32Array(Math.ceil((end - start) / blockSize))
  for (let c = 0; c < crcs.length; c++) {
    let crc = fine.crcs[c * ratio]!
    for (let i = c * ratio + 1; i < Math.min((c + 1) * ratio, fine.crcs.length); i++) {
      crc = crc32Combine(crc, fine.crcs[i]!, Math.min(bs, size - (fine.firstBlock + i) * bs))
    }
    crcs[c] = crc
  }
  return { blockSize, firstBlock: start / blockSize, crcs }
}
