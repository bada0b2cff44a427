import t from 'tap'
import type { Test } from 'tap'
import type { Duplex } from 'node:stream'
import { putApp } from '../../../controller/state/index.ts'
import { LoopbackTransport } from '../../../daemon/network/index.ts'
import { FORWARD_PROTOCOL, RAFT_PROTOCOL, encodeMessage, frame } from '../../../daemon/consensus/index.ts'
import { Cluster, spec, waitFor } from './helpers.ts'

async function rogue (t: Test, c: Cluster): Promise<LoopbackTransport> {
  const x = new LoopbackTransport({ network: c.network }, { nodeId: 'x' })
  t.teardown(() => x.close())
  return x
}

function closed (s: Duplex): Promise<void> {
  s.on('error', () => {})
  return new Promise(resolve => { if (s.destroyed) resolve(); else s.once('close', () => { resolve() }) })
}

t.test('garbled bytes on both protocols are dropped and counted without harm', async t => {
  const c = await Cluster.create(t, ['a', 'b', 'c'])
  const leader = await c.waitLeader()
  const x = await rogue(t, c)

  let s = await x.dial(leader, RAFT_PROTOCOL)
  s.write(frame(Uint8Array.from([0xff, 0xff, 0xff, 0xff])))
  await closed(s)
  s = await x.dial(leader, RAFT_PROTOCOL)
  s.write(Buffer.from([0xff, 0xff, 0xff, 0xff, 1, 2, 3]))
  await closed(s)
  s = await x.dial(leader, RAFT_PROTOCOL)
  // A sound message that lies about its sender.
  s.write(frame(encodeMessage({ type: 'heartbeat-response', from: 'b', to: leader, term: 1, context: new Uint8Array(0) })))
  await closed(s)
  t.equal(c.log(leader).stats().links.garbled, 3, 'garbage, an oversized frame and a forged sender')

  s = await x.dial(leader, FORWARD_PROTOCOL)
  s.write(frame(Uint8Array.from([0xff, 0xff, 0xff])))
  await closed(s)
  s = await x.dial(leader, FORWARD_PROTOCOL)
  s.write(Buffer.from([0x7f, 0xff, 0xff, 0xff]))
  await closed(s)
  t.equal(c.log(leader).stats().forwardGarbled, 2)

  const r = await c.log(leader).propose(putApp(spec('still'), 'ok'))
  t.match(r, { kind: 'app-put', change: 'created' }, 'the group still works')
  t.equal(c.leader(), leader, 'and nobody lost leadership')
})

t.test('out-of-term messages are rejected by the core', async t => {
  const c = await Cluster.create(t, ['a', 'b', 'c'])
  const leader = await c.waitLeader()
  const follower = c.ids.find(id => id !== leader)!
  await c.log(leader).propose(putApp(spec('base'), 'base'))
  const before = c.log(follower).status()
  const x = await rogue(t, c)
  const s = await x.dial(follower, RAFT_PROTOCOL)
  s.on('error', () => {})
  // An append from a deposed leader's term, trying to overwrite the log.
  s.write(frame(encodeMessage({
    type: 'append', from: 'x', to: follower, term: before.term - 1, index: 0, logTerm: 0, commit: 0,
    entries: [{ type: 'normal', term: before.term - 1, index: 1, data: Uint8Array.from([1]) }]
  })))
  // A heartbeat from absurdly far in the future.
  s.write(frame(encodeMessage({ type: 'heartbeat', from: 'x', to: follower, term: before.term + 2 ** 33, commit: 0, context: new Uint8Array(0) })))
  await waitFor(() => c.log(follower).stats().links.received >= 2 &&
    (c.log(follower).stats().core.dropped['term-out-of-range'] ?? 0) >= 1, 2000, 'the core to see both')
  const stats = c.log(follower).stats().core
  t.ok((stats.ignored['stale-term'] ?? 0) >= 1, 'stale append ignored')
  t.equal(stats.dropped['term-out-of-range'], 1, 'future term dropped')
  const after = c.log(follower).status()
  t.equal(after.term, before.term, 'term unchanged')
  t.equal(after.leader, leader, 'leader unchanged')
  t.ok(c.log(follower).state.apps.has('base'), 'log and state intact')
  s.destroy()
})
