/**
 * The node directory under a virtual clock, over in-memory gossip and the
 * loopback transport: every heartbeat, advert, tick and probe is the real
 * code's, only time and the network are simulated.
 */
import t from 'tap'
import type { Test } from 'tap'
import { pino } from 'pino'
import { VirtualClock } from '../../../controller/clock/index.ts'
import { ADVERT_TOPIC, HEARTBEAT_TOPIC, LAN_DETECTOR, NodeDirectory, type MembershipEvent } from '../../../daemon/membership/index.ts'
import { LoopbackNetwork, LoopbackTransport, MemoryGossipNetwork, type MemoryGossip } from '../../../daemon/network/index.ts'
import { encodeAdvert, encodeHeartbeat, type NodeAdvert } from '../../../daemon/resources/index.ts'
import { sampleAdvert } from '../resources/fixtures.ts'

const logger = pino({ level: 'silent' })

interface World {
  clock: VirtualClock
  gossip: MemoryGossipNetwork
  /** Nodes that answer a direct ping; a crashed one does not. */
  alive: Set<string>
  dirs: Map<string, NodeDirectory>
  events: Map<string, MembershipEvent[]>
  learned: Map<string, string[]>
  /** `field`: the field profile's advert timing (every 60 s, on change at most every 10 s). */
  add (id: string, options?: { datagrams?: boolean, field?: boolean }): Promise<NodeDirectory>
  run (ms: number): Promise<void>
}

function advertOf (id: string, stamp: { incarnation: number, sequence: number, sentAt: number }): NodeAdvert {
  return { ...sampleAdvert(), nodeId: id, name: `node-${id}`, ...stamp, listenAddrs: [`/ip4/10.0.0.1/tcp/7400/p2p/${id}`] }
}

async function world (t: Test): Promise<World> {
  const clock = new VirtualClock(1_700_000_000_000)
  const gossip = new MemoryGossipNetwork()
  const transports = new LoopbackNetwork()
  const w: World = {
    clock,
    gossip,
    alive: new Set(),
    dirs: new Map(),
    events: new Map(),
    learned: new Map(),
    async add (id, options = {}) {
      const events: MembershipEvent[] = []
      w.events.set(id, events)
      w.alive.add(id)
      const dir = new NodeDirectory({
        gossip: gossip.join(id),
        transport: new LoopbackTransport({ network: transports }, { nodeId: id }),
        clock,
        logger,
        advert: async stamp => advertOf(id, stamp),
        ping: async peer => w.alive.has(peer),
        learn: (peer, addresses) => { w.learned.set(`${id}>${peer}`, addresses) },
        ...(options.datagrams === true ? { datagrams: gossip.datagrams(id) } : {})
      }, { settings: LAN_DETECTOR, incarnation: 1, advertIntervalMs: options.field === true ? 60_000 : 10_000, advertMinGapMs: options.field === true ? 10_000 : 1000, seed: id.charCodeAt(0) })
      dir.on('event', e => { events.push(e) })
      await dir.start()
      w.dirs.set(id, dir)
      return dir
    },
    async run (ms) {
      await clock.advance(ms)
    }
  }
  t.teardown(async () => {
    for (const d of w.dirs.values()) await stopOn(clock, d)
  })
  return w
}

/** Stops a directory, moving virtual time along until it has (its leave waits a moment on the clock). */
async function stopOn (clock: VirtualClock, dir: NodeDirectory): Promise<void> {
  let done = false
  const stopping = dir.stop().then(() => { done = true })
  while (!done) await clock.advance(10)
  await stopping
}

const stateOf = (dir: NodeDirectory, id: string): string | undefined => dir.nodes().find(n => n.id === id)?.state

t.test('nodes find each other by their gossip and learn each other\'s addresses', async t => {
  const w = await world(t)
  const a = await w.add('a')
  const b = await w.add('b')
  await w.add('c')
  await w.run(3000)
  t.same(a.nodes().map(n => [n.id, n.state, n.self]), [['a', 'up', true], ['b', 'up', false], ['c', 'up', false]], 'a sees itself first, then the others by name')
  t.equal(b.nodes().find(n => n.id === 'a')?.advert?.name, 'node-a', 'adverts arrive')
  t.same(w.learned.get('b>a'), ['/ip4/10.0.0.1/tcp/7400/p2p/a'], 'each advert teaches the listen addresses')
  t.ok(w.events.get('a')!.some(e => e.type === 'node-up' && e.peer === 'b'), 'node-up events are emitted')
  t.type(a.nodes().find(n => n.id === 'b')?.lastHeard, 'number', 'the detector dates the last heartbeat')
})

t.test('a node that goes silent and answers no probe becomes suspect, then down, then up again when it returns', async t => {
  const w = await world(t)
  const a = await w.add('a')
  await w.add('b')
  await w.add('c')
  await w.run(5000)
  // c crashes: nothing from it, and no ping answers.
  w.gossip.isolate('c')
  w.alive.delete('c')
  const cut = w.clock.now()
  await w.run(6000)
  t.equal(stateOf(a, 'c'), 'down', 'down within six seconds')
  const seen = w.events.get('a')!.filter(e => e.peer === 'c')
  t.same(seen.map(e => e.type), ['node-up', 'node-suspect', 'node-down'], 'suspect first, then down')
  t.ok(seen[1]!.at - cut >= LAN_DETECTOR.heartbeatMs, 'not suspected before a heartbeat was missed')
  t.equal(stateOf(a, 'b'), 'up', 'the others stay up')
  w.gossip.isolate('c', false)
  w.alive.add('c')
  await w.run(2000)
  t.equal(stateOf(a, 'c'), 'up', 'back once it is heard again')
})

t.test('a node whose gossip is lost but who answers a direct ping is not declared down', async t => {
  const w = await world(t)
  const a = await w.add('a')
  await w.add('b')
  await w.run(5000)
  // Its heartbeats stop reaching a, yet it is alive: slow is not dead.
  w.gossip.cut('a', 'b')
  await w.run(10_000)
  t.not(stateOf(a, 'b'), 'down', 'probes that are answered keep it from being declared down')
})

t.test('a node that stops cleanly is seen to leave', async t => {
  const w = await world(t)
  const a = await w.add('a')
  const b = await w.add('b')
  await w.run(3000)
  await stopOn(w.clock, b)
  w.dirs.delete('b')
  await w.run(200)
  t.equal(stateOf(a, 'b'), 'left')
  t.ok(w.events.get('a')!.some(e => e.type === 'node-left' && e.peer === 'b'))
})

t.test('forged, replayed, oversized and garbled messages are dropped and counted', async t => {
  const w = await world(t)
  const a = await w.add('a')
  await w.add('b')
  await w.run(3000)
  const mallory: MemoryGossip = w.gossip.join('m')
  mallory.subscribe(ADVERT_TOPIC, () => {})
  const now = w.clock.now()
  // An advert that claims to come from b.
  await mallory.publish(ADVERT_TOPIC, encodeAdvert(advertOf('b', { incarnation: 9, sequence: 1, sentAt: now })))
  // A heartbeat that claims to come from b.
  await mallory.publish(HEARTBEAT_TOPIC, encodeHeartbeat({ nodeId: 'b', incarnation: 9, sequence: 1, sentAt: now, leaving: true }))
  // Its own advert, then the same again (a replay).
  await mallory.publish(ADVERT_TOPIC, encodeAdvert(advertOf('m', { incarnation: 1, sequence: 5, sentAt: now })))
  await mallory.publish(ADVERT_TOPIC, encodeAdvert(advertOf('m', { incarnation: 1, sequence: 5, sentAt: now })))
  await mallory.publish(ADVERT_TOPIC, new Uint8Array(64 * 1024))
  await mallory.publish(HEARTBEAT_TOPIC, new Uint8Array([0xff, 0xff, 0xff, 0x07]))
  await w.run(10)
  const drops = a.drops.counts
  t.equal(drops.impostor, 2, 'an advert and a heartbeat in another node\'s name')
  t.equal(drops.replayed, 1, 'the same stamp twice')
  t.equal(drops['too-large'], 1)
  t.equal(drops.garbled, 1)
  t.equal(stateOf(a, 'b'), 'up', 'the forged leave changed nothing')
  t.equal(a.nodes().find(n => n.id === 'b')?.advert?.incarnation, 1, 'the forged advert changed nothing')
  t.equal(a.nodes().find(n => n.id === 'm')?.advert?.sequence, 5, 'the genuine advert was taken once')
})

t.test('a peer that floods is rate limited', async t => {
  const w = await world(t)
  const a = await w.add('a')
  await w.run(1000)
  const flood = w.gossip.join('f')
  for (let seq = 1; seq <= 400; seq++) await flood.publish(HEARTBEAT_TOPIC, encodeHeartbeat({ nodeId: 'f', incarnation: 1, sequence: seq, sentAt: w.clock.now(), leaving: false }))
  await w.run(10)
  t.ok(a.drops.counts['rate-limited'] >= 100, `${a.drops.counts['rate-limited']} of 400 dropped for rate`)
  t.equal(stateOf(a, 'f'), 'up', 'what passed the limit still counts as a sign of life')
})

// a's gossip to the newcomer b is lost for a while, as when a's stream to b is not open yet, while b's heartbeats reach a.
// Briefly: the advert a sends again 3 s after its first for b gets through. Longer than that: a sends it once b's
// subscription reaches it. Either way well before the periodic advert (10 s after a's last, at 13 s or later).
for (const c of [
  { name: 'a newcomer learns our name even when our first advert for it is lost', mutedMs: 1500, thenMs: 3000 },
  { name: 'a newcomer whose gossip stream opens long after it was heard gets our advert then', mutedMs: 6000, thenMs: 1500 }
]) {
  t.test(c.name, async t => {
    const w = await world(t)
    const a = await w.add('a')
    await w.run(3000)
    w.gossip.mute('a', 'b')
    const b = await w.add('b')
    await w.run(c.mutedMs)
    t.equal(stateOf(a, 'b'), 'up', 'a has heard b')
    t.equal(b.nodes().find(n => n.id === 'a')?.advert, undefined, 'b has nothing of a yet')
    w.gossip.mute('a', 'b', false)
    await w.run(c.thenMs)
    t.equal(b.nodes().find(n => n.id === 'a')?.advert?.name, 'node-a', `b has a's advert ${c.thenMs} ms after its gossip opened`)
  })
}

t.test('with field advert timing, a newcomer gets our advert (and so our address for datagrams) within a couple of seconds, not after the 10 s gap', async t => {
  const w = await world(t)
  const a = await w.add('a', { field: true, datagrams: true })
  await w.run(5000)
  const b = await w.add('b', { field: true, datagrams: true })
  await w.run(2500)
  t.equal(stateOf(a, 'b'), 'up', 'a has heard b')
  t.equal(b.nodes().find(n => n.id === 'a')?.advert?.name, 'node-a', 'b has a\'s advert')
  t.equal(a.nodes().find(n => n.id === 'b')?.advert?.name, 'node-b', 'and a has b\'s')
})

t.test('with datagrams, heartbeats leave gossip once every peer hears them; nobody is suspected', async t => {
  const w = await world(t)
  for (const id of ['a', 'b', 'c']) await w.add(id, { datagrams: true })
  await w.run(5000)
  const gossiped = w.gossip.delivered.get(HEARTBEAT_TOPIC) ?? 0
  const sent = w.gossip.delivered.get('datagram') ?? 0
  await w.run(20_000)
  t.equal((w.gossip.delivered.get(HEARTBEAT_TOPIC) ?? 0) - gossiped, 0, 'no heartbeat went by gossip in 20 s')
  t.ok((w.gossip.delivered.get('datagram') ?? 0) - sent >= 3 * 2 * 30, 'each node sent each peer a datagram every beat')
  for (const id of ['a', 'b', 'c']) {
    t.same(w.dirs.get(id)!.nodes().map(n => n.state), ['up', 'up', 'up'], `${id} sees all up`)
    t.same(w.dirs.get(id)!.nodes().filter(n => !n.self).map(n => n.heartbeats), ['datagram', 'datagram'], `${id} hears both by datagram`)
    t.notOk(w.events.get(id)!.some(e => e.type !== 'node-up'), `${id}: no suspicion, ever`)
  }
})

t.test('beats ride in the datagrams another channel sends a peer, and go on their own again when those stop', async t => {
  const w = await world(t)
  for (const id of ['a', 'b']) await w.add(id, { datagrams: true })
  const da = w.gossip.datagrams('a')
  const db = w.gossip.datagrams('b')
  const beatsAtB: number[] = []
  db.onMessage('detector', () => { beatsAtB.push(w.clock.now()) })
  // Raft's idle heartbeats and answers, as heartbeat-datagrams.ts sends them: a round every 300 ms.
  let rounds = 0
  db.onMessage('raft', () => { db.send('a', 'raft', new Uint8Array([2])) })
  da.onMessage('raft', () => {})
  let raft = true
  const round = (): void => {
    if (!raft) return
    rounds++
    da.send('b', 'raft', new Uint8Array([1]))
    w.clock.setTimeout(round, 300)
  }
  await w.run(5000)
  round()
  await w.run(100)
  const packets = w.gossip.datagramPackets
  const beats = beatsAtB.length
  const from = rounds
  await w.run(20_000)
  const raftPackets = 2 * (rounds - from)
  t.ok(rounds - from >= 66, `a Raft round every 300 ms (${rounds - from})`)
  t.ok(w.gossip.datagramPackets - packets <= raftPackets + 2, `no beat of its own in 20 s: ${w.gossip.datagramPackets - packets} packets for ${raftPackets} Raft datagrams`)
  t.ok(beatsAtB.length - beats >= rounds - from, 'b took a beat from a with every Raft heartbeat')
  t.same(w.dirs.get('b')!.nodes().map(n => n.state), ['up', 'up'])
  t.same(w.dirs.get('b')!.nodes().find(n => n.id === 'a')?.heartbeats, 'datagram', 'b hears a by datagram')
  t.same(Object.entries(w.dirs.get('b')!.drops.counts).filter(([, n]) => n > 0), [], 'no beat refused (replayed, garbled, rate-limited)')
  raft = false
  const stoppedAt = w.clock.now()
  await w.run(10_000)
  const gaps = beatsAtB.filter(at => at > stoppedAt - 1000).map((at, i, all) => i === 0 ? 0 : at - all[i - 1]!)
  t.ok(Math.max(...gaps) < 2 * LAN_DETECTOR.heartbeatMs, `when the rides stop, beats go alone again: longest gap ${Math.max(...gaps)} ms`)
  t.ok(beatsAtB.filter(at => at > stoppedAt + 1000).length >= 17, 'a beat every 500 ms after')
  for (const id of ['a', 'b']) t.notOk(w.events.get(id)!.some(e => e.type !== 'node-up'), `${id}: no suspicion, ever`)
})

t.test('a node whose datagrams do not get through keeps its heartbeats on gossip, and stays up', async t => {
  const w = await world(t)
  // UDP from a to b is dropped (a firewall), gossip passes.
  w.gossip.blockDatagrams('a', 'b')
  for (const id of ['a', 'b', 'c']) await w.add(id, { datagrams: true })
  await w.run(5000)
  const gossiped = w.gossip.delivered.get(HEARTBEAT_TOPIC) ?? 0
  await w.run(20_000)
  t.ok((w.gossip.delivered.get(HEARTBEAT_TOPIC) ?? 0) - gossiped >= 35, 'a still gossips its heartbeats: b takes one every beat (c already had each by datagram)')
  t.equal(stateOf(w.dirs.get('b')!, 'a'), 'up')
  t.notOk(w.events.get('b')!.some(e => e.peer === 'a' && e.type !== 'node-up'), 'b never suspected a')
  t.equal(w.dirs.get('b')!.nodes().find(n => n.id === 'a')?.heartbeats, 'gossip', 'b says it hears a by gossip only')
  t.equal(w.dirs.get('a')!.nodes().find(n => n.id === 'b')?.heartbeats, 'datagram', 'the other way works')
  // The path opens: a's heartbeats leave gossip too.
  w.gossip.blockDatagrams('a', 'b', false)
  await w.run(3000)
  const after = w.gossip.delivered.get(HEARTBEAT_TOPIC) ?? 0
  await w.run(10_000)
  t.equal((w.gossip.delivered.get(HEARTBEAT_TOPIC) ?? 0) - after, 0, 'once b hears a\'s datagrams, gossip carries no heartbeat')
  t.equal(w.dirs.get('b')!.nodes().find(n => n.id === 'a')?.heartbeats, 'datagram')
})

t.test('a datagram path that dies puts the heartbeats back on gossip before anyone is declared down', async t => {
  const w = await world(t)
  for (const id of ['a', 'b', 'c']) await w.add(id, { datagrams: true })
  await w.run(10_000)
  w.gossip.blockDatagrams('a', 'c')
  w.gossip.blockDatagrams('c', 'a')
  await w.run(20_000)
  t.equal(stateOf(w.dirs.get('c')!, 'a'), 'up')
  t.equal(stateOf(w.dirs.get('a')!, 'c'), 'up')
  t.notOk(w.events.get('c')!.some(e => e.peer === 'a' && e.type === 'node-down'), 'c never declared a down')
})

t.test('datagrams from strangers, impostors and garbage change nothing', async t => {
  const w = await world(t)
  const a = await w.add('a', { datagrams: true })
  await w.add('b', { datagrams: true })
  await w.run(3000)
  const mallory = w.gossip.datagrams('m')
  w.gossip.join('m')
  mallory.learn('a', ['/ip4/10.0.0.1/tcp/7400'])
  const now = w.clock.now()
  mallory.send('a', 'detector', encodeHeartbeat({ nodeId: 'm', incarnation: 1, sequence: 1, sentAt: now }))
  await w.run(100)
  t.equal(stateOf(a, 'm'), undefined, 'a node gossip never introduced is not taken in')
  // Introduced by gossip, it then sends another's beat, then garbage.
  await w.gossip.join('m2').publish(ADVERT_TOPIC, encodeAdvert(advertOf('m2', { incarnation: 1, sequence: 1, sentAt: now })))
  const m2 = w.gossip.datagrams('m2')
  m2.learn('a', ['/ip4/10.0.0.1/tcp/7400'])
  await w.run(10)
  m2.send('a', 'detector', encodeHeartbeat({ nodeId: 'b', incarnation: 9, sequence: 99, sentAt: now }))
  m2.send('a', 'detector', new Uint8Array([1, 2, 3, 250]))
  await w.run(10)
  t.equal(a.drops.counts.impostor, 1, 'another node\'s beat is an impostor')
  t.equal(a.drops.counts.garbled, 1, 'garbage is garbled')
  t.equal(a.nodes().find(n => n.id === 'b')?.state, 'up', 'b is as it was')
})
