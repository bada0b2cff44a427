import t from 'tap'
import { MemoryStorage, RaftNode, bootstrap } from '../../../controller/raft/index.ts'
import type { Entry } from '../../../controller/raft/index.ts'
import { SeededRandom } from '../../../controller/random/index.ts'
import { bytes } from './harness.ts'

const rng = (): () => number => new SeededRandom(1).asRng()

t.test('the first Ready of a founding voter applies the bootstrap membership', async t => {
  const n = new RaftNode({ id: 'a', storage: MemoryStorage.bootstrapped(['b', 'a', 'c']), rng: rng() })
  t.ok(n.hasReady())
  const rd = n.ready()
  t.same(rd.committedEntries.map(e => e.type === 'conf-change' ? e.change.node : ''), ['a', 'b', 'c'], 'sorted add-voter entries')
  t.equal(rd.hardState, undefined, 'hard state unchanged')
  t.same(rd.entries, [], 'nothing new to persist')
  n.advance(rd)
  t.notOk(n.hasReady())
  t.same(n.status().conf, { voters: ['a', 'b', 'c'], learners: [] })
})

t.test('ready and advance alternate', async t => {
  const n = new RaftNode({ id: 'a', storage: MemoryStorage.bootstrapped(['a']), rng: rng() })
  const rd = n.ready()
  t.notOk(n.hasReady(), 'nothing more while a Ready is out')
  t.throws(() => n.ready(), { code: 'ERR_READY_ORDER' })
  t.throws(() => n.advance({ ...rd }), { code: 'ERR_READY_ORDER' }, 'only the Ready handed out')
  n.advance(rd)
  t.throws(() => n.advance(rd), { code: 'ERR_READY_ORDER' }, 'not twice')
})

t.test('a lone voter: persist the vote and the entry, then apply — all in one Ready', async t => {
  const disk = MemoryStorage.bootstrapped(['a'])
  const n = new RaftNode({ id: 'a', storage: disk, rng: rng(), electionTicks: 5 })
  n.advance(n.ready())
  for (let i = 0; i < 10 && n.role !== 'leader'; i++) n.tick()
  t.equal(n.role, 'leader')
  const rd = n.ready()
  t.same(rd.softState, { leader: 'a', role: 'leader' })
  t.equal(rd.hardState?.vote, 'a')
  t.equal(rd.hardState?.term, 2)
  t.ok(rd.mustSync, 'a new term and vote must be synced')
  t.equal(rd.entries.length, 1, 'the no-op to persist')
  t.same(rd.committedEntries, rd.entries, 'and, once persisted, to apply')
  t.same(rd.messages, [], 'no peers')
  disk.append(rd.entries)
  disk.setHardState(rd.hardState!)
  n.advance(rd)
  const p = n.propose(bytes('x'))
  const rd2 = n.ready()
  t.same(rd2.entries.map(e => e.index), [p.index])
  t.equal(rd2.truncateFrom, undefined, 'a plain append truncates nothing')
  t.equal(rd2.hardState?.commit, p.index)
  t.ok(rd2.mustSync)
  disk.append(rd2.entries)
  n.advance(rd2)
  t.throws(() => n.propose(new Uint8Array(0)), { code: 'ERR_BAD_PROPOSAL' }, 'empty data is reserved for the no-op')
})

t.test('a follower\'s Ready names the truncation point: entries[0] replaces everything from there', async t => {
  const disk = MemoryStorage.bootstrapped(['a', 'b'])
  const base = disk.lastIndex()
  const stale: Entry[] = [1, 2, 3].map(i => ({ type: 'normal', term: 2, index: base + i, data: bytes(`old${i}`) }))
  disk.append(stale)
  disk.setHardState({ term: 2, vote: null, commit: base })
  const n = new RaftNode({ id: 'b', storage: disk, rng: rng() })
  n.advance(n.ready())
  const fresh: Entry[] = [{ type: 'normal', term: 3, index: base + 2, data: bytes('new') }]
  n.step({ type: 'append', from: 'a', to: 'b', term: 3, index: base + 1, logTerm: 2, entries: fresh, commit: base + 2 })
  const rd = n.ready()
  t.equal(rd.entries[0]?.index, base + 2, 'starts at the first conflicting index')
  t.equal(rd.truncateFrom, base + 2, 'and says the stored log is cut there')
  t.equal(rd.hardState?.commit, base + 2)
  t.same(rd.committedEntries.map(e => e.index), [base + 1, base + 2], 'commits only what the append proved')
  disk.append(rd.entries)
  t.equal(disk.lastIndex(), base + 2, 'old3 discarded with the truncation')
  const resp = rd.messages[0]
  t.ok(resp?.type === 'append-response' && resp.index === base + 2 && !resp.reject)
  n.advance(rd)
})

t.test('messages leave only through a Ready, after that Ready\'s state', async t => {
  const disk = MemoryStorage.bootstrapped(['a', 'b', 'c'])
  const n = new RaftNode({ id: 'b', storage: disk, rng: rng() })
  n.advance(n.ready())
  n.step({ type: 'vote', from: 'a', to: 'b', term: 5, index: 10, logTerm: 1, transfer: false })
  const rd = n.ready()
  t.same(rd.hardState, { term: 5, vote: 'a', commit: 3 }, 'the vote to persist')
  t.equal(rd.messages.length, 1, 'and the grant, to send after it')
  t.ok(rd.mustSync)
})

t.test('MemoryStorage: append truncates, compaction keeps the tail, errors carry codes', async t => {
  const s = new MemoryStorage()
  const e = (index: number, term: number): Entry => ({ type: 'normal', term, index, data: bytes(`${index}`) })
  s.append([e(1, 1), e(2, 1), e(3, 1)])
  s.append([e(2, 2)])
  t.equal(s.lastIndex(), 2)
  t.equal(s.term(2), 2)
  s.append([e(3, 2), e(4, 2)])
  s.compact({ index: 2, term: 2, conf: { voters: ['a'], learners: [] }, data: bytes('snap') })
  t.equal(s.firstIndex(), 3)
  t.equal(s.term(2), 2, 'the snapshot keeps the term of its index')
  t.throws(() => s.term(1), { code: 'ERR_COMPACTED' })
  t.throws(() => s.entries(1, 3, Infinity), { code: 'ERR_COMPACTED' })
  t.throws(() => s.entries(3, 9, Infinity), { code: 'ERR_UNAVAILABLE' })
  t.same(s.entries(3, 5, 1).map(x => x.index), [3], 'at least one entry whatever the byte limit')
  t.throws(() => s.append([e(9, 2)]), { code: 'ERR_STORAGE_CORRUPT' }, 'no gaps')
  s.applySnapshot({ index: 10, term: 3, conf: { voters: ['a'], learners: [] }, data: B() })
  t.equal(s.firstIndex(), 11)
  t.equal(s.lastIndex(), 10)
  t.equal(s.hardState.commit, 10)
  t.same(bootstrap(['b', 'a', 'a']).entries.map(x => x.index), [1, 2], 'bootstrap dedupes and numbers from 1')
})

t.test('bad options and inconsistent storage are refused at start', async t => {
  const cases: Array<[object, string]> = [
    [{ heartbeatTicks: 10, electionTicks: 10 }, 'ERR_BAD_RAFT_OPTIONS'],
    [{ electionTicks: 0 }, 'ERR_BAD_RAFT_OPTIONS'],
    [{ maxInflight: 0 }, 'ERR_BAD_RAFT_OPTIONS'],
    [{ applied: 99 }, 'ERR_BAD_RAFT_OPTIONS']
  ]
  for (const [o, code] of cases) {
    t.throws(() => new RaftNode({ id: 'a', storage: MemoryStorage.bootstrapped(['a']), rng: rng(), ...o }), { code }, JSON.stringify(o))
  }
  t.throws(() => new RaftNode({ id: '', storage: new MemoryStorage(), rng: rng() }), { code: 'ERR_BAD_RAFT_OPTIONS' })
  const bad = MemoryStorage.bootstrapped(['a'])
  bad.setHardState({ term: 1, vote: null, commit: 50 })
  t.throws(() => new RaftNode({ id: 'a', storage: bad, rng: rng() }), { code: 'ERR_STORAGE_CORRUPT' })
})

t.test('off the leader, proposals name the leader', async t => {
  const n = new RaftNode({ id: 'b', storage: MemoryStorage.bootstrapped(['a', 'b', 'c']), rng: rng() })
  t.throws(() => n.propose(bytes('x')), { code: 'ERR_NOT_LEADER', leader: null })
  n.step({ type: 'heartbeat', from: 'a', to: 'b', term: 2, commit: 0, context: new Uint8Array(0) })
  t.throws(() => n.propose(bytes('x')), { code: 'ERR_NOT_LEADER', leader: 'a' })
})

t.test('the same seed gives the same election timeouts', async t => {
  const timeline = (seed: number): number[] => {
    const n = new RaftNode({ id: 'a', storage: MemoryStorage.bootstrapped(['a', 'b', 'c']), rng: new SeededRandom(seed).asRng() })
    const out: number[] = []
    for (let i = 0; i < 200; i++) {
      n.tick()
      if (n.hasReady()) {
        const rd = n.ready()
        if (rd.messages.length > 0) out.push(i)
        n.advance(rd)
      }
    }
    return out
  }
  t.same(timeline(5), timeline(5))
  t.not(timeline(5).join(), timeline(6).join(), 'and another seed other ones')
})

function B (): Uint8Array { return new Uint8Array(0) }
