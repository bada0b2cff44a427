/** Raft's idle heartbeats by datagram: which go that way, when the stream takes over, and what a receiver refuses. */
import t from 'tap'
import { pino } from 'pino'
import type { Message } from '../../../controller/raft/index.ts'
import { HeartbeatDatagrams, type HeartbeatDatagramStats } from '../../../daemon/consensus/heartbeat-datagrams.ts'
import { encodeMessage } from '../../../daemon/consensus/codec.ts'
import { MemoryGossipNetwork } from '../../../daemon/network/index.ts'
import { putApp } from '../../../controller/state/index.ts'
import { Cluster, spec, waitFor } from './helpers.ts'

const logger = pino({ level: 'silent' })
const EMPTY = new Uint8Array(0)

function heartbeat (round: number, extra: Partial<Message & { type: 'heartbeat' }> = {}): Message {
  return { type: 'heartbeat', from: 'L', to: 'F', term: 2, commit: 5, context: EMPTY, round, confirmed: 0, ...extra } as Message
}

function answer (round: number, extra: Partial<Message & { type: 'heartbeat-response' }> = {}): Message {
  return { type: 'heartbeat-response', from: 'F', to: 'L', term: 2, context: EMPTY, round, ...extra } as Message
}

/** A leader L and a follower F, each with its route on one memory network, and what each route handed to Raft. */
function pair (): { net: MemoryGossipNetwork, l: HeartbeatDatagrams, f: HeartbeatDatagrams, atL: Message[], atF: Message[], settle: () => Promise<void> } {
  const net = new MemoryGossipNetwork()
  net.join('L')
  net.join('F')
  const dl = net.datagrams('L')
  const df = net.datagrams('F')
  dl.learn('F', ['/ip4/10.0.0.2/tcp/7400'])
  df.learn('L', ['/ip4/10.0.0.1/tcp/7400'])
  const atL: Message[] = []
  const atF: Message[] = []
  const l = new HeartbeatDatagrams({ datagrams: dl, logger }, { onMessage: m => atL.push(m) })
  const f = new HeartbeatDatagrams({ datagrams: df, logger }, { onMessage: m => atF.push(m) })
  l.start()
  f.start()
  return { net, l, f, atL, atF, settle: async () => { await new Promise(resolve => setImmediate(resolve)) } }
}

t.test('which messages go by datagram', async t => {
  const { l, f, atF, settle } = pair()
  const cases: Array<[string, Message, boolean]> = [
    ['an idle heartbeat', heartbeat(1), true],
    ['a heartbeat confirming reads (its round is wanted at once)', heartbeat(2, { context: new Uint8Array([1]) }), false],
    ['a heartbeat of a leader that counts no rounds', heartbeat(0), false],
    ['a heartbeat to a peer whose address is unknown', heartbeat(3, { to: 'G' }), false],
    ['an append', { type: 'append', from: 'L', to: 'F', term: 2, index: 5, logTerm: 2, entries: [], commit: 5 } as Message, false]
  ]
  for (const [what, m, datagram] of cases) t.equal(l.send(m), datagram, what)
  await settle()
  t.same(atF.map(m => m.type === 'heartbeat' ? m.round : -1), [1], 'the follower took the one datagram')
  t.equal(f.send(answer(1)), true, 'the answer to a heartbeat that came by datagram goes back the same way')
  t.equal(f.send(answer(2)), false, 'the answer to one that came by stream goes by stream')
  f.heardOnStream(heartbeat(4))
  t.equal(f.send(answer(4)), false, 'once the newest heartbeat came by stream, so does its answer')
})

t.test('an unanswered datagram heartbeat hands the next ones to the stream, then datagrams are tried again', async t => {
  const { net, l, f, atL, settle } = pair()
  net.blockDatagrams('L', 'F')
  const ways: boolean[] = []
  for (let round = 1; round <= 11; round++) {
    ways.push(l.send(heartbeat(round)))
    await settle()
  }
  t.same(ways, [true, false, false, false, false, false, false, false, false, true, false], 'one loss, eight by stream, one more try')
  t.equal(l.stats().unanswered, 2)
  net.blockDatagrams('L', 'F', false)
  // The stream's answers: round 11 answered, and every stream heartbeat from now to the end of the wait.
  l.heardOnStream(answer(11))
  for (let round = 12; round <= 18; round++) t.equal(l.send(heartbeat(round)), false, `round ${round} still by stream`)
  t.equal(l.send(heartbeat(19)), true, 'datagrams again after the wait')
  await settle()
  t.equal(f.send(answer(19)), true)
  await settle()
  t.equal(atL.length, 1, 'the answer reached the leader')
  t.equal(l.send(heartbeat(20)), true, 'answered: the next goes by datagram too')
  t.equal(l.stats().unanswered, 2, 'no loss counted for an answered round')
  t.equal(l.send(heartbeat(1, { term: 3 })), true, 'a new term forgets the old term\'s unanswered round')
})

t.test('a receiver refuses what is no heartbeat of the sender\'s, and anything stale or replayed', async t => {
  const { net, f, atF, settle } = pair()
  const dl = net.datagrams('L')
  const send = (m: Message | Uint8Array): void => { dl.send('F', 'raft', m instanceof Uint8Array ? m : encodeMessage(m)) }
  send(new Uint8Array([0xff, 0xff, 0xff]))
  send(heartbeat(1, { from: 'G' }))
  send(heartbeat(1, { to: 'H' }))
  send({ type: 'append', from: 'L', to: 'F', term: 2, index: 5, logTerm: 2, entries: [], commit: 5 } as Message)
  send(heartbeat(0))
  send(heartbeat(3))
  send(heartbeat(3))
  send(heartbeat(2))
  send(heartbeat(1, { term: 1 }))
  send(heartbeat(4))
  send(heartbeat(1, { term: 3 }))
  await settle()
  t.same(atF.map(m => [m.term, m.type === 'heartbeat' ? m.round : -1]), [[2, 3], [2, 4], [3, 1]], 'only newer rounds, or a newer term')
  t.same(f.stats().refused, { garbled: 1, impostor: 1, misdirected: 1, 'not-a-heartbeat': 1, stale: 4 })
  t.equal(f.stats().received, 3)
})

t.test('a stopped route hears nothing', async t => {
  const { l, f, atF, settle } = pair()
  f.stop()
  l.send(heartbeat(1))
  await settle()
  t.same(atF, [])
})

t.test('three RaftCommandLogs: idle heartbeats go by datagram, and losing them one way or the other starts no election', async t => {
  const c = await Cluster.create(t, ['a', 'b', 'c'], {}, ['a', 'b', 'c'], { datagrams: true })
  const leader = await c.waitLeader()
  const [f1, f2] = c.ids.filter(id => id !== leader) as [string, string]
  await c.log(f1).propose(putApp(spec('web'), 'web'))
  const beats = (id: string): HeartbeatDatagramStats => c.log(id).stats().heartbeatDatagrams!
  await waitFor(() => beats(f1).received >= 20 && beats(f2).received >= 20 && beats(leader).received >= 40, 5000, 'heartbeats and answers by datagram')
  const term = c.log(leader).status().term
  const net = c.datagrams!
  for (const [from, to, what] of [[leader, f1, 'heartbeats to a follower'], [f2, leader, 'a follower\'s answers']] as const) {
    const lost = beats(leader).unanswered
    net.blockDatagrams(from, to)
    // Longer than ten election timeouts (10–20 ticks of 20 ms).
    const until = Date.now() + 3000
    await waitFor(() => Date.now() > until, 4000, 'three seconds')
    t.ok(beats(leader).unanswered > lost + 2, `${what} lost: the leader saw its rounds go unanswered`)
    await c.log(to).propose(putApp(spec(`after-${to}`), `after-${to}`))
    t.same(c.ids.map(id => [c.log(id).status().term, c.log(id).status().leader]), c.ids.map(() => [term, leader]), `${what} lost: same term, same leader everywhere`)
    net.blockDatagrams(from, to, false)
  }
  t.same(beats(f1).refused, {}, 'nothing refused on the way')
})
