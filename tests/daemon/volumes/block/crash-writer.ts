/**
 * The process crash.test.ts kills: opens the store in argv[2] (created with
 * argv[3]-byte checksum blocks) and changes 4 KiB pages at QD1 with FUA until
 * killed, printing `start <i> <page> <byte>` before each change (byte 0: a
 * FUA trim) and `ack <i>` once it resolved, while a second loop writes
 * without FUA and flushes now and then elsewhere in the volume.
 */
import { openSparseFileStore } from '../../../../daemon/volumes/block/index.ts'

const PAGE = 4096 // bytes
const SIZE = 16 * 1024 * 1024 // bytes
/** Pages the FUA loop overwrites again and again (data → data, no state change). */
const HOT_PAGES = 600
/** The noise loop's region: the last 2 MiB, never verified for content, only for checksums. */
const NOISE_FIRST_PAGE = SIZE / PAGE - 512

const [dir, blockSize] = [process.argv[2]!, Number(process.argv[3])]
const store = await openSparseFileStore({}, { dir, size: SIZE, blockSize })
const g = { generation: 1 }

async function noise (): Promise<void> {
  for (let i = 0; ; i++) {
    await store.write((NOISE_FIRST_PAGE + (i * 37) % 512) * PAGE, Buffer.alloc(PAGE, i % 256), g)
    if (i % 40 === 39) await store.flush()
  }
}

async function fua (): Promise<void> {
  for (let i = 0; ; i++) {
    // Even: a hot page (overwrite); odd: a page anywhere below the noise (mostly zero → data, a state change).
    const page = i % 2 === 0 ? (i * 13) % HOT_PAGES : (i * 7919) % NOISE_FIRST_PAGE
    const byte = i % 7 === 3 ? 0 : 1 + i % 250
    process.stdout.write(`start ${i} ${page} ${byte}\n`)
    if (byte === 0) await store.trim(page * PAGE, PAGE, { ...g, fua: true })
    else await store.write(page * PAGE, Buffer.alloc(PAGE, byte), { ...g, fua: true })
    process.stdout.write(`ack ${i}\n`)
  }
}

await Promise.all([noise(), fua()])
