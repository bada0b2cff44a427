import t from 'tap'
import { MemoryStorage, RaftNode } from '../../../controller/raft/index.ts'
import type { Ready } from '../../../controller/raft/index.ts'
import { SeededRandom } from '../../../controller/random/index.ts'
import { apply, decodeCommand, emptyState, encodeCommand, putApp } from '../../../controller/state/index.ts'
import type { GridState } from '../../../controller/state/index.ts'
import { Snapshotter, captureState, restoreState, serializeState, serializeStateSliced } from '../../../daemon/consensus/index.ts'
import { logger, spec } from './helpers.ts'

/** A lone voter that leads, applying its committed entries to a GridState the way the driver does. */
class Lone {
  readonly disk = MemoryStorage.bootstrapped(['a'])
  readonly node = new RaftNode({ id: 'a', storage: this.disk, rng: new SeededRandom(3).asRng(), electionTicks: 3 })
  readonly state: GridState = emptyState()
  compactions: number[] = []
  /** The command bytes of each applied entry, as the driver reports them. */
  onApplied: (bytes: number) => void = () => {}

  constructor () {
    this.drain()
    for (let i = 0; i < 20 && this.node.role !== 'leader'; i++) { this.node.tick(); this.drain() }
  }

  propose (n: number, source = ''): void {
    for (let i = 0; i < n; i++) this.node.propose(encodeCommand(putApp(spec(`app${this.state.apps.size + i}`), source)))
    this.drain()
  }

  /** Puts app `name` again with its graph unchanged and a new source (the state machine used to change that record in place). */
  resource (name: string, source: string): void {
    this.node.propose(encodeCommand(putApp(spec(name), source)))
    this.drain()
  }

  drain (): void {
    while (this.node.hasReady()) {
      const rd: Ready = this.node.ready()
      if (rd.entries.length > 0) this.disk.append(rd.entries)
      if (rd.hardState !== undefined) this.disk.setHardState(rd.hardState)
      if (rd.compaction !== undefined) { this.disk.compact(rd.compaction); this.compactions.push(rd.compaction.index) }
      for (const e of rd.committedEntries) {
        if (e.type === 'normal' && e.data.byteLength > 0) {
          apply(this.state, e.index, decodeCommand(e.data))
          this.onApplied(e.data.byteLength)
        } else {
          this.state.appliedIndex = e.index
        }
      }
      this.node.advance(rd)
    }
  }
}

/** Gives the event loop turns until cond holds (a sliced snapshot runs on them); fails after many. */
async function until (cond: () => boolean): Promise<void> {
  for (let turns = 0; !cond(); turns++) {
    if (turns > 100_000) throw new Error('condition never held')
    await new Promise(resolve => setImmediate(resolve))
  }
}

function snapshotter (l: Lone, o: { mode?: 'background' | 'inline', every?: number } = {}): { s: Snapshotter, done: () => number } {
  let done = 0
  const s = new Snapshotter({ state: l.state, node: l.node, logger, done: () => { done++ } },
    { every: o.every ?? 10, mode: o.mode ?? 'background', from: { index: 0, bytes: 0 } })
  l.onApplied = bytes => { s.applied(bytes) }
  return { s, done: () => done }
}

t.test('the sliced serialization makes the bytes serializeState makes, giving the event loop turns', async t => {
  const l = new Lone()
  l.propose(3000, 'x'.repeat(100))
  let pauses = 0
  const sliced = await serializeStateSliced(captureState(l.state), 0.1, async () => { pauses++; await new Promise(resolve => setImmediate(resolve)) })
  t.same(Buffer.from(sliced), Buffer.from(serializeState(l.state)), 'same bytes')
  t.ok(pauses > 0, `${pauses} turns given back`)
  const back = emptyState()
  restoreState(back, sliced, l.state.appliedIndex)
  t.equal(back.apps.size, 3000)
})

t.test('a captured state serializes as of its index while the state goes on changing', async t => {
  const l = new Lone()
  l.propose(500, 'x'.repeat(100))
  const at = l.state.appliedIndex
  const then = Buffer.from(serializeState(l.state))
  const captured = captureState(l.state)
  let changed = false
  const sliced = serializeStateSliced(captured, 0.05, async () => {
    // Between slices: a new app, and a new source for an app already there.
    if (!changed) { l.propose(5); l.resource('app0', 'changed meanwhile'); changed = true }
    await new Promise(resolve => setImmediate(resolve))
  })
  const bytes = Buffer.from(await sliced)
  t.ok(changed, 'the state changed during the serialization')
  t.equal(l.state.apps.get('app0')?.source, 'changed meanwhile')
  t.equal(captured.appliedIndex, at)
  t.same(bytes, then, 'the bytes are those of the state at the capture')
  const back = emptyState()
  restoreState(back, bytes, at)
  t.equal(back.apps.size, 500)
  t.equal(back.apps.get('app0')?.source, 'x'.repeat(100))
})

t.test('a snapshot in the background lets entries apply meanwhile, then compacts to its own index', async t => {
  const l = new Lone()
  const { s, done } = snapshotter(l, { every: 20 })
  l.propose(9)
  s.maybe()
  t.notOk(s.serializing, `not before snapshotEvery entries (applied ${l.state.appliedIndex})`)
  l.propose(2000, 'x'.repeat(100))
  const at = l.state.appliedIndex
  const then = Buffer.from(serializeState(l.state))
  s.maybe()
  t.ok(s.serializing, 'due: serializing')
  l.resource('app0', 'applied during the serialization')
  l.propose(3)
  t.equal(l.state.appliedIndex, at + 4, 'entries applied while it serializes')
  await until(() => done() === 1)
  t.notOk(s.serializing)
  t.equal(done(), 1, 'the driver is told')
  t.equal(s.made, 1)
  l.drain()
  t.same(l.compactions, [at], 'the log is compacted to the index it was captured at')
  t.same(Buffer.from(l.disk.snapshot().data), then, 'with the state as of that index')
})

t.test('a snapshot waits until the log since the last is as large as it', async t => {
  const l = new Lone()
  const { s, done } = snapshotter(l)
  l.propose(20, 'y'.repeat(200))
  s.maybe()
  await until(() => done() === 1)
  t.equal(s.made, 1)
  const size = serializeState(l.state).byteLength
  l.propose(12)
  s.maybe()
  t.equal(s.made, 1, `12 small entries are less than ${size} bytes: not yet`)
  l.propose(1, 'z'.repeat(Math.floor(size / 2)))
  s.maybe()
  t.equal(s.made, 1, 'half its size: not yet')
  t.notOk(s.serializing)
  l.propose(1, 'z'.repeat(Math.ceil(size / 2)))
  s.maybe()
  t.ok(s.serializing, 'once they are, it is due')
  await until(() => done() === 2)
  t.equal(s.made, 2, 'and made')
})

t.test('stopped while serializing: no compaction, the driver is not called back', async t => {
  const l = new Lone()
  const { s, done } = snapshotter(l)
  l.propose(3000, 'x'.repeat(100))
  s.maybe()
  t.ok(s.serializing)
  s.stop()
  await until(() => !s.serializing)
  l.drain()
  t.equal(s.made, 0)
  t.equal(done(), 0)
  t.same(l.compactions, [])
})

t.test('inline mode snapshots every snapshotEvery entries, at once', async t => {
  const l = new Lone()
  const { s } = snapshotter(l, { mode: 'inline' })
  for (let round = 1; round <= 3; round++) {
    l.propose(10)
    s.maybe()
    t.equal(s.made, round)
  }
  s.stop()
  l.propose(10)
  s.maybe()
  t.equal(s.made, 3, 'nothing after stop()')
})
