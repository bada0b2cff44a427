import t from 'tap'
import { call, freePort, startDb, startImage, statusOf, waitFor } from './harness.ts'

/** The visit count shown on the page. */
function visitsOn (html: string): number {
  const m = /<strong id="visits">(\d+)<\/strong>/.exec(html)
  if (m === null) throw new Error('no visit counter on the page')
  return Number(m[1])
}

t.test('web against a real db: page, API, validation, db outage', async t => {
  const { db, port: dbPort, dir } = await startDb(t)
  const port = await freePort()
  const web = startImage(t, 'web', {
    TRELLIS_IN_HTTP: `127.0.0.1:${port}`,
    TRELLIS_OUT_DB: `127.0.0.1:${dbPort}`,
    TRELLIS_PROP_TITLE: 'Demo <&> "quoted"',
    TRELLIS_INSTANCE: 'three-tier.web.0',
    TRELLIS_APP: 'three-tier'
  })
  const url = `http://127.0.0.1:${port}`
  await waitFor('web /healthz', async () => (await statusOf(`${url}/healthz`)) === 200)

  const first = await call(`${url}/`)
  t.equal(first.status, 200)
  t.match(first.headers['content-type'], /^text\/html/)
  t.match(first.text, '<title>Demo &lt;&amp;&gt; &quot;quoted&quot;</title>', 'the title is escaped')
  t.match(first.text, 'three-tier.web.0', 'the page names the instance')
  t.match(first.text, '<form method="post" action="/notes">')
  const second = await call(`${url}/`)
  t.equal(visitsOn(second.text), visitsOn(first.text) + 1, 'each page view counts')
  t.same((await call(`${url}/api/visits`)).json(), { visits: visitsOn(second.text) })
  t.same((await call(`${url}/api/visits`, { method: 'POST' })).json(), { visits: visitsOn(second.text) + 1 })

  const added = await call(`${url}/api/notes`, {
    method: 'POST', body: JSON.stringify({ text: '<script>alert(1)</script>' }), headers: { 'content-type': 'application/json' }
  })
  t.equal(added.status, 201)
  const note = added.json()
  t.equal(note.text, '<script>alert(1)</script>')
  t.match(note, { id: String, at: String })
  const form = await call(`${url}/notes`, {
    method: 'POST', body: 'text=from+the+form+%26+more', headers: { 'content-type': 'application/x-www-form-urlencoded' }
  })
  t.equal(form.status, 303)
  t.equal(form.headers.location, '/')
  t.same((await call(`${url}/api/notes`)).json().map((n: { text: string }) => n.text), ['from the form & more', '<script>alert(1)</script>'], 'newest first')
  const page = (await call(`${url}/`)).text
  t.match(page, '&lt;script&gt;alert(1)&lt;/script&gt;', 'notes are escaped on the page')
  t.notMatch(page, '<script>alert(1)')
  t.match(page, 'from the form &amp; more')

  const bad = async (what: string, path: string, body: string, field: string): Promise<void> => {
    const r = await call(`${url}${path}`, { method: 'POST', body })
    t.equal(r.status, 400, what)
    t.equal(r.json().field, field, `${what}: names ${field}`)
  }
  await bad('missing text', '/api/notes', '{}', 'text')
  await bad('empty text', '/api/notes', '{"text":"   "}', 'text')
  await bad('text not a string', '/api/notes', '{"text":5}', 'text')
  await bad('text too long', '/api/notes', JSON.stringify({ text: 'x'.repeat(1001) }), 'text')
  await bad('not JSON', '/api/notes', '{text', 'body')
  await bad('empty form', '/notes', '', 'text')
  t.equal((await call(`${url}/api/notes`)).json().length, 2, 'bad input stored nothing')
  t.same((await call(`${url}/api/info`)).json(), {
    instance: 'three-tier.web.0', app: 'three-tier', component: '', title: 'Demo <&> "quoted"', db: `127.0.0.1:${dbPort}`
  })

  await db.kill('SIGKILL')
  await waitFor('web /healthz 503 with the db down', async () => (await statusOf(`${url}/healthz`)) === 503)
  for (const [method, path] of [['GET', '/api/visits'], ['POST', '/api/visits'], ['GET', '/api/notes'], ['GET', '/']]) {
    const r = await call(`${url}${path}`, { method })
    t.equal(r.status, 502, `${method} ${path} with the db down`)
    t.match(r.json(), { error: /database unavailable/ })
  }
  const refused = await call(`${url}/api/notes`, { method: 'POST', body: '{"text":"lost"}' })
  t.equal(refused.status, 502, 'a note cannot be added with the db down')

  await startDb(t, { dir, port: dbPort })
  await waitFor('web /healthz 200 with the db back', async () => (await statusOf(`${url}/healthz`)) === 200)
  t.equal((await call(`${url}/api/notes`)).json().length, 2, 'the notes survived the db crash')
  t.equal((await call(`${url}/api/visits`)).json().visits, visitsOn(second.text) + 2, 'so did the counter')

  t.same(await web.kill('SIGTERM'), { code: 0, signal: null }, 'SIGTERM stops cleanly')
})
