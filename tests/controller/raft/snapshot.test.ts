import t from 'tap'
import { MemoryStorage, RaftNode } from '../../../controller/raft/index.ts'
import type { Message } from '../../../controller/raft/index.ts'
import { WriteLog } from '../../sim/raft/index.ts'
import { SeededRandom } from '../../../controller/random/index.ts'
import { Cluster } from './harness.ts'

/** Compacts a node's log up to what it has applied, with its state machine's snapshot. */
function compact (cl: Cluster, id: string): number {
  const h = cl.hosts.get(id)!
  const machine = h.machine!
  cl.node(id).compact(machine.index, machine.snapshot())
  cl.drain(id)
  return machine.index
}

t.test('a follower behind the leader\'s first index is caught up by snapshot', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'] })
  cl.elect('a')
  cl.isolate('c')
  for (let i = 0; i < 10; i++) cl.propose('a', `write-${i}`)
  const at = compact(cl, 'a')
  t.equal(cl.disk('a').firstIndex(), at + 1, 'a compacted its log')
  t.equal(cl.disk('a').snapshot().index, at)
  cl.heal()
  const before = cl.sent.length
  cl.tickAll(10)
  const snaps = cl.sent.slice(before).filter(m => m.type === 'snapshot' && m.to === 'c')
  t.equal(snaps.length, 1, 'c got one snapshot')
  t.equal(cl.disk('c').snapshot().index, at, 'c persisted it')
  t.equal(cl.status('a').progress.c?.state, 'replicate', 'and is back to replicating')
  // c's state machine came from the snapshot; then it applies what followed.
  cl.propose('a', 'after-snapshot')
  t.equal(cl.hosts.get('c')!.machine!.writes.length, 11, 'c holds every write')
  t.equal(cl.hosts.get('c')!.machine!.hash, cl.hosts.get('a')!.machine!.hash, 'c\'s state matches a\'s')
  t.same(cl.logOf('c'), cl.logOf('a').filter(e => Number(e.split(':')[0]) > at), 'c\'s log is the leader\'s after the snapshot')
})

/** a leads b and c; c missed five writes that a then compacted away, and is back: only a snapshot can catch it up. */
function cBehindCompaction (): Cluster {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], electionTicks: 10 })
  cl.elect('a')
  cl.isolate('c')
  for (let i = 0; i < 5; i++) cl.propose('a', `write-${i}`)
  compact(cl, 'a')
  cl.heal()
  return cl
}

t.test('a lost snapshot is sent again after an election timeout', async t => {
  const cl = cBehindCompaction()
  let dropped = 0
  cl.filters.push(m => m.type === 'snapshot' && dropped++ === 0 ? 'drop' : 'deliver')
  cl.tickAll(40)
  t.equal(dropped, 2, 'the first snapshot was lost, a second went out')
  t.equal(cl.status('c').commit, cl.status('a').commit, 'c caught up')
})

t.test('a snapshot whose transfer reports progress is not sent again; a stalled one is, after an election timeout', async t => {
  const cl = cBehindCompaction()
  // The transfer is slow: the message never arrives within the test, but a piece is acknowledged every 5 ticks.
  let sent = 0
  cl.filters.push(m => { if (m.type !== 'snapshot') return 'deliver'; sent++; return 'drop' })
  for (let i = 0; i < 40; i++) {
    cl.tickAll(1)
    if (i % 5 === 4) cl.node('a').reportSnapshotProgress('c')
  }
  t.equal(sent, 1, 'one snapshot in 40 ticks (4 election timeouts) while pieces are acknowledged')
  t.equal(cl.status('a').progress.c?.state, 'snapshot', 'the leader still waits for it')
  cl.tickAll(12)
  t.equal(sent, 2, 'no progress for an election timeout: a fresh snapshot goes out')
})

t.test('a node restarts from its snapshot and the log after it', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'] })
  cl.elect('a')
  for (let i = 0; i < 6; i++) cl.propose('a', `write-${i}`)
  const at = compact(cl, 'b')
  cl.propose('a', 'tail-write')
  cl.crash('b')
  cl.restart('b')
  t.equal(cl.status('b').firstIndex, at + 1, 'restarted with the compacted log')
  t.equal(cl.status('b').applied, cl.status('b').commit, 'and re-applied everything after the snapshot')
  t.same(cl.appliedData('b'), ['tail-write'], 'only the entries after the snapshot were applied again')
  t.equal(cl.hosts.get('b')!.machine!.writes.length, 7)
})

t.test('compact refuses indexes already compacted or not yet applied', async t => {
  const cl = new Cluster({ voters: ['a'] })
  cl.tickAll(30)
  cl.propose('a', 'x')
  const n = cl.node('a')
  const applied = n.status().applied
  t.throws(() => n.compact(applied + 1, new Uint8Array(0)), { code: 'ERR_SNAPSHOT_OUT_OF_DATE' }, 'not applied yet')
  n.compact(applied, new Uint8Array(0))
  t.throws(() => n.compact(applied, new Uint8Array(0)), { code: 'ERR_SNAPSHOT_OUT_OF_DATE' }, 'already pending')
  cl.drain('a')
  t.throws(() => n.compact(applied - 1, new Uint8Array(0)), { code: 'ERR_SNAPSHOT_OUT_OF_DATE' }, 'already compacted')
})

t.test('a snapshot the follower already covers only fast-forwards its commit', async t => {
  const disk = MemoryStorage.bootstrapped(['a', 'b'])
  const node = new RaftNode({ id: 'b', storage: disk, rng: new SeededRandom(1).asRng() })
  const rd = node.ready()
  node.advance(rd)
  // The follower's log holds index 2 (term 1) already: the snapshot at 2 needs no install.
  const m: Message = { type: 'snapshot', from: 'a', to: 'b', term: 2, snapshot: { index: 2, term: 1, conf: { voters: ['a', 'b'], learners: [] }, data: new WriteLog().snapshot() } }
  t.ok(node.step(m))
  const out = node.ready()
  t.equal(out.snapshot, undefined, 'nothing to install')
  const resp = out.messages.find(x => x.type === 'append-response')
  t.equal(resp?.type === 'append-response' ? resp.index : -1, 2, 'answers with its commit')
})

t.test('the snapshot carries the membership in force at its index', async t => {
  const cl = new Cluster({ voters: ['a', 'b', 'c'], spares: ['d'] })
  cl.elect('a')
  cl.propose('a', 'x')
  cl.node('a').proposeConfChange({ type: 'add-learner', node: 'd' })
  cl.drain('a')
  cl.deliver()
  cl.tickAll(3)
  compact(cl, 'a')
  t.same(cl.disk('a').snapshot().conf, { voters: ['a', 'b', 'c'], learners: ['d'] })
})
