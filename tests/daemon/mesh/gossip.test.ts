import t from 'tap'
import type { Message } from '@libp2p/gossipsub'
import { GridKey } from '../../../daemon/mesh/index.ts'
import { connect, startHost, waitFor } from './helpers.ts'

const TOPIC = 'trellis-test/resources'

t.test('a message published on a topic reaches every subscriber, across a relay', async t => {
  // b — a — c: b and c know each other only through a, so c's message
  // reaches b only if a's gossipsub forwards it.
  const gridKey = GridKey.create()
  const a = await startHost(t, { gridKey })
  const b = await startHost(t, { gridKey })
  const c = await startHost(t, { gridKey })
  await connect(b, a)
  await connect(c, a)
  t.notOk(b.connectedPeers.includes(c.peerId), 'b and c are not linked directly')

  const heard = new Map<string, Set<string>>()
  for (const [name, host] of [['a', a], ['b', b], ['c', c]] as const) {
    heard.set(name, new Set())
    host.libp2p.services.pubsub.addEventListener('message', (event: CustomEvent<Message>) => {
      if (event.detail.topic === TOPIC) heard.get(name)?.add(new TextDecoder().decode(event.detail.data))
    })
    host.libp2p.services.pubsub.subscribe(TOPIC)
  }
  const relays = new Set<string>()
  b.libp2p.services.pubsub.addEventListener('gossipsub:message', event => { relays.add(event.detail.propagationSource.toString()) })
  await waitFor('a to know both subscribers', () => a.libp2p.services.pubsub.getSubscribers(TOPIC).length === 2)

  // The first publish can go out before a has grafted b into its mesh for
  // the topic (that happens on a heartbeat); publish until b has it.
  let sent = 0
  await waitFor('b to hear c through a', async () => {
    if (heard.get('b')?.size !== 0) return true
    await c.libp2p.services.pubsub.publish(TOPIC, new TextEncoder().encode(`advert ${sent++}`))
    await new Promise(resolve => setTimeout(resolve, 200))
    return (heard.get('b')?.size ?? 0) > 0
  }, 15_000)
  await waitFor('a to hear c', () => (heard.get('a')?.size ?? 0) > 0)
  t.ok([...heard.get('b') ?? []].every(text => text.startsWith('advert ')), 'b heard what c said')
  t.same([...relays], [a.peerId], 'forwarded by a')
  t.same(heard.get('c'), new Set(), 'no echo to the publisher (emitSelf off)')

  await a.libp2p.services.pubsub.publish(TOPIC, new TextEncoder().encode('from a'))
  await waitFor('b and c to hear a', () => heard.get('b')?.has('from a') === true && heard.get('c')?.has('from a') === true)
  t.pass('a reached b and c')
})

t.test('a lone host may publish to a topic nobody else is on', async t => {
  const host = await startHost(t, { gridKey: GridKey.create() })
  const result = await host.libp2p.services.pubsub.publish(TOPIC, new TextEncoder().encode('anyone?'))
  t.same(result.recipients, [])
})
