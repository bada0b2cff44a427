/**
 * The contract every Gossip keeps (libp2p gossipsub and in-memory), run
 * against each implementation by its own test file.
 *
 * Messages take real time on a real mesh, and the first ones on a topic may
 * go out before the mesh has formed, so the suite publishes until heard. A
 * message that must not arrive is followed by one that must, from the same
 * publisher on the same topic: once the second is heard, the first had its
 * chance.
 */
import t from 'tap'
import type { Test } from 'tap'
import type { Gossip, GossipMessage } from '../../../daemon/network/index.ts'

/** Three connected gossip nodes made fresh for one test. */
export interface GossipSet {
  nodes: [Gossip, Gossip, Gossip]
  cleanup (): Promise<void>
}

const TOPIC = 'trellis-test/gossip/1'
const OTHER = 'trellis-test/other/1'
const text = (s: string): Uint8Array => new TextEncoder().encode(s)
const read = (m: GossipMessage): string => new TextDecoder().decode(m.data)

/** Runs the Gossip compliance suite against nodes made by setup. */
export function gossipCompliance (name: string, setup: () => Promise<GossipSet>): void {
  t.test(`${name} keeps the Gossip contract`, async t => {
    async function made (t: Test): Promise<[Gossip, Gossip, Gossip]> {
      const set = await setup()
      t.teardown(() => set.cleanup())
      return set.nodes
    }

    t.test('a message reaches every other subscriber, named by its publisher, and not the publisher itself', async t => {
      const [a, b, c] = await made(t)
      const heard = listen([a, b, c], TOPIC)
      await until(t, 'b and c to hear a', async () => {
        await a.publish(TOPIC, text(`from a ${Date.now()}`))
        return heard.get(b)!.length > 0 && heard.get(c)!.length > 0
      })
      for (const node of [b, c]) {
        const m = heard.get(node)![0]!
        t.equal(m.from, a.selfId, 'from names the publisher')
        t.equal(m.topic, TOPIC)
        t.match(read(m), /^from a \d+$/, 'the bytes arrive intact')
        t.ok([a.selfId, b.selfId, c.selfId].includes(m.relayedBy), 'relayedBy names a node of the mesh')
      }
      t.same(heard.get(a), [], 'no echo to the publisher')
    })

    t.test('a node that is not subscribed hears nothing, and unsubscribing stops delivery', async t => {
      const [a, b, c] = await made(t)
      const heardB: string[] = []
      const heardC: string[] = []
      const offB = b.subscribe(TOPIC, m => { heardB.push(read(m)) })
      c.subscribe(OTHER, m => { heardC.push(read(m)) })
      await until(t, 'b to hear a', async () => {
        await a.publish(TOPIC, text('first'))
        return heardB.includes('first')
      })
      offB()
      const later: string[] = []
      const offB2 = b.subscribe(OTHER, m => { later.push(read(m)) })
      await a.publish(TOPIC, text('after'))
      await until(t, 'b to hear the later message on the other topic', async () => {
        await a.publish(OTHER, text('marker'))
        return later.includes('marker')
      })
      t.notOk(heardB.includes('after'), 'nothing after unsubscribe')
      t.notOk(heardC.includes('first') || heardC.includes('after'), 'c never subscribed to the topic')
      offB2()
    })

    t.test('the validator decides: reject and ignore drop, accept delivers the object it saw', async t => {
      const [a, b] = await made(t)
      const validated = new WeakSet<GossipMessage>()
      b.validate(TOPIC, m => {
        const s = read(m)
        if (s.startsWith('bad')) return 'reject'
        if (s.startsWith('old')) return 'ignore'
        validated.add(m)
        return 'accept'
      })
      const heard: GossipMessage[] = []
      b.subscribe(TOPIC, m => { heard.push(m) })
      await until(t, 'b to hear a good message', async () => {
        await a.publish(TOPIC, text('good 0'))
        return heard.length > 0
      })
      await a.publish(TOPIC, text('bad 1'))
      await a.publish(TOPIC, text('old 2'))
      await until(t, 'b to hear the marker', async () => {
        await a.publish(TOPIC, text(`good ${Date.now()}`))
        return heard.length > 1
      })
      t.notOk(heard.some(m => /^(bad|old)/.test(read(m))), 'rejected and ignored messages never reach a handler')
      t.ok(heard.every(m => validated.has(m)), 'handlers get the objects the validator accepted')
    })

    t.test('a second validator replaces the first; several handlers each get a message', async t => {
      const [a, b] = await made(t)
      b.validate(TOPIC, () => 'reject')
      b.validate(TOPIC, () => 'accept')
      const one: string[] = []
      const two: string[] = []
      b.subscribe(TOPIC, m => { one.push(read(m)) })
      b.subscribe(TOPIC, m => { two.push(read(m)) })
      await until(t, 'both handlers to hear a', async () => {
        await a.publish(TOPIC, text('x'))
        return one.length > 0 && two.length > 0
      })
      t.pass('the replacing validator accepted and both handlers heard it')
    })

    t.test('a node is told when another subscribes to a topic it watches, and not of other topics', async t => {
      const [a, b, c] = await made(t)
      const told: string[] = []
      const stop = a.onSubscribed(TOPIC, node => { told.push(node) })
      c.subscribe(OTHER, () => {})
      b.subscribe(TOPIC, () => {})
      await until(t, 'a to be told of b', async () => told.includes(b.selfId))
      t.notOk(told.includes(c.selfId), 'c subscribed to another topic')
      stop()
      const before = told.length
      c.subscribe(TOPIC, () => {})
      await until(t, 'a to know c subscribed', async () => a.subscribers(TOPIC).includes(c.selfId))
      t.equal(told.length, before, 'once stopped, a is told nothing')
    })

    t.test('publishing with nobody listening resolves; subscribers lists who listens', async t => {
      const [a, b, c] = await made(t)
      await a.publish('trellis-test/nobody/1', text('anyone?'))
      t.pass('no rejection')
      b.subscribe(TOPIC, () => {})
      c.subscribe(TOPIC, () => {})
      await until(t, 'a to know both subscribers', async () => {
        const s = a.subscribers(TOPIC)
        return s.includes(b.selfId) && s.includes(c.selfId)
      })
      t.notOk(a.subscribers(TOPIC).includes(a.selfId), 'a does not list itself')
    })
  })
}

function listen (nodes: Gossip[], topic: string): Map<Gossip, GossipMessage[]> {
  const heard = new Map<Gossip, GossipMessage[]>()
  for (const n of nodes) {
    const list: GossipMessage[] = []
    heard.set(n, list)
    n.subscribe(topic, m => { list.push(m) })
  }
  return heard
}

/** Tries `step` until it returns true, pausing between tries; fails the test naming `what` after 20 s. */
async function until (t: Test, what: string, step: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 20_000
  while (!(await step())) {
    if (Date.now() > deadline) { t.fail(`timed out waiting for ${what}`); return }
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}
