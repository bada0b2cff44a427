import { GridKey, Libp2pGossip } from '../../../daemon/mesh/index.ts'
import { gossipCompliance } from '../network/gossip-compliance.ts'
import { connect, logger, startHost } from './helpers.ts'

gossipCompliance('libp2p gossipsub', async () => {
  // Made outside any one subtest's teardown: the suite's cleanup stops the hosts.
  const stops: Array<() => unknown> = []
  const owner = { teardown: (fn: () => unknown) => { stops.push(fn) } }
  const gridKey = GridKey.create()
  const hosts = [await startHost(owner, { gridKey }), await startHost(owner, { gridKey }), await startHost(owner, { gridKey })]
  await connect(hosts[1], hosts[0])
  await connect(hosts[2], hosts[0])
  const gossip = (h: (typeof hosts)[number]): Libp2pGossip => new Libp2pGossip({ pubsub: h.libp2p.services.pubsub, selfId: h.peerId, logger })
  const nodes: [Libp2pGossip, Libp2pGossip, Libp2pGossip] = [gossip(hosts[0]), gossip(hosts[1]), gossip(hosts[2])]
  return {
    nodes,
    cleanup: async () => {
      for (const n of nodes) n.close()
      for (const stop of stops) await stop()
    }
  }
})
