import t from 'tap'
import { randomBytes } from 'node:crypto'
import { crc32 } from 'node:zlib'
import { coarsen, crc32Combine } from '../../../../daemon/volumes/replica/coarsen.ts'

const KiB = 1024 // bytes

t.test('crc32Combine equals the CRC of the concatenation', async t => {
  for (const [a, b] of [[1, 1], [4096, 4096], [100, 4096], [4096, 3 * 512], [0, 7]]) {
    const x = randomBytes(a)
    const y = randomBytes(b)
    t.equal(crc32Combine(crc32(x), crc32(y), b), crc32(Buffer.concat([x, y])), `${a} + ${b} bytes`)
  }
})

t.test('coarsen folds small blocks into large ones, a short last block included', async t => {
  const size = 200 * KiB + 512 // bytes: four 64 KiB blocks, the last 8.5 KiB
  const data = randomBytes(size)
  const crcsOf = (bs: number, from: number, to: number): Uint32Array => {
    const out: number[] = []
    for (let o = from; o < to; o += bs) out.push(crc32(data.subarray(o, Math.min(o + bs, to, size))))
    return Uint32Array.from(out)
  }
  const fine = { blockSize: 4 * KiB, firstBlock: 0, crcs: crcsOf(4 * KiB, 0, size) }
  t.same(coarsen(fine, 64 * KiB, size), { blockSize: 64 * KiB, firstBlock: 0, crcs: crcsOf(64 * KiB, 0, size) })
  const middle = { blockSize: 4 * KiB, firstBlock: 16, crcs: crcsOf(4 * KiB, 64 * KiB, 192 * KiB) }
  t.same(coarsen(middle, 64 * KiB, size), { blockSize: 64 * KiB, firstBlock: 1, crcs: crcsOf(64 * KiB, 64 * KiB, 192 * KiB) })
  t.equal(coarsen(fine, 4 * KiB, size), fine, 'the same size is left as it is')
  t.equal(coarsen({ blockSize: 4 * KiB, firstBlock: 1, crcs: fine.crcs.subarray(1, 17) }, 64 * KiB, size), undefined, 'a range not on a large block\'s edge')
  t.equal(coarsen({ blockSize: 64 * KiB, firstBlock: 0, crcs: new Uint32Array(1) }, 4 * KiB, size), undefined, 'large into small')
})
