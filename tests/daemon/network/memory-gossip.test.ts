import t from 'tap'
import { MemoryGossipNetwork, type GossipMessage } from '../../../daemon/network/index.ts'
import { gossipCompliance } from './gossip-compliance.ts'

gossipCompliance('in-memory gossip', async () => {
  const net = new MemoryGossipNetwork()
  return { nodes: [net.join('a'), net.join('b'), net.join('c')], cleanup: async () => {} }
})

t.test('a cut keeps messages from crossing until it heals; a node that left hears nothing', async t => {
  const net = new MemoryGossipNetwork()
  const [a, b, c] = [net.join('a'), net.join('b'), net.join('c')]
  const heard: Record<string, GossipMessage[]> = { b: [], c: [] }
  b.subscribe('t', m => { heard.b!.push(m) })
  c.subscribe('t', m => { heard.c!.push(m) })
  net.cut('a', 'b')
  await a.publish('t', new Uint8Array([1]))
  await new Promise(resolve => setImmediate(resolve))
  t.equal(heard.b!.length, 0, 'b is cut off from a')
  t.equal(heard.c!.length, 1, 'c still hears a')
  t.same(a.subscribers('t'), ['c'])
  net.heal('a', 'b')
  net.leave('c')
  await a.publish('t', new Uint8Array([2]))
  await new Promise(resolve => setImmediate(resolve))
  t.equal(heard.b!.length, 1, 'healed')
  t.equal(heard.c!.length, 1, 'c left')
  t.throws(() => net.join('a'), 'ids are unique')
})

t.test('delivery happens after publish returns, never inside it', async t => {
  const net = new MemoryGossipNetwork()
  const [a, b] = [net.join('a'), net.join('b')]
  let got = false
  b.subscribe('t', () => { got = true })
  const p = a.publish('t', new Uint8Array([1]))
  t.notOk(got)
  await p
  await new Promise(resolve => setImmediate(resolve))
  t.ok(got)
})
