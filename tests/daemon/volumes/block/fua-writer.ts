/**
 * The process fua-syscalls.test.ts runs under strace: opens a store in
 * argv[2] with 4 KiB checksum blocks, writes and flushes its first 2 MiB
 * (their states then durable), then makes three FUA writes, each between markers written to
 * stdout (a `write(1, …)` in the trace): `overwrite` (page 0 again, data →
 * data), `fresh` (page 600, zero → data) and `refill` (page 500, trimmed
 * first, trimmed → data); then `plain`, a write of page 0
 * without FUA, alone in flight; `together`, four writes of pages 0–3
 * without FUA in flight at once; `large`, 1 MiB at 0 without FUA; last
 * `largefua`, 256 KiB at 1 MiB with FUA. The store's warnings go to stderr,
 * and the markers too, so a warning can be placed among the sections.
 */
import pino from 'pino'
import { openSparseFileStore } from '../../../../daemon/volumes/block/index.ts'

const PAGE = 4096 // bytes
/** A section's opening or closing marker, on stdout (the trace) and stderr (beside the store's warnings). */
function mark (line: string): void {
  process.stdout.write(line)
  process.stderr.write(line)
}
// Warnings to stderr: the test reads whether an inline write stalled.
const store = await openSparseFileStore({ logger: pino({ level: 'warn' }, pino.destination(2)) }, { dir: process.argv[2]!, size: 4 * 1024 * 1024, blockSize: PAGE })
const g = { generation: 1 }
const MiB = 1024 * 1024 // bytes
await store.write(0, Buffer.alloc(2 * MiB, 1), g)
await store.trim(500 * PAGE, PAGE, g)
await store.flush()
for (const [name, page] of [['overwrite', 0], ['fresh', 600], ['refill', 500]] as const) {
  mark(`<${name}>\n`)
  await store.write(page * PAGE, Buffer.alloc(PAGE, 2), { ...g, fua: true })
  mark(`</${name}>\n`)
}
mark('<plain>\n')
await store.write(0, Buffer.alloc(PAGE, 3), g)
mark('</plain>\n')
mark('<together>\n')
await Promise.all([0, 1, 2, 3].map(async page => { await store.write(page * PAGE, Buffer.alloc(PAGE, 4), g) }))
mark('</together>\n')
mark('<large>\n')
await store.write(0, Buffer.alloc(MiB, 5), g)
mark('</large>\n')
mark('<largefua>\n')
await store.write(MiB, Buffer.alloc(MiB / 4, 6), { ...g, fua: true })
mark('</largefua>\n')
await store.close()
