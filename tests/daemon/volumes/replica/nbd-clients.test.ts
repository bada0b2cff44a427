/**
 * Real NBD clients (qemu-io from qemu-utils, nbdcopy from libnbd-bin) against
 * an NbdServer exporting a ReplicatedBlockStore whose primary and two replicas
 * are SparseFileStores on a loopback network. What a client was told succeeded
 * must be on every in-sync replica, block for block; what could not reach
 * them (a partition without quorum, a fenced old primary) must fail at the
 * client; and a replica that comes back, or is rebuilt from nothing while
 * clients write, must end equal to the primary. Skipped with a reason when the
 * Debian packages are absent (tests/setup.ts installs them).
 */
import t, { type Test } from 'tap'
import { execFile, type ChildProcess } from 'node:child_process'
import { createCipheriv, createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  BlockRangeError, DEFAULT_BLOCK_SIZE, openSparseFileStore,
  type BlockChecksums, type BlockStore, type BlockStoreStats, type ChangeOptions, type ZeroOptions
} from '../../../../daemon/volumes/block/index.ts'
import { NbdServer } from '../../../../daemon/volumes/nbd/index.ts'
import type { ReplicatedBlockStore } from '../../../../daemon/volumes/replica/index.ts'
import { needs } from '../nbd/helpers.ts'
import { CountingStore, KiB, MiB, VOLUME, type Cluster, cluster, crcs, logger } from './helpers.ts'

const BLOCK = 64 * KiB // the checksum block of the volumes made before the 4 KiB default, as the block-counting test makes them
const SIZE = 16 * MiB // the cluster's volume size
const skip = needs('qemu-io', 'nbdcopy')

/** Deterministic pseudo-random bytes: AES-CTR over zeroes, keyed by the seed. */
function seeded (seed: string, length: number): Buffer {
  const key = createHash('sha256').update(seed).digest().subarray(0, 16)
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16))
  return Buffer.concat([cipher.update(Buffer.alloc(length)), cipher.final()])
}

/** Compares big buffers without dumping them: names the first differing byte and its block. */
function sameBytes (t: Test, actual: Buffer, expected: Buffer, message: string): void {
  if (actual.equals(expected)) { t.pass(message); return }
  let i = 0
  while (i < Math.min(actual.length, expected.length) && actual[i] === expected[i]) i++
  t.fail(`${message}: lengths ${actual.length}/${expected.length}, first difference at byte ${i} (block ${Math.floor(i / BLOCK)})`)
}

/** Indexes of the blocks whose checksums differ. */
function differing (a: number[], b: number[]): number[] {
  return a.flatMap((crc, i) => crc === b[i] ? [] : [i])
}

/** Wakes waiters whenever something they may be waiting for changed; no polling, no timers. */
class Changes {
  #waiters: Array<() => void> = []
  notify (): void { for (const w of this.#waiters.splice(0)) w() }
  async until (cond: () => boolean, signal?: AbortSignal): Promise<void> {
    while (!cond()) {
      signal?.throwIfAborted()
      await new Promise<void>((resolve, reject) => {
        const onAbort = (): void => { reject(signal?.reason) }
        signal?.addEventListener('abort', onAbort, { once: true })
        this.#waiters.push(() => { signal?.removeEventListener('abort', onAbort); resolve() })
      })
    }
  }
}

/** Runs a change of `length` bytes at `at` (in the inner store). */
type Around = (at: number, length: number, change: () => Promise<void>) => Promise<void>

/**
 * A window of another store, shifted by `offset` (so nbdcopy, which has no
 * offset option, can copy a file into the middle of the volume), with an
 * optional hook around each change. Does not own the inner store.
 */
class View implements BlockStore {
  readonly #inner: BlockStore
  readonly #offset: number
  readonly #size: number
  readonly #around: Around
  constructor (inner: BlockStore, o: { offset?: number, size?: number, around?: Around } = {}) {
    this.#inner = inner
    this.#offset = o.offset ?? 0
    this.#size = o.size ?? inner.size - this.#offset
    this.#around = o.around ?? (async (_at, _length, change) => { await change() })
  }

  get size (): number { return this.#size }
  get minBlockSize (): number { return this.#inner.minBlockSize }
  get preferredBlockSize (): number { return this.#inner.preferredBlockSize }
  get generation (): number { return this.#inner.generation }
  get readOnly (): boolean { return this.#inner.readOnly }
  #at (offset: number, length: number): number {
    if (offset < 0 || length < 0 || offset + length > this.#size) throw new BlockRangeError()
    return this.#offset + offset
  }

  async read (offset: number, length: number): Promise<Buffer> { return await this.#inner.read(this.#at(offset, length), length) }
  async write (offset: number, data: Uint8Array, o: ChangeOptions): Promise<void> {
    const at = this.#at(offset, data.byteLength)
    await this.#around(at, data.byteLength, async () => { await this.#inner.write(at, data, o) })
  }

  async writeZeroes (offset: number, length: number, o: ZeroOptions): Promise<void> {
    const at = this.#at(offset, length)
    await this.#around(at, length, async () => { await this.#inner.writeZeroes(at, length, o) })
  }

  async trim (offset: number, length: number, o: ChangeOptions): Promise<void> {
    const at = this.#at(offset, length)
    await this.#around(at, length, async () => { await this.#inner.trim(at, length, o) })
  }

  async flush (): Promise<void> { await this.#inner.flush() }
  async fence (generation: number): Promise<void> { await this.#inner.fence(generation) }
  async checksums (): Promise<BlockChecksums> { throw new Error('a view has no checksums of its own') }
  stats (): BlockStoreStats { return this.#inner.stats() }
  async close (): Promise<void> {}
}

interface Outcome { status: number | null, out: string }

interface Nbd {
  dir: string
  server: NbdServer
  /** nbd+unix URI of an export. */
  uri: (name: string) => string
  /** Runs a client; resolves with its exit status and stdout+stderr, judging nothing. */
  attempt: (command: string, args: string[]) => Promise<Outcome>
  /** Runs a client and fails the test unless it exits 0 without reporting a failed command. */
  run: (command: string, args: string[]) => Promise<string>
  /** qemu-io on an export, one -c per command. */
  qemuIo: (name: string, commands: string[]) => Promise<Outcome>
}

/**
 * An NbdServer on a Unix socket in a temp dir. Registered after the cluster,
 * so (teardowns run last-in first-out) clients are killed and the server
 * closed before the cluster closes the stores under it.
 */
async function nbd (t: Test): Promise<Nbd> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-replica-nbd-'))
  const socketPath = join(dir, 'nbd.sock')
  const server = new NbdServer({ logger })
  const children = new Map<ChildProcess, Promise<void>>()
  t.teardown(async () => {
    for (const child of children.keys()) child.kill('SIGKILL')
    await Promise.all(children.values())
    await server.close()
    await rm(dir, { recursive: true, force: true })
  })
  await server.listen({ path: socketPath })
  const uri = (name: string): string => `nbd+unix:///${name}?socket=${socketPath}`
  const attempt = async (command: string, args: string[]): Promise<Outcome> => {
    let child!: ChildProcess
    const outcome = new Promise<Outcome>(resolve => {
      child = execFile(command, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 16 * MiB }, (err, stdout, stderr) => {
        const code = (err as { code?: unknown } | null)?.code
        resolve({ status: err === null ? 0 : typeof code === 'number' ? code : null, out: stdout + stderr })
      })
    })
    children.set(child, outcome.then(() => {}))
    try {
      return await outcome
    } finally {
      children.delete(child)
    }
  }
  const run = async (command: string, args: string[]): Promise<string> => {
    const r = await attempt(command, args)
    if (r.status !== 0 || /failed|error/i.test(r.out)) t.fail(`${command} ${args.join(' ')} exited ${r.status}: ${r.out}`)
    return r.out
  }
  const qemuIo = async (name: string, commands: string[]): Promise<Outcome> =>
    await attempt('qemu-io', ['-f', 'raw', ...commands.flatMap(c => ['-c', c]), uri(name)])
  return { dir, server, uri, attempt, run, qemuIo }
}

/** A dropReplica as an owner cut off from the Raft majority would be: it cannot commit, so after a while it says no. */
function noQuorum (): { calls: string[], dropReplica: (node: string) => Promise<void> } {
  const calls: string[] = []
  return {
    calls,
    dropReplica: async node => {
      calls.push(node)
      await new Promise(resolve => setTimeout(resolve, 20))
      throw new Error('no quorum: the proposal to drop the replica cannot commit')
    }
  }
}

/** Reads a whole export with nbdcopy into a file and returns its bytes. */
async function copyOut (n: Nbd, name: string, file: string): Promise<Buffer> {
  await n.run('nbdcopy', [n.uri(name), join(n.dir, file)])
  return await readFile(join(n.dir, file))
}

/** Every member's checksums equal the primary local store's over the whole volume, and so do its bytes. */
async function converged (t: Test, c: Cluster, ids: string[], primary = 'a'): Promise<void> {
  const want = await crcs(c.nodes[primary]!.store)
  const bytes = await c.nodes[primary]!.store.read(0, SIZE)
  for (const id of ids) {
    const got = await crcs(c.nodes[id]!.store)
    t.same(differing(got, want), [], `${id} has the primary's checksums for all ${want.length} blocks`)
    sameBytes(t, await c.nodes[id]!.store.read(0, SIZE), bytes, `${id} has the primary's bytes`)
  }
}

/** qemu-io exited non-zero, reporting the error when it says one, and acknowledged nothing. */
function refused (t: Test, r: Outcome, what: string, pattern?: RegExp): void {
  t.not(r.status, 0, `${what}: qemu-io exited non-zero`)
  if (pattern !== undefined) t.match(r.out, pattern, `${what}: the client got an error`)
  t.notMatch(r.out, /^wrote /m, `${what}: and no success`)
}

t.test('writes from qemu-io and nbdcopy read back, and every in-sync replica holds the same blocks', { skip }, async t => {
  const c = await cluster(t)
  const drops = noQuorum()
  const p = await c.primary('a', {}, { dropReplica: drops.dropReplica })
  const n = await nbd(t)
  const model = Buffer.alloc(SIZE)
  const fill = (offset: number, length: number, byte: number): void => { model.fill(byte, offset, offset + length) }
  n.server.addExport({ name: 'vol', store: p, generation: () => p.generation })

  const writes = await n.qemuIo('vol', [
    'write -P 0xab 0 1M',
    'write -P 0xcd 69632 4096', // 68 KiB: a 4 KiB write inside block 1
    'write -P 0x5a 126976 8192', // 124 KiB: across the block 1/2 boundary
    'write -f -P 0x3c 2101248 4096', // 2 MiB + 4 KiB, FUA
    'write -P 0x11 3M 192k',
    'write -z 3211264 64k', // a whole block of zeroes inside the 0x11 run
    'write -z 200704 4096', // 196 KiB: 4 KiB of zeroes inside block 3
    'discard 512k 128k', // two whole blocks discarded
    'write -P 0x77 12M 64k', // partly overwritten by nbdcopy below
    'write -P 0xee 16773120 4096', // the volume's last 4 KiB
    'flush'
  ])
  t.equal(writes.status, 0, 'qemu-io exited 0', { output: writes.out })
  t.notMatch(writes.out, /failed/, 'no qemu-io command failed')
  t.equal(writes.out.match(/^wrote /gm)?.length, 9, 'qemu-io was acknowledged every write')
  t.equal(writes.out.match(/^discard /gm)?.length, 1, 'and the discard')
  fill(0, MiB, 0xab)
  fill(69632, 4096, 0xcd)
  fill(126976, 8192, 0x5a)
  fill(2101248, 4096, 0x3c)
  fill(3 * MiB, 192 * KiB, 0x11)
  fill(3211264, 64 * KiB, 0)
  fill(200704, 4096, 0)
  fill(512 * KiB, 128 * KiB, 0)
  fill(12 * MiB, 64 * KiB, 0x77)
  fill(16773120, 4096, 0xee)

  // nbdcopy has no offset: it writes a window of the same replicated store, 9 MiB + 12 KiB in (not 64 KiB aligned).
  const at = 9 * MiB + 12 * KiB
  const random = seeded('nbd-clients: copied in', 3 * MiB)
  n.server.addExport({ name: 'window', store: new View(p, { offset: at, size: random.length }), generation: () => p.generation })
  await writeFile(join(n.dir, 'in.img'), random)
  await n.run('nbdcopy', ['--flush', join(n.dir, 'in.img'), n.uri('window')])
  random.copy(model, at)

  sameBytes(t, await copyOut(n, 'vol', 'out.img'), model, 'nbdcopy reads the whole export back as written')
  const check = await n.qemuIo('vol', ['read -P 0xcd 69632 4096', 'read -P 0 200704 4096', 'read -P 0x77 12595200 53248', 'read -P 0xee 16773120 4096'])
  t.notMatch(check.out, /fail/i, 'qemu-io verifies patterns too')
  t.equal(check.out.match(/^read /gm)?.length, 4)

  t.same(p.inSync, ['b', 'c'], 'no replica left the set')
  t.same(drops.calls, [], 'no replica ever failed a change')
  sameBytes(t, await c.nodes.a!.store.read(0, SIZE), model, 'the primary holds what the clients wrote')
  await converged(t, c, ['b', 'c'])
})

t.test('a partitioned primary whose drop cannot commit acknowledges no write', { skip }, async t => {
  const c = await cluster(t)
  const drops = noQuorum()
  const p = await c.primary('a', {}, { dropReplica: drops.dropReplica })
  const n = await nbd(t)
  n.server.addExport({ name: 'vol', store: p, generation: () => p.generation })
  const before = await n.qemuIo('vol', ['write -P 0x01 0 256k'])
  t.match(before.out, /^wrote 262144\/262144 bytes at offset 0$/m, 'acknowledged while all are reachable')

  // c is cut off from the primary; the primary is cut off from Raft, so it cannot drop c.
  c.network.partition('a', 'c')
  const fua = await n.qemuIo('vol', ['write -f -P 0x99 0 4096'])
  refused(t, fua, 'a FUA write', /write failed: Input\/output error/)
  t.ok(drops.calls.length >= 1 && drops.calls.every(x => x === 'c'), `the primary asked to drop c (${drops.calls.length} asks)`)
  t.same(p.inSync, ['b', 'c'], 'and c is still required, so the write was never acknowledged without it')
  const asked = drops.calls.length

  const later = await n.qemuIo('vol', ['write -P 0x98 65536 4096'])
  refused(t, later, 'a later write', /write failed: Input\/output error/)
  // qemu-io prints nothing for a failed flush: the server's counters show what the client was answered.
  const stats = n.server.stats()
  const flush = await n.qemuIo('vol', ['flush'])
  refused(t, flush, 'a flush')
  const flushes = n.server.stats().requests.flush - stats.requests.flush
  t.ok(flushes >= 1, `the flush reached the server (${flushes})`)
  t.equal(n.server.stats().errors - stats.errors, flushes, 'and every flush was answered with an error, so durability was never claimed')
  t.ok(drops.calls.length >= asked + 2 && drops.calls.every(x => x === 'c'), `each failure asked again (${drops.calls.length} asks), always for c`)
  t.same(await c.nodes.c!.store.read(0, 128 * KiB), Buffer.alloc(128 * KiB, 0x01), 'the cut-off replica has only what was acknowledged')
  t.same(p.inSync, ['b', 'c'])
})

t.test('a primary fenced by a newer generation gets errors at the client and changes no replica', { skip }, async t => {
  const c = await cluster(t)
  const drops = noQuorum()
  const old = await c.primary('a', {}, { dropReplica: drops.dropReplica })
  const n = await nbd(t)
  n.server.addExport({ name: 'vol', store: old, generation: () => old.generation })
  const base = seeded('nbd-clients: before the new primary', MiB)
  await writeFile(join(n.dir, 'base.img'), base)
  await n.run('nbdcopy', [join(n.dir, 'base.img'), n.uri('vol')])
  const snapshot = async (id: string): Promise<{ crcs: number[], bytes: Buffer }> =>
    ({ crcs: await crcs(c.nodes[id]!.store), bytes: await c.nodes[id]!.store.read(0, SIZE) })
  const b0 = await snapshot('b')
  const c0 = await snapshot('c')
  sameBytes(t, b0.bytes.subarray(0, MiB), base, 'the replicas hold the old primary\'s acknowledged data')

  // The owner elected b at generation 2 with c in sync (a is out of the set): b's hello fences c, its own open fences b.
  const next = await c.primary('b', { inSync: ['c'], generation: 2 })
  t.equal(c.nodes.c!.store.generation, 2)

  const stale = await n.qemuIo('vol', ['write -f -P 0x66 0 64k'])
  refused(t, stale, 'the old primary\'s write', /write failed: Operation not permitted/)
  t.ok(old.fenced, 'a replica\'s refusal fenced the old primary')
  t.same(drops.calls, [], 'a fenced write is not a failed replica: nothing was dropped')
  for (const [id, was] of [['b', b0], ['c', c0]] as const) {
    const now = await snapshot(id)
    t.same(differing(now.crcs, was.crcs), [], `${id}'s checksums are unchanged`)
    sameBytes(t, now.bytes, was.bytes, `${id}'s bytes are unchanged`)
  }

  const again = await n.qemuIo('vol', ['write -P 0x67 131072 4096'])
  refused(t, again, 'a new client of the old primary', /read-only|Permission|not permitted|failed/i)
  t.equal((await snapshot('c')).crcs.join(), c0.crcs.join(), 'c is still unchanged')

  // The new primary serves writes that reach its replica.
  n.server.addExport({ name: 'next', store: next, generation: () => next.generation })
  const ok = await n.qemuIo('next', ['write -f -P 0x42 0 64k'])
  t.match(ok.out, /^wrote 65536\/65536 bytes at offset 0$/m, 'the new primary acknowledged a FUA write')
  t.same(await c.nodes.c!.store.read(0, 64 * KiB), Buffer.alloc(64 * KiB, 0x42), 'c has the new primary\'s write')
  await converged(t, c, ['c'], 'b')
})

t.test('a replica that missed qemu-io writes gets back exactly the blocks they touched', { skip }, async t => {
  const c = await cluster(t, undefined, undefined, { a: BLOCK, b: BLOCK, c: BLOCK })
  const drops = noQuorum()
  const p = await c.primary('a', {}, { dropReplica: drops.dropReplica })
  const n = await nbd(t)
  n.server.addExport({ name: 'vol', store: p, generation: () => p.generation })
  const base = await n.qemuIo('vol', ['write -P 0x01 0 4M'])
  t.match(base.out, /^wrote 4194304\/4194304/m, 'the first 4 MiB were written to all three')
  await converged(t, c, ['b', 'c'])

  await p.setInSync(['b'], 1) // the owner took c out of the set
  const touched = [0, 2, 3, 10, 20, 21, 40, 128, 255]
  const more = await n.qemuIo('vol', [
    'write -P 0x02 4096 4096', // block 0
    'write -P 0x03 192512 8192', // across blocks 2 and 3
    'write -z 655360 64k', // block 10, was data
    'discard 1310720 128k', // blocks 20 and 21, were data
    'write -P 0x05 2621952 512', // 512 bytes inside block 40
    'write -f -P 0x04 8M 64k', // block 128, was a hole
    'write -P 0x06 16711680 64k' // block 255, the last
  ])
  t.equal(more.status, 0, 'qemu-io exited 0', { output: more.out })
  t.notMatch(more.out, /fail/i, 'no qemu-io command failed')
  t.same(differing(await crcs(c.nodes.c!.store), await crcs(c.nodes.a!.store)), touched, 'c lacks exactly the touched blocks')
  await converged(t, c, ['b'])

  const result = await p.resync('c', { bytesPerSecond: 0, chunkBytes: MiB })
  t.match(result, { node: 'c', blocksCompared: SIZE / BLOCK, blocksCopied: touched.length, bytesCopied: touched.length * BLOCK },
    `copied the ${touched.length} touched blocks, not the volume`)
  await p.setInSync(['b', 'c'], 1)
  t.same(p.inSync, ['b', 'c'])
  await converged(t, c, ['b', 'c'])

  const after = await n.qemuIo('vol', ['write -f -P 0x07 5M 4096'])
  t.match(after.out, /^wrote 4096\/4096/m, 'a write after the return is acknowledged')
  t.same(await c.nodes.c!.store.read(5 * MiB, 4096), Buffer.alloc(4096, 0x07), 'the returned member receives writes again')
  t.same(drops.calls, [])
})

t.test('an empty replacement replica is rebuilt block for block while nbdcopy writes', { skip }, async t => {
  const c = await cluster(t)
  const drops = noQuorum()
  const REQUEST = 256 * KiB // nbdcopy's request size, set explicitly below
  const AHEAD = 6 // client writes the walk waits for per throttle wait: 1.5 MiB per MiB compared, so the writes overtake it
  // The resync throttle's clock moves only when the walk waits; each wait holds the walk until more client writes resolved.
  const changes = new Changes()
  let now = 0
  let waits = 0 // throttle waits: one after each chunk the walk copied into, but the first (the burst)
  let written = 0 // client changes the replicated store resolved
  let copying = false // the concurrent nbdcopy runs
  let rebuilding = false // the resync is under way
  const sleep = async (ms: number, signal?: AbortSignal): Promise<void> => {
    now += ms
    const wait = ++waits
    changes.notify()
    await changes.until(() => written >= AHEAD * wait || !copying, signal)
  }
  const p: ReplicatedBlockStore = await c.primary('a', {}, { dropReplica: drops.dropReplica, clock: { now: () => now, sleep } })
  const n = await nbd(t)
  n.server.addExport({ name: 'vol', store: p, generation: () => p.generation })

  const v1 = seeded('nbd-clients: first image', SIZE)
  await writeFile(join(n.dir, 'v1.img'), v1)
  await n.run('nbdcopy', [join(n.dir, 'v1.img'), n.uri('vol')])
  await converged(t, c, ['b', 'c'])

  // c's disk is replaced: the owner drops it, and it comes back with an empty store.
  await p.setInSync(['b'], 1)
  const node = c.nodes.c!
  node.server.removeVolume(VOLUME)
  await node.store.close()
  const dir = await mkdtemp(join(tmpdir(), 'trellis-replica-new-'))
  const fresh = new CountingStore(await openSparseFileStore({}, { dir, size: SIZE }))
  t.teardown(async () => { await fresh.close(); await rm(dir, { recursive: true, force: true }) })
  node.store = fresh
  node.server.addVolume(VOLUME, fresh)
  const empty = await crcs(fresh)
  t.ok(empty.every(x => x === empty[0]), 'the new store is empty')

  // Client changes go through a view that holds them until the walk is under way, and sorts them by where the walk was.
  const compared = (): number => p.syncing()[0]?.comparedBytes ?? 0
  let behind = 0 // began in a range the walk had finished: reached c only as a mirrored change
  let ahead = 0 // resolved in a range the walk had not compared yet: already equal there when it got to it
  let largest = 0
  const around: Around = async (at, length, change) => {
    await changes.until(() => waits > 0 || !rebuilding)
    const walked = compared()
    largest = Math.max(largest, length)
    await change()
    written++
    if (rebuilding && at + length <= walked) behind++
    if (rebuilding && at >= compared()) ahead++
    changes.notify()
  }
  n.server.addExport({ name: 'gated', store: new View(p, { around }), generation: () => p.generation })
  const v2 = seeded('nbd-clients: second image', SIZE)
  await writeFile(join(n.dir, 'v2.img'), v2)

  rebuilding = true
  copying = true
  const rebuild = p.resync('c', { bytesPerSecond: MiB, chunkBytes: MiB })
    .finally(() => { rebuilding = false; changes.notify() })
  const copy = n.run('nbdcopy', ['--connections=2', '--requests=4', `--request-size=${REQUEST}`, join(n.dir, 'v2.img'), n.uri('gated')])
    .finally(() => { copying = false; changes.notify() })
  const [result] = await Promise.all([rebuild, copy])

  t.equal(written, SIZE / REQUEST, `nbdcopy wrote the volume in ${REQUEST}-byte requests`)
  t.ok(largest <= REQUEST)
  t.ok(waits >= 8, `the walk went chunk by chunk, waiting for the clients (${waits} waits)`)
  // Held until two chunks were compared, every write to them came behind the walk; and when the walk had compared
  // 11 MiB it had waited for 60 writes, at most 44 of which fit in those 11 MiB: the rest landed ahead of it.
  t.ok(behind > 0, `${behind} writes landed behind the walk`)
  t.ok(ahead > 0, `${ahead} writes landed ahead of it`)
  t.equal(result.blocksCompared, SIZE / DEFAULT_BLOCK_SIZE, 'every block was compared')
  t.ok(result.blocksCopied > 0 && result.blocksCopied < SIZE / DEFAULT_BLOCK_SIZE,
    `${result.blocksCopied} of ${SIZE / DEFAULT_BLOCK_SIZE} blocks were copied: the ones written ahead of the walk were equal already`)
  t.same(p.syncing().map(s => s.node), ['c'], 'c waits, equal, for the owner')
  await converged(t, c, ['b', 'c'])

  await p.setInSync(['b', 'c'], 1)
  t.same(p.inSync, ['b', 'c'])
  sameBytes(t, await copyOut(n, 'vol', 'out.img'), v2, 'the export reads back the second image')
  sameBytes(t, await fresh.read(0, SIZE), v2, 'so does the rebuilt replica')
  await converged(t, c, ['b', 'c'])
  t.same(drops.calls, [])
})
