/**
 * The process crash.test.ts kills: opens the store in argv[2] (created with
 * argv[3]-byte checksum blocks) and runs two loops until killed, each
 * printing `start <id> <page> <byte>` before a change of a 4 KiB page (byte
 * 0: a trim) and `ack <id>` once it resolved. Loop f changes pages at QD1
 * with FUA; loop n writes without FUA in the last 8 MiB. argv[4] is the mode:
 * `mixed`: f alternates overwrites of a few hot pages with first writes and
 * trims anywhere (state changes, which sync the checksum table), n rewrites
 * 512 pages and flushes every 40 writes; `holes`: the hot pages are written
 * and flushed first, f only overwrites them (no table sync at all) and n only
 * writes into holes, never flushing.
 */
import { openSparseFileStore } from '../../../../daemon/volumes/block/index.ts'

const PAGE = 4096 // bytes
const SIZE = 16 * 1024 * 1024 // bytes
/** Pages loop f overwrites again and again (data → data, no state change). */
const HOT_PAGES = 600
/** Loop n's region: the last 8 MiB. */
const PLAIN_PAGES = 2048
const PLAIN_FIRST_PAGE = SIZE / PAGE - PLAIN_PAGES

const [dir, blockSize, mode] = [process.argv[2]!, Number(process.argv[3]), process.argv[4]]

/**
 * Writes a line and waits until it is in the pipe. A line Node still queued
 * (the pipe full while the test reads slowly) dies with the kill: the test
 * then missed writes that happened and took the newer bytes they left for
 * lost acknowledged ones (seen under load).
 */
async function say (line: string): Promise<void> {
  await new Promise<void>((resolve, reject) => { process.stdout.write(`${line}\n`, err => { if (err == null) resolve(); else reject(err) }) })
}
const store = await openSparseFileStore({}, { dir, size: SIZE, blockSize })
const g = { generation: 1 }

async function plain (): Promise<void> {
  for (let i = 0; ; i++) {
    const page = PLAIN_FIRST_PAGE + (mode === 'holes' ? i % PLAIN_PAGES : (i * 37) % 512)
    const byte = 1 + i % 250
    await say(`start n${i} ${page} ${byte}`)
    await store.write(page * PAGE, Buffer.alloc(PAGE, byte), g)
    await say(`ack n${i}`)
    if (mode !== 'holes' && i % 40 === 39) await store.flush()
  }
}

async function fua (): Promise<void> {
  for (let i = 0; ; i++) {
    // Even, or always in holes mode: a hot page (overwrite); odd: a page anywhere below loop n's (mostly zero → data).
    const hot = mode === 'holes' || i % 2 === 0
    const page = hot ? (i * 13) % HOT_PAGES : (i * 7919) % PLAIN_FIRST_PAGE
    const byte = !hot && i % 7 === 3 ? 0 : 1 + i % 250
    await say(`start f${i} ${page} ${byte}`)
    if (byte === 0) await store.trim(page * PAGE, PAGE, { ...g, fua: true })
    else await store.write(page * PAGE, Buffer.alloc(PAGE, byte), { ...g, fua: true })
    await say(`ack f${i}`)
  }
}

if (mode === 'holes') {
  await store.write(0, Buffer.alloc(HOT_PAGES * PAGE, 0xee), g)
  await store.flush()
}
await Promise.all([plain(), fua()])
