import t from 'tap'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'

/**
 * What a FUA write asks of the kernel, read from strace: the store's
 * counters say how many syncs it meant to make, this says which calls it
 * made on which file, so a FUA write that skipped its sync fails here.
 */
t.test('a FUA overwrite is one write on the O_DSYNC handle and no fdatasync; a FUA write into a trimmed block syncs data and table; plain writes, alone or together, are made on the main thread; large ones in 64 KiB pieces', async t => {
  const root = await mkdtemp(join(tmpdir(), 'trellis-block-fua-'))
  t.teardown(() => rm(root, { recursive: true, force: true }))
  const dir = join(root, 'vol')
  const trace = join(root, 'trace')
  const { stdout, stderr } = await promisify(execFile)('strace', [
    '-f', '-qq', '-o', trace, '-e', 'trace=openat,pwrite64,write,fdatasync,fsync',
    process.execPath, join(import.meta.dirname, 'fua-writer.ts'), dir
  ], { timeout: 60_000 })
  t.equal(stdout, '<overwrite>\n</overwrite>\n<fresh>\n</fresh>\n<refill>\n</refill>\n<plain>\n</plain>\n<together>\n</together>\n<large>\n</large>\n<largefua>\n</largefua>\n', 'the writer ran to its end')

  const lines = (await readFile(trace, 'utf8')).split('\n')
  // Which file each descriptor is, and whether it was opened O_DSYNC (the last open of a number wins, as numbers are reused).
  const fds = new Map<number, { path: string, dsync: boolean }>()
  const calls: Record<string, string[]> = {}
  let section: string | undefined
  // strace -f starts each line with the thread's id; the first line is the process's own (its main thread).
  const main = Number(/^(\d+)/.exec(lines[0] ?? '')?.[1])
  for (const line of lines) {
    const open = /openat\(AT_FDCWD, "([^"]+)", ([A-Z_|]+)[^)]*\) = (\d+)/.exec(line)
    if (open !== null) { fds.set(Number(open[3]), { path: open[1]!, dsync: open[2]!.includes('O_DSYNC') }); continue }
    const marker = /write\(1, "<(\/?)(\w+)>\\n"/.exec(line)
    if (marker !== null) { section = marker[1] === '' ? marker[2] : undefined; continue }
    const call = /^\d+\s+(pwrite64|fdatasync|fsync)\((\d+)/.exec(line)
    if (call === null || section === undefined) continue
    const f = fds.get(Number(call[2]))
    const name = f === undefined ? '?' : f.path.slice(dir.length + 1)
    const thread = Number(/^(\d+)/.exec(line)?.[1]) === main ? 'main' : 'pool'
    // The count asked for (pwrite64(fd, "…"..., count, offset)): a call another thread interrupts has no result on its line.
    const bytes = section.startsWith('large') && call[1] === 'pwrite64' ? ` ${/"(?:\.\.\.)?, (\d+), \d+/.exec(line)?.[1]}` : ''
    ;(calls[section] ??= []).push(`${call[1]} ${name}${bytes}${f?.dsync === true ? ' (O_DSYNC)' : ''}${section === 'refill' ? '' : ` on ${thread}`}`)
  }
  t.same(calls.overwrite, ['pwrite64 data (O_DSYNC) on pool'], 'an overwrite of a block whose state is durable: its data written through O_DSYNC in the thread pool (it waits for the disk), nothing synced after')
  t.same(calls.fresh, ['pwrite64 data (O_DSYNC) on pool'], 'a zero → data write: the same, its table entry left for the next table sync (recovery tells a filled zero block by its bytes)')
  // The table entry may be written more than once (written through at once, then the sync writes its dirty page).
  t.same([...new Set(calls.refill)].sort(), ['fdatasync checksums', 'fdatasync data', 'pwrite64 checksums', 'pwrite64 data'],
    'a trimmed → data write: data and its table entry written, then both synced (no O_DSYNC shortcut: the bytes under a trimmed block may be stale)')
  // Unless an inline write stalled (a loaded machine: the first write into a hole allocates a block), which the store
  // logs: the writes after it go through the pool for a while, so where a write was made is held only before the first
  // stall. The writer puts its markers beside the warnings on stderr, which places the stall among the sections.
  const order = ['overwrite', 'fresh', 'refill', 'plain', 'together', 'large', 'largefua']
  let at = -1
  let stalledIn: number | undefined
  for (const line of stderr.split('\n')) {
    const open = /^<(\w+)>$/.exec(line)
    if (open !== null) at = order.indexOf(open[1]!)
    else if (stalledIn === undefined && line.includes('inline data write stalled')) stalledIn = at
  }
  /** A section's calls, and what they should be, without the thread once a stall may have moved them. */
  const seen = (name: string, expected: string[]): [string[] | undefined, string[]] => {
    if (stalledIn === undefined || order.indexOf(name) < stalledIn) return [calls[name], expected]
    const unthreaded = (c: string): string => c.replace(/ on \w+$/, '')
    return [calls[name]?.map(unthreaded), expected.map(unthreaded)]
  }
  t.same(...seen('plain', ['pwrite64 data on main']), 'a small write with nothing else in flight goes into the page cache from the main thread, no hand-off')
  t.same(...seen('together', Array(4).fill('pwrite64 data on main')), 'small writes in flight together go into the page cache from the main thread too')
  t.same(...seen('large', Array(16).fill('pwrite64 data 65536 on main')),
    'a 1 MiB write is sixteen 64 KiB pwrites (no page-cache folio larger than that), inline')
  t.same(...seen('largefua', [...Array(4).fill('pwrite64 data 65536 on main'), 'fdatasync data on pool']),
    'a FUA write larger than a piece goes not through O_DSYNC (a disk wait per piece) but in pieces, then one fdatasync')
})
