/** How the session gateway finds the instance a console or exec names, before any session runs. */
import t from 'tap'
import { pino } from 'pino'
import { LoopbackNetwork, LoopbackTransport } from '../../../daemon/network/index.ts'
import { SessionGateway, type SessionServer } from '../../../daemon/sessions/index.ts'

/** A gateway over `apps` (app → instance ids), caught up by `catchUp`; the lookup touches neither transport nor server. */
function gateway (apps: Map<string, string[]>, catchUp?: () => Promise<void>): SessionGateway {
  return new SessionGateway({
    transport: new LoopbackTransport({ network: new LoopbackNetwork() }, { nodeId: 'a' }),
    server: undefined as unknown as SessionServer,
    selfId: 'a',
    instances: app => apps.get(app),
    ...(catchUp === undefined ? {} : { catchUp }),
    placementOf: () => 'a',
    nameOf: id => id,
    logger: pino({ level: 'silent' })
  })
}

t.test('a known instance, by its short or its full name, without catching up', async t => {
  let caughtUp = 0
  const g = gateway(new Map([['cx', ['cx.idle.0', 'cx.console.0']]]), async () => { caughtUp++ })
  t.equal(await g.instance('cx', 'idle.0'), 'cx.idle.0')
  t.equal(await g.instance('cx', 'cx.console.0'), 'cx.console.0')
  t.equal(caughtUp, 0)
})

t.test('an app this node has not applied yet is found once it caught up with the grid', async t => {
  const apps = new Map<string, string[]>()
  const g = gateway(apps, async () => { apps.set('cx', ['cx.idle.0']) })
  t.equal(await g.instance('cx', 'idle.0'), 'cx.idle.0')
})

t.test('an instance added by a change not applied yet is found once caught up', async t => {
  const apps = new Map([['cx', ['cx.idle.0']]])
  const g = gateway(apps, async () => { apps.set('cx', ['cx.idle.0', 'cx.idle.1']) })
  t.equal(await g.instance('cx', 'idle.1'), 'cx.idle.1')
})

t.test('what the grid does not have either is not found, naming it', async t => {
  let caughtUp = 0
  const g = gateway(new Map([['cx', ['cx.idle.0']]]), async () => { caughtUp++ })
  await t.rejects(g.instance('nope', 'idle.0'), { code: 'ERR_NOT_FOUND', message: 'app nope not found' })
  await t.rejects(g.instance('cx', 'web.0'), { code: 'ERR_NOT_FOUND', message: /instance web\.0 of app cx not found \(it has idle\.0\)/ })
  t.equal(caughtUp, 2, 'one catch-up a lookup')
})

t.test('without a quorum to catch up with, the answer is what this node knows', async t => {
  const g = gateway(new Map(), async () => { throw Object.assign(new Error('no leader'), { code: 'ERR_UNAVAILABLE' }) })
  await t.rejects(g.instance('cx', 'idle.0'), { code: 'ERR_NOT_FOUND', message: 'app cx not found' })
})

t.test('a node with nothing to catch up with answers at once', async t => {
  await t.rejects(gateway(new Map()).instance('cx', 'idle.0'), { code: 'ERR_NOT_FOUND' })
})
