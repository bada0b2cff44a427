import t from 'tap'
import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { call, startDb } from './harness.ts'

t.test('put, get, delete, list and incr', async t => {
  const { db, url, dir, port } = await startDb(t)
  const value = randomBytes(4096) // not UTF-8: values are raw bytes
  t.equal((await call(`${url}/kv/bin`, { method: 'PUT', body: value })).status, 204)
  const got = await call(`${url}/kv/bin`)
  t.equal(got.status, 200)
  t.equal(got.headers['content-type'], 'application/octet-stream')
  t.ok(got.body.equals(value), 'value comes back byte for byte')

  const slashKey = encodeURIComponent('note/äü 1')
  t.equal((await call(`${url}/kv/${slashKey}`, { method: 'PUT', body: 'one' })).status, 204)
  t.equal((await call(`${url}/kv/note%2F2`, { method: 'PUT', body: 'two' })).status, 204)
  t.equal((await call(`${url}/kv/${slashKey}`)).text, 'one', 'encoded keys decode to the same key')
  t.same((await call(`${url}/kv?prefix=note%2F`)).json(), [{ key: 'note/2', value: 'two' }, { key: 'note/äü 1', value: 'one' }])
  t.same((await call(`${url}/kv?prefix=note/&limit=1&reverse=1`)).json(), [{ key: 'note/äü 1', value: 'one' }])

  t.equal((await call(`${url}/kv/bin`, { method: 'DELETE' })).status, 204)
  t.equal((await call(`${url}/kv/bin`)).status, 404)

  t.same((await call(`${url}/kv/n/incr`, { method: 'POST' })).json(), { value: '1' })
  t.same((await call(`${url}/kv/n/incr?by=10`, { method: 'POST' })).json(), { value: '11' })
  t.same((await call(`${url}/kv/n/incr?by=-2`, { method: 'POST' })).json(), { value: '9' })
  t.equal((await call(`${url}/kv/n`)).text, '9', 'the counter is a decimal string')
  const concurrent = await Promise.all(Array.from({ length: 50 }, async () => (await call(`${url}/kv/c/incr`, { method: 'POST' })).json().value))
  t.same(concurrent.map(Number).sort((a, b) => a - b), Array.from({ length: 50 }, (_, i) => i + 1), 'concurrent increments are atomic')
  t.equal((await call(`${url}/kv/${slashKey}/incr`, { method: 'POST' })).status, 409, 'a non-number is not a counter')

  const stop = await db.kill('SIGTERM')
  t.same(stop, { code: 0, signal: null }, 'SIGTERM stops cleanly')
  t.ok(db.logged('stopped').length === 1)
  const again = await startDb(t, { dir, port })
  t.equal((await call(`${again.url}/kv/c`)).text, '50', 'data survives a clean restart')
})

t.test('bad keys, values and parameters are refused and store nothing', async t => {
  const { url } = await startDb(t, { env: { TRELLIS_PROP_MAXVALUEBYTES: '1024' } })
  const refuse = async (what: string, path: string, method: string, body: string | Buffer | undefined, status: number, field?: string): Promise<void> => {
    const r = await call(`${url}${path}`, { method, body })
    t.equal(r.status, status, what)
    if (field !== undefined) t.equal(r.json().field, field, `${what}: names ${field}`)
  }
  await refuse('key over 512 bytes', `/kv/${'k'.repeat(513)}`, 'PUT', 'x', 400, 'key')
  await refuse('multi-byte key over 512 bytes', `/kv/${encodeURIComponent('é'.repeat(257))}`, 'PUT', 'x', 400, 'key')
  await refuse('broken percent-encoding', '/kv/a%zz', 'PUT', 'x', 400, 'key')
  await refuse('invalid UTF-8', '/kv/%ff%fe', 'PUT', 'x', 400, 'key')
  await refuse('control character', '/kv/a%00b', 'PUT', 'x', 400, 'key')
  await refuse('empty key', '/kv/', 'PUT', 'x', 405)
  await refuse('empty incr key', '/kv//incr', 'POST', undefined, 400, 'key')
  await refuse('value over maxValueBytes', '/kv/big', 'PUT', Buffer.alloc(1025), 413)
  await refuse('bad increment', '/kv/n/incr?by=1.5', 'POST', undefined, 400, 'by')
  await refuse('bad limit', '/kv?limit=0', 'GET', undefined, 400, 'limit')

  // A chunked body declares no length: the limit must hold while reading.
  const chunked = await new Promise<number>((resolve, reject) => {
    const req = request(`${url}/kv/big2`, { method: 'PUT', agent: false }, res => { res.resume(); resolve(res.statusCode ?? 0) })
    req.on('error', reject)
    for (let i = 0; i < 4; i++) req.write(Buffer.alloc(512))
    req.end()
  })
  t.equal(chunked, 413, 'chunked value over maxValueBytes')

  t.equal((await call(`${url}/kv/${'k'.repeat(512)}`, { method: 'PUT', body: Buffer.alloc(1024) })).status, 204, 'the limits themselves are fine')
  t.same((await call(`${url}/kv`)).json().map((e: { key: string }) => e.key), ['k'.repeat(512)], 'nothing else was stored')
})

t.test('kill -9 during concurrent writes loses no acknowledged write', async t => {
  const { db, url, dir, port } = await startDb(t)
  const acked = new Map<string, string>()
  let ackedIncrs = 0
  let sentIncrs = 0
  let killed = false

  const client = async (c: number): Promise<void> => {
    for (let i = 0; !killed; i++) {
      try {
        if (i % 2 === 0) {
          sentIncrs++
          const r = await call(`${url}/kv/counter/incr`, { method: 'POST' })
          if (r.status === 200) ackedIncrs++
        } else {
          const key = `w/${c}/${i}`
          const value = randomBytes(8).toString('hex')
          const r = await call(`${url}/kv/${encodeURIComponent(key)}`, { method: 'PUT', body: value })
          if (r.status === 204) acked.set(key, value)
        }
      } catch {
        return // the db is gone
      }
    }
  }
  const clients = Array.from({ length: 8 }, async (_, c) => client(c))
  while (ackedIncrs + acked.size < 300) await new Promise(resolve => setTimeout(resolve, 5))
  killed = true
  await db.kill('SIGKILL')
  await Promise.all(clients)
  t.ok(ackedIncrs + acked.size >= 300, `${ackedIncrs} increments and ${acked.size} puts acknowledged before kill -9`)

  const again = await startDb(t, { dir, port })
  const missing: string[] = []
  for (const [key, value] of acked) {
    const r = await call(`${again.url}/kv/${encodeURIComponent(key)}`)
    if (r.status !== 200 || r.text !== value) missing.push(key)
  }
  t.same(missing, [], 'every acknowledged put is there')
  const counter = Number((await call(`${again.url}/kv/counter`)).text)
  t.ok(counter >= ackedIncrs, `counter ${counter} ≥ ${ackedIncrs} acknowledged increments`)
  t.ok(counter <= sentIncrs, `counter ${counter} ≤ ${sentIncrs} increments sent`)
})
