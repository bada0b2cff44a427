/** What the agent keeps in LevelDB for the next daemon: each instance's ports and task handle. Real LevelDB. */
import t from 'tap'
import { createServer } from 'node:net'
import pino from 'pino'
import { parseManifest } from '../../../controller/catalog/index.ts'
import type { AppSpec } from '../../../controller/graph/types.ts'
import type { InstancePlan } from '../../../daemon/agent/index.ts'
import { BindingStore } from '../../../daemon/agent/bindings.ts'
import { LOCAL_HOST } from '../../../daemon/agent/env.ts'
import { HandleStore } from '../../../daemon/agent/handles.ts'
import { openStore } from '../../../daemon/store/index.ts'

const manifest = (() => {
  const r = parseManifest(`name: web
version: 1.0.0
resources: { min: { cpu: 0.1, memory: 16Mi }, default: { cpu: 0.5, memory: 64Mi } }
terminals: { http: { direction: in, protocol: tcp }, db: { direction: out, protocol: tcp } }
start: { command: [node, main.ts] }
`, '/repo/images/web')
  if (!r.ok) throw new Error(JSON.stringify(r.errors))
  return r.manifest
})()

function plan (hash: string): InstancePlan {
  return {
    id: 'shop.web.0', app: 'shop', component: 'web', index: 0, node: 'n1', hash, image: manifest,
    spec: { name: 'web', image: 'web', count: 1, properties: {}, resources: { cpu: 0.5, memory: 64 << 20, disk: 0 }, connections: [{ output: 'db', component: 'pg', input: 'sql' }], volumes: [], constraints: [], antiAffinity: false }
  }
}
const app = { components: [{ name: 'pg', count: 2 }] } as unknown as AppSpec

t.test('bindings: kept while the configuration is unchanged or the instance is adopted, fresh otherwise, and survive a reopen', async t => {
  const dir = t.testdir()
  let store = await openStore(dir)
  t.teardown(async () => { await store.close() })
  const first = await new BindingStore(store).of(plan('h1'), app, false)
  t.same(Object.keys(first.inputs), ['http'], 'a port for each input')
  t.equal(first.slots.db?.length, 2, 'a slot port for each target instance')
  t.ok(first.outputs.db! > 0)
  await store.close()
  store = await openStore(dir)
  const bindings = new BindingStore(store)
  t.same(await bindings.of(plan('h1'), app, false), first, 'the same ports after a reopen')
  t.same(await bindings.of(plan('h2'), app, true), first, 'an adopted instance keeps its ports though its configuration changed')
  const changed = await bindings.of(plan('h2'), app, false)
  t.equal(changed.hash, 'h2', 'a changed configuration gets fresh ports')
  await bindings.forget('shop.web.0')
  t.equal((await bindings.of(plan('h2'), app, true)).hash, 'h2', 'forgotten: nothing stored to adopt')
})

t.test('bindings: a port another process took while the instance was down gets the instance fresh ports; an adopted one keeps its own', async t => {
  const store = await openStore(t.testdir())
  t.teardown(async () => { await store.close() })
  const bindings = new BindingStore(store)
  const first = await bindings.of(plan('h1'), app, false)
  const taken = first.slots.db![1]!
  const squatter = createServer()
  await new Promise<void>(resolve => { squatter.listen(taken, LOCAL_HOST, resolve) })
  t.teardown(async () => { await new Promise(resolve => squatter.close(resolve)) })
  t.same(await bindings.of(plan('h1'), app, true), first, 'adopted: its running process holds them, kept')
  const fresh = await bindings.of(plan('h1'), app, false)
  t.equal(fresh.hash, 'h1')
  t.not(fresh.outputs.db, first.outputs.db, 'fresh ports')
  const all = (b: typeof first): number[] => [...Object.values(b.inputs), ...Object.values(b.outputs), ...Object.values(b.slots).flat()]
  t.notOk(all(fresh).includes(taken), `none of them the port taken (${taken})`)
  t.equal(new Set(all(fresh)).size, all(fresh).length, 'all different')
  t.same(await bindings.of(plan('h1'), app, false), fresh, 'and they are kept from then on')
})

t.test('handles: saved, listed but for the skipped, an unreadable one dropped, deleted', async t => {
  const store = await openStore(t.testdir())
  t.teardown(async () => { await store.close() })
  const handles = new HandleStore(store, pino({ level: 'silent' }))
  const handle = { id: 'a', driver: 'process', startedAt: 5, state: { pid: 42 } }
  await handles.save('a', handle)
  await handles.save('b', { ...handle, id: 'b' })
  await store.sublevel<string, string>('handles', { valueEncoding: 'utf8' }).put('c', 'not a handle')
  t.same([...(await handles.all(() => false)).entries()], [['a', handle], ['b', { ...handle, id: 'b' }]], 'readable ones, unreadable dropped')
  t.same([...(await handles.all(id => id === 'a')).keys()], ['b'], 'skipped ones left out')
  t.notOk((await handles.all(() => false)).has('c'), 'the unreadable one is gone')
  await handles.delete('a')
  t.same([...(await handles.all(() => false)).keys()], ['b'])
})
