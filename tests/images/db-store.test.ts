import t from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { prefixEnd } from '../../images/db/keys.ts'
import { Store } from '../../images/db/store.ts'

async function openStore (t: { teardown: (fn: () => unknown) => void }): Promise<Store> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-store-'))
  const store = new Store(join(dir, 'kv'))
  await store.open()
  t.teardown(async () => { await store.close(); await rm(dir, { recursive: true, force: true }) })
  return store
}

const key = (k: string): Buffer => Buffer.from(k)

t.test('concurrent writes share synced batches (group commit)', async t => {
  const store = await openStore(t)
  await Promise.all(Array.from({ length: 200 }, async (_, i) => store.put(key(`k${i}`), Buffer.from(String(i)))))
  t.equal(store.stats.writes, 200)
  t.ok(store.stats.batches < 200, `200 puts in ${store.stats.batches} batches`)
  t.equal((await store.get(key('k199')))?.toString(), '199')
})

t.test('increments of one key are atomic and still batch', async t => {
  const store = await openStore(t)
  const values = await Promise.all(Array.from({ length: 200 }, async () => store.incr(key('n'), 1n)))
  t.same(values.map(Number).sort((a, b) => a - b), Array.from({ length: 200 }, (_, i) => i + 1), 'every value handed out once')
  t.equal((await store.get(key('n')))?.toString(), '200')
  t.ok(store.stats.batches < 200, `200 increments in ${store.stats.batches} batches`)
  // A put and an increment racing on one key are applied in arrival order.
  const [, after] = await Promise.all([store.put(key('n'), Buffer.from('1000')), store.incr(key('n'), 5n)])
  t.equal(after, 1005n)
  await store.put(key('s'), Buffer.from('text'))
  await t.rejects(store.incr(key('s'), 1n), { code: 'ERR_NOT_A_COUNTER' })
  await store.del(key('n'))
  t.equal(await store.incr(key('n'), 2n), 2n, 'a deleted counter starts again from 0')
})

t.test('prefix listings use the exact byte range', async t => {
  t.same(prefixEnd(Buffer.from('a/')), Buffer.from('a0'))
  t.same(prefixEnd(Buffer.from([0x61, 0xff])), Buffer.from([0x62]))
  t.equal(prefixEnd(Buffer.from([0xff, 0xff])), undefined)
  const store = await openStore(t)
  for (const k of ['a', 'a/1', 'a/2', 'a0', 'b']) await store.put(key(k), Buffer.from(k))
  const list = async (p: string, reverse = false): Promise<string[]> =>
    (await store.list(key(p), prefixEnd(key(p)), 10, reverse)).map(e => e.key.toString())
  t.same(await list('a/'), ['a/1', 'a/2'])
  t.same(await list('a/', true), ['a/2', 'a/1'])
  t.same(await list('a'), ['a', 'a/1', 'a/2', 'a0'])
})
