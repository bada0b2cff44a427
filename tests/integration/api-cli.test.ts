/**
 * The admin API and the trellis CLI against a real daemon: auth, error codes,
 * tables and JSON, exit codes, and bad input that changes nothing.
 */
import t from 'tap'
import { execFile } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { freePort, ROOT, startDaemon, waitFor } from '../helpers/daemon.ts'

const run = promisify(execFile)
const daemon = await startDaemon(fn => t.teardown(fn))
const scratch = await mkdtemp(join(tmpdir(), 'trellis-cli-'))
t.teardown(async () => { await rm(scratch, { recursive: true, force: true }) })

async function cli (...args: string[]): Promise<{ code: number, stdout: string, stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'controller', 'cli', 'main.ts'), '--data-dir', daemon.dataDir, ...args], { timeout: 60_000 })
    return { code: 0, stdout, stderr }
  } catch (err) {
    const e = err as { code: number, stdout: string, stderr: string }
    return { code: e.code, stdout: e.stdout, stderr: e.stderr }
  }
}

const entryPort = await freePort()
const good = `
name: hello
components:
  web:
    image: web
    connections: { db: db.http }
  db:
    image: db
    volumes: { data: { size: 64Mi, replicas: 1 } }
entries:
  http: { port: ${entryPort}, to: web.http }
`
const bad = `
name: hello
components:
  web:
    image: web
    properties: { colour: red }
    connections: { nope: db.http }
  db:
    image: nosuchimage
`
await writeFile(join(scratch, 'good.yaml'), good)
await writeFile(join(scratch, 'bad.yaml'), bad)

t.test('validate: offline and remote, exit codes and paths', async t => {
  const ok = await cli('validate', join(scratch, 'good.yaml'))
  t.equal(ok.code, 0, ok.stderr)
  t.match(ok.stdout, /valid/)
  const offline = await cli('validate', join(scratch, 'bad.yaml'))
  t.equal(offline.code, 1)
  t.match(offline.stderr, /components\.web\.properties\.colour/)
  t.match(offline.stderr, /components\.web\.connections\.nope/)
  t.match(offline.stderr, /components\.db\.image/)
  const remote = await cli('-o', 'json', 'validate', '--remote', join(scratch, 'bad.yaml'))
  t.equal(remote.code, 1)
  const body = JSON.parse(remote.stdout) as { ok: boolean, issues: Array<{ path: string, code: string }> }
  t.equal(body.ok, false)
  t.ok(body.issues.length >= 3, 'every error at once')
})

t.test('a bad apply is refused with every error and changes nothing', async t => {
  const res = await cli('apply', '-f', join(scratch, 'bad.yaml'))
  t.equal(res.code, 1)
  t.match(res.stderr, /ERR_UNKNOWN_IMAGE|components\.db\.image/)
  t.same(await daemon.client.apps(), [], 'no app was created')
})

t.test('apply, get, describe, logs, nodes, delete', async t => {
  const applied = await cli('apply', '-f', join(scratch, 'good.yaml'), '--wait', '60')
  t.equal(applied.code, 0, applied.stderr)
  t.match(applied.stdout, /app hello created/)
  t.match(applied.stdout, /healthy/)
  const table = await cli('get', 'apps')
  t.match(table.stdout, /NAME\s+STATUS/)
  t.match(table.stdout, /hello\s+healthy\s+2\/2/)
  const json = JSON.parse((await cli('-o', 'json', 'get', 'apps')).stdout) as Array<{ name: string, status: string }>
  t.same(json.map(a => [a.name, a.status]), [['hello', 'healthy']])
  const described = await cli('describe', 'app', 'hello')
  t.match(described.stdout, /hello\.web\.0/)
  t.match(described.stdout, /hello\.db\.0/)
  t.match(described.stdout, /Events:/)
  const page = await fetch(`http://127.0.0.1:${entryPort}/`)
  t.equal(page.status, 200, 'the entry answers')
  await page.text()
  const logs = await waitFor('web logs', 10_000, async () => {
    const r = await cli('logs', 'hello', 'web.0', '--tail', '50')
    return r.stdout.trim() !== '' ? r : undefined
  })
  t.equal(logs.code, 0)
  const nodes = await cli('nodes')
  t.match(nodes.stdout, /NAME\s+STATE/)
  t.match(nodes.stdout, /\bup\b/)
  const missing = await cli('describe', 'app', 'nothere')
  t.equal(missing.code, 1)
  t.match(missing.stderr, /ERR_NOT_FOUND/)
  const deleted = await cli('delete', 'app', 'hello')
  t.equal(deleted.code, 0, deleted.stderr)
  t.same(await daemon.client.apps(), [])
})

t.test('the API refuses a missing or wrong token, big bodies, unknown routes', async t => {
  const url = daemon.client.url
  const noToken = await fetch(`${url}/v1/apps`)
  t.equal(noToken.status, 401)
  t.equal(((await noToken.json()) as { error: { code: string } }).error.code, 'ERR_UNAUTHORIZED')
  const wrong = await fetch(`${url}/v1/apps`, { headers: { authorization: 'Bearer nope' } })
  t.equal(wrong.status, 401)
  await wrong.text()
  const token = (await import('node:fs')).readFileSync(join(daemon.dataDir, 'admin.token'), 'utf8').trim()
  const auth = { authorization: `Bearer ${token}` }
  const big = await fetch(`${url}/v1/apps`, { method: 'PUT', headers: auth, body: 'x'.repeat(2 * 1024 * 1024) }).catch(() => undefined)
  if (big !== undefined) {
    t.equal(big.status, 413)
    // The server stops reading and closes; the rest of the upload may be cut.
    await big.text().catch(() => '')
  }
  const unknown = await fetch(`${url}/v1/nothing`, { headers: auth })
  t.equal(unknown.status, 404)
  await unknown.text()
  const method = await fetch(`${url}/v1/apps`, { method: 'POST', headers: auth })
  t.equal(method.status, 405)
  await method.text()
  const garbage = await fetch(`${url}/v1/apps`, { method: 'PUT', headers: auth, body: '{{{ not yaml' })
  t.equal(garbage.status, 422)
  await garbage.text()
  const unusage = await cli('frobnicate')
  t.equal(unusage.code, 2, 'unknown command is a usage error')
})
