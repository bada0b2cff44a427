import t from 'tap'
import { createHash, randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { startBackends } from './backend.ts'
import type { TestBackend } from './backend.ts'
import { call, freePort, startImage, statusOf, waitFor } from './harness.ts'
import type { Instance, Teardown } from './harness.ts'

/** Starts an lb in front of `backends` and waits until it answers. */
async function startLb (t: Teardown, backends: TestBackend[], env: Record<string, string> = {}, waitUp = true): Promise<{ lb: Instance, url: string }> {
  const port = await freePort()
  const lb = startImage(t, 'lb', {
    TRELLIS_IN_HTTP: `127.0.0.1:${port}`,
    TRELLIS_OUT_BACKEND_INSTANCES: backends.map(b => `127.0.0.1:${b.port}`).join(','),
    TRELLIS_PROP_HEALTHINTERVAL: '100',
    TRELLIS_PROP_HEALTHFAILURES: '2',
    ...env
  })
  const url = `http://127.0.0.1:${port}`
  await waitFor('lb /healthz', async () => {
    const h = await call(`${url}/healthz`)
    return h.status === 200 && (!waitUp || h.json().backends.every((b: { state: string }) => b.state === 'up'))
  })
  return { lb, url }
}

/** Which backend served each of `n` sequential requests. */
async function servedBy (url: string, n: number): Promise<number[]> {
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const r = await call(`${url}/whoami`)
    if (r.status !== 200) throw new Error(`status ${r.status}: ${r.text}`)
    const index = Number(r.headers['x-trellis-backend'])
    if (r.json().name !== `b${index}`) throw new Error('x-trellis-backend names the wrong backend')
    out.push(index)
  }
  return out
}

/** The state of backend `i` in the lb's /healthz. */
async function stateOf (url: string, i: number): Promise<string> {
  return (await call(`${url}/healthz`)).json().backends[i].state
}

t.test('with no backend ready, live ones still get requests (panic routing), and the lb is not ready', async t => {
  const backends = await startBackends(t, 2)
  const { url } = await startLb(t, backends)
  for (const b of backends) b.ready = false
  await waitFor('both backends not ready', async () => (await statusOf(`${url}/healthz`)) === 503)
  t.equal((await call(`${url}/livez`)).status, 200, 'alive all the same')
  t.same((await servedBy(url, 4)).sort(), [0, 0, 1, 1], 'alive but not ready: still served, round robin')
  backends[0]!.ready = true
  await waitFor('backend 0 ready again', async () => (await stateOf(url, 0)) === 'up')
  t.same(await servedBy(url, 3), [0, 0, 0], 'once one is ready, only it is sent to')
})

t.test('with none ready, those that answer get the requests, not those that cannot be reached (an island)', async t => {
  const backends = await startBackends(t, 3)
  const { url } = await startLb(t, backends)
  // 0 answers but is not ready (its db is across the cut); 1 and 2 are gone (across the cut).
  backends[0]!.ready = false
  await backends[1]!.stop()
  await backends[2]!.stop()
  await waitFor('every backend down', async () => (await statusOf(`${url}/healthz`)) === 503)
  const health = (await call(`${url}/healthz`)).json().backends as Array<{ answers: boolean }>
  t.same(health.map(b => b.answers), [true, false, false], '/healthz tells which still answer')
  t.same(await servedBy(url, 6), [0, 0, 0, 0, 0, 0], 'every request to the one that answers, none lost to a dead one')
})

t.test('round robin, failure threshold, retry, recovery, all down', async t => {
  const backends = await startBackends(t, 3)
  const { lb, url } = await startLb(t, backends)

  const order = await servedBy(url, 6)
  for (let i = 1; i < order.length; i++) t.equal(order[i], (order[i - 1] + 1) % 3, `request ${i} goes to the next backend`)
  const seen = backends[order[0]].seen
  t.equal(seen['x-forwarded-for'], '127.0.0.1', 'X-Forwarded-For is added')
  t.equal(seen['x-forwarded-host'], url.slice('http://'.length), 'X-Forwarded-Host is the host the client asked for')
  t.equal(seen['x-trellis-backend'], String(order[0]), 'the backend learns its index')
  const health = await call(`${url}/healthz`)
  t.equal(health.status, 200)
  t.same(health.json().backends.map((b: { state: string }) => b.state), ['up', 'up', 'up'], '/healthz lists every backend')

  // Dropped by the probes alone: no request touches it meanwhile.
  await backends[1].stop()
  await waitFor('backend 1 down', async () => (await stateOf(url, 1)) === 'down')
  await waitFor('backend.down logged', () => lb.logged('backend.down').length > 0)
  const down = lb.logged('backend.down')
  t.equal(down.length, 1)
  t.match(down[0], { backend: 1, by: 'probe', failures: 2 }, 'dropped after 2 failed probes')
  t.notOk((await servedBy(url, 8)).includes(1), 'a dropped backend gets no requests')

  await backends[1].start()
  await waitFor('backend 1 up', async () => (await stateOf(url, 1)) === 'up')
  await waitFor('backend.up logged', () => lb.logged('backend.up').some(e => e.backend === 1 && e.healthy === 3))
  t.match(lb.logged('backend.up').filter(e => e.backend === 1).at(-1), { by: 'probe', healthy: 3 }, 'one good probe brings it back')
  t.ok((await servedBy(url, 6)).includes(1), 'a restarted backend gets requests again')

  // Killed and hit at once: requests are retried on the next backend.
  await backends[2].stop()
  const during = await Promise.all(Array.from({ length: 12 }, async () => (await call(`${url}/whoami`)).status))
  t.same(during, Array(12).fill(200), 'every request succeeds while a backend dies')
  t.equal(await stateOf(url, 2), 'down', 'a refused connection drops the backend at once')
  await waitFor('backend 2 dropped by a request', () => lb.logged('backend.down').some(e => e.backend === 2 && e.by === 'request'))

  await backends[0].stop()
  await backends[1].stop()
  await waitFor('all backends down', async () => (await statusOf(`${url}/healthz`)) === 503)
  const refused = await call(`${url}/whoami`)
  t.equal(refused.status, 503, 'no healthy backend: 503')
  t.match(refused.json(), { error: 'no healthy backend', backends: Array })
  t.equal(refused.headers['content-type'], 'application/json; charset=utf-8')

  await backends[0].start()
  await waitFor('lb healthy again', async () => (await statusOf(`${url}/healthz`)) === 200)
  t.same(await servedBy(url, 3), [0, 0, 0], 'the one live backend serves everything')
})

t.test('a backend dead before the first probe costs no request', async t => {
  const backends = await startBackends(t, 2)
  await backends[0].stop()
  const { lb, url } = await startLb(t, backends, { TRELLIS_PROP_HEALTHINTERVAL: '60000' }, false)
  const statuses = await Promise.all(Array.from({ length: 6 }, async () => (await call(`${url}/whoami`)).status))
  t.same(statuses, Array(6).fill(200))
  await waitFor('backend.down logged', () => lb.logged('backend.down').length > 0)
  t.match(lb.logged('backend.down'), [{ backend: 0, by: 'request' }], 'the first refused request dropped it')
})

t.test('bodies pass through intact and streaming both ways', async t => {
  const backends = await startBackends(t, 2)
  const { url } = await startLb(t, backends)

  const body = randomBytes(3 * 1024 * 1024)
  const echoed = await call(`${url}/echo`, { method: 'POST', body })
  t.equal(echoed.status, 200)
  t.equal(createHash('sha256').update(echoed.body).digest('hex'), createHash('sha256').update(body).digest('hex'), '3 MiB echoed intact')

  // The backend holds the rest of the response until the first line reached the client through the lb.
  const target = (await call(`${url}/whoami`)).headers['x-trellis-backend'] === '0' ? 1 : 0
  const streamed = await new Promise<string>((resolve, reject) => {
    const req = request(`${url}/stream`, { agent: false }, res => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => {
        if (text === '') backends[target].release()
        text += c
      })
      res.on('end', () => resolve(text))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
  t.equal(streamed, 'first\nrest\n', 'the response streamed before it was complete')

  // The client holds the rest of its body until the backend saw the first bytes.
  const uploaded = await new Promise<{ size: number }>((resolve, reject) => {
    const req = request(`${url}/upload`, { method: 'POST', agent: false }, res => {
      let text = ''
      res.on('data', (c: Buffer) => { text += c.toString() })
      res.on('end', () => resolve(JSON.parse(text) as { size: number }))
    })
    req.on('error', reject)
    req.write(Buffer.alloc(1000))
    void Promise.race(backends.map(async b => b.firstChunk)).then(() => req.end(Buffer.alloc(500)))
  })
  t.same(uploaded, { size: 1500 }, 'the request body streamed before it was complete')
})

t.test('SIGTERM lets an in-flight response finish, then exits 0', async t => {
  const backends = await startBackends(t, 1)
  const { lb, url } = await startLb(t, backends)
  const text = new Promise<string>((resolve, reject) => {
    const req = request(`${url}/stream`, { agent: false }, res => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => {
        if (text === '') {
          lb.proc.kill('SIGTERM')
          void waitFor('lb stopping', () => lb.logged('stopping').length > 0).then(() => backends[0].release())
        }
        text += c
      })
      res.on('end', () => resolve(text))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
  t.equal(await text, 'first\nrest\n', 'the in-flight response completed')
  t.same(await lb.exited, { code: 0, signal: null })
})

t.test('falls back to TRELLIS_OUT_BACKEND when instances are not listed', async t => {
  const backends = await startBackends(t, 1)
  const port = await freePort()
  startImage(t, 'lb', { TRELLIS_IN_HTTP: `127.0.0.1:${port}`, TRELLIS_OUT_BACKEND: `127.0.0.1:${backends[0].port}` })
  const url = `http://127.0.0.1:${port}`
  await waitFor('lb /healthz', async () => (await statusOf(`${url}/healthz`)) === 200)
  t.same(await servedBy(url, 2), [0, 0])
})
