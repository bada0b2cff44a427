/**
 * Strangers and bad members: a daemon with another grid key can neither
 * connect nor publish; a member that sends garbage on every protocol, floods,
 * replays and impersonates leaves the grid healthy, and what it sent is
 * dropped and counted.
 */
import t from 'tap'
import { randomBytes } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { connect as tcpConnect } from 'node:net'
import { join } from 'node:path'
import { multiaddr } from '@multiformats/multiaddr'
import { freePort, startDaemon, startGrid, trellisd, waitFor, type TestDaemon } from '../helpers/daemon.ts'
import { startHost } from '../daemon/mesh/helpers.ts'
import { loadGridKey } from '../../daemon/mesh/index.ts'
import { ADVERT_TOPIC, HEARTBEAT_TOPIC, PROBE_PROTOCOL } from '../../daemon/membership/index.ts'
import { TERMINAL_PROTOCOL } from '../../daemon/network/index.ts'
import { buildAdvert, encodeAdvert, encodeHeartbeat, probeResources } from '../../daemon/resources/index.ts'

const { nodes, bootstrap } = await startGrid(fn => t.teardown(fn), 3)

function meshAddress (d: TestDaemon): string {
  return (JSON.parse(readFileSync(join(d.dataDir, 'api.json'), 'utf8')) as { mesh: string[] }).mesh[0]!
}

async function allUp (d: TestDaemon, count: number): Promise<boolean> {
  const list = await d.client.nodes()
  return list.length === count && list.every(n => n.state === 'up')
}

t.test('the grid forms', async t => {
  for (const d of nodes) await waitFor('three up', 30_000, async () => await allUp(d, 3) ? true : undefined, 250)
  t.pass('every node sees three nodes up')
})

t.test('a daemon with another grid key can neither connect nor publish', async t => {
  const port = await freePort()
  const stranger = await startDaemon(fn => t.teardown(fn), {
    extraArgs: ['--no-mdns', '--name', 'stranger', '--bootstrap', bootstrap],
    prepare: async dir => { await trellisd(['init', '--data-dir', dir, '--listen', `/ip4/127.0.0.1/tcp/${port}`, '--announce', '127.0.0.1', '--name', 'stranger']) }
  })
  // Give it several dial attempts and advert periods.
  await new Promise(resolve => setTimeout(resolve, 6000))
  t.same((await stranger.client.nodes()).map(n => n.name), ['stranger'], 'the stranger sees only itself')
  for (const d of nodes) {
    t.notOk((await d.client.nodes()).some(n => n.name === 'stranger'), 'grid members never hear of it')
    t.ok(await allUp(d, 3), 'grid unharmed')
  }
})

t.test('a member sending garbage on every protocol leaves the grid healthy', async t => {
  const gridKey = await loadGridKey(join(nodes[0]!.dataDir, 'grid.key'))
  const evil = await startHost(t, { gridKey, topics: [ADVERT_TOPIC, HEARTBEAT_TOPIC] })
  const target = multiaddr(meshAddress(nodes[0]!))
  await evil.libp2p.dial(target, { signal: AbortSignal.timeout(5000) })
  const pubsub = evil.libp2p.services.pubsub
  pubsub.subscribe(ADVERT_TOPIC)
  pubsub.subscribe(HEARTBEAT_TOPIC)
  await waitFor('the evil peer to join the topic mesh', 10_000, () => pubsub.getSubscribers(ADVERT_TOPIC).length > 0 ? true : undefined)

  const victimId = (await nodes[1]!.client.node()).id
  const impostor = buildAdvert({
    identity: { id: victimId, name: 'impostor' },
    incarnation: 1_000_000,
    sequence: 1,
    sentAt: Date.now(),
    versions: { trellis: '0', node: process.version },
    config: {},
    resources: await probeResources(nodes[0]!.dataDir),
    fingerprints: [],
    allocated: { cpu: 0, memory: 0, disk: 0 }
  })
  // Holding the key makes it a member: its own advert is valid, the same one again is a replay.
  const own = { ...impostor, nodeId: evil.peerId, name: 'evil' }
  const sends: Array<[string, Uint8Array]> = [
    [ADVERT_TOPIC, randomBytes(200)],
    [HEARTBEAT_TOPIC, randomBytes(50)],
    [ADVERT_TOPIC, randomBytes(20_000)],
    [ADVERT_TOPIC, encodeAdvert(impostor)],
    [HEARTBEAT_TOPIC, encodeHeartbeat({ nodeId: victimId, incarnation: 1_000_000, sequence: 1, sentAt: Date.now(), leaving: true })],
    [ADVERT_TOPIC, encodeAdvert(own)],
    [ADVERT_TOPIC, encodeAdvert(own)]
  ]
  for (const [topic, data] of sends) await pubsub.publish(topic, data).catch(() => {})
  for (let i = 0; i < 500; i++) await pubsub.publish(HEARTBEAT_TOPIC, randomBytes(40)).catch(() => {})

  for (const protocol of [TERMINAL_PROTOCOL, PROBE_PROTOCOL, '/ipfs/id/1.0.0', '/meshsub/1.1.0', '/ipfs/ping/1.0.0']) {
    try {
      const stream = await evil.libp2p.dialProtocol(target, protocol, { signal: AbortSignal.timeout(3000) })
      stream.send(randomBytes(4096))
      await stream.close().catch(() => {})
    } catch {}
  }
  const port = Number(target.getComponents().find(c => c.name === 'tcp')?.value)
  await new Promise<void>(resolve => {
    const s = tcpConnect({ host: '127.0.0.1', port }, () => { s.write(randomBytes(65_536)) })
    s.on('error', () => resolve())
    s.on('close', () => resolve())
    setTimeout(() => { s.destroy(); resolve() }, 5000)
  })

  await new Promise(resolve => setTimeout(resolve, 3000))
  for (const d of nodes) {
    const list = (await d.client.nodes()).filter(n => n.name !== 'evil')
    t.same(list.map(n => n.state), ['up', 'up', 'up'], 'every member still up')
    t.notOk(list.some(n => n.name === 'impostor'), 'no forged node listed')
    t.equal(list.find(n => n.id === victimId)?.name, 'node-1', 'the impersonated node keeps its own advert')
  }
  const drops = (await nodes[0]!.client.node()).drops ?? {}
  t.ok((drops.garbled ?? 0) > 0, `garbled messages counted (${drops.garbled})`)
  t.ok((drops.impostor ?? 0) > 0, `impostor messages counted (${drops.impostor})`)
  t.ok((drops.replayed ?? 0) > 0, `replayed adverts counted (${drops.replayed})`)
  for (const d of nodes) t.equal(d.process.exitCode, null, 'daemon still running')
})
