/**
 * The forwarder's choice of endpoint when a node is across a cut: a dial
 * there neither fails nor succeeds, it hangs. Real listeners and sockets;
 * the connector stands in for the transport only to hang as a cut radio does.
 */
import t, { type Test } from 'tap'
import { connect, createServer, type AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { pino } from 'pino'
import { Forwarder, type NodeHealth } from '../../../daemon/network/forwarder.ts'
import type { Endpoint } from '../../../daemon/network/endpoint.ts'

const logger = pino({ level: 'silent' })

/** A TCP server that answers anything with its name and closes. */
async function server (t: Test, name: string): Promise<number> {
  const s = createServer(socket => { socket.on('error', () => {}); socket.end(name) })
  await new Promise<void>(resolve => s.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>(resolve => s.close(() => resolve())))
  return (s.address() as AddressInfo).port
}

/** Endpoints on node `cut` hang; the others connect to `ports[instance]`. Counts the attempts. */
function network (ports: Record<string, number>): { connect: (e: Endpoint) => Promise<Duplex>, attempts: string[] } {
  const attempts: string[] = []
  return {
    attempts,
    connect: async (e: Endpoint) => {
      attempts.push(e.instance)
      if (e.node === 'cut') return await new Promise<Duplex>(() => {})
      return await new Promise<Duplex>((resolve, reject) => {
        const s = connect({ host: '127.0.0.1', port: ports[e.instance]! }, () => { resolve(s) })
        s.once('error', reject)
      })
    }
  }
}

async function ask (port: number): Promise<string> {
  return await new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port })
    let out = ''
    s.on('data', d => { out += d.toString() })
    s.on('close', () => { resolve(out) })
    s.on('error', reject)
  })
}

async function forwarder (t: Test, net: ReturnType<typeof network>, targets: Endpoint[], health?: NodeHealth): Promise<Forwarder> {
  const f = new Forwarder({ network: net, logger, ...(health !== undefined ? { health } : {}) }, { name: 'web', address: { host: '127.0.0.1', port: 0 }, targets: () => targets })
  await f.start()
  t.teardown(() => f.close())
  return f
}

const web0 = { node: 'here', instance: 'web.0', terminal: 'http' }
const web1Cut = { node: 'cut', instance: 'web.1', terminal: 'http' }

t.test('an endpoint on a node not heard lately is tried last: every connection reaches the one heard', async t => {
  const net = network({ 'web.0': await server(t, 'zero') })
  const f = await forwarder(t, net, [web0, web1Cut], node => node === 'cut' ? 'suspect' : 'up')
  const answers = []
  for (let i = 0; i < 4; i++) answers.push(await ask(f.address.port))
  t.same(answers, ['zero', 'zero', 'zero', 'zero'])
  t.same(net.attempts, ['web.0', 'web.0', 'web.0', 'web.0'], 'the cut node was never dialled')
})

t.test('a hanging endpoint heard lately costs one bounded attempt, then is held while the other answers', async t => {
  const net = network({ 'web.0': await server(t, 'zero') })
  // Round robin starts at the cut one: its node still counts as up (the detector has not noticed yet).
  const f = await forwarder(t, net, [web1Cut, web0])
  t.equal(await ask(f.address.port), 'zero', 'the first connection got through after the bounded attempt')
  t.equal(await ask(f.address.port), 'zero')
  t.equal(await ask(f.address.port), 'zero')
  t.same(net.attempts, ['web.1', 'web.0', 'web.0', 'web.0'], 'the hanging endpoint is held after its one attempt')
})

t.test('when only endpoints on nodes not heard lately remain, the connection is refused after one round', async t => {
  const net = network({})
  const f = await forwarder(t, net, [web1Cut], () => 'down')
  t.equal(await ask(f.address.port), '', 'closed without an answer')
  t.same(net.attempts, ['web.1'], 'one attempt, not round after round until the wait for a moving instance is over')
})

t.test('an endpoint on a node not heard of at all (this node just started) is waited for, not refused', async t => {
  // The node is unknown to the detector until its first heartbeat; its instance answers only from the third attempt.
  const port = await server(t, 'one')
  const attempts: string[] = []
  const net = {
    attempts,
    connect: async (e: Endpoint): Promise<Duplex> => {
      attempts.push(e.instance)
      if (attempts.length < 3) throw new Error(`node ${e.node} is unreachable: no address known yet`)
      return await new Promise<Duplex>((resolve, reject) => {
        const s = connect({ host: '127.0.0.1', port }, () => { resolve(s) })
        s.once('error', reject)
      })
    }
  }
  const f = await forwarder(t, net, [{ node: 'new', instance: 'web.1', terminal: 'http' }], () => undefined)
  t.equal(await ask(f.address.port), 'one', 'answered once the node could be reached')
  t.same(attempts, ['web.1', 'web.1', 'web.1'], 'round after round, as for a node heard lately')
})
