/** The CLI's errors are for people: what was tried, where, and why it failed; exit 1, nothing on stdout. */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../../helpers/daemon.ts'

function trellis (...args: string[]): { status: number | null, stdout: string, stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'controller', 'cli', 'main.ts'), ...args], { encoding: 'utf8', env: { ...process.env, TRELLIS_API: '', TRELLIS_TOKEN: '' } })
  return { status: r.status, stdout: r.stdout, stderr: r.stderr }
}

/** A loopback port nothing listens on. */
async function deadPort (): Promise<number> {
  const s = createServer()
  await new Promise<void>(resolve => { s.listen(0, '127.0.0.1', resolve) })
  const port = (s.address() as { port: number }).port
  await new Promise<void>(resolve => { s.close(() => { resolve() }) })
  return port
}

t.test('an unreachable daemon, a missing file, a directory, a missing token', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-cli-'))
  t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
  await writeFile(join(dir, 'admin.token'), 'x'.repeat(32), { mode: 0o600 })
  const port = await deadPort()
  await writeFile(join(dir, 'api.json'), JSON.stringify({ url: `http://127.0.0.1:${port}` }))

  const down = trellis('--data-dir', dir, 'get', 'apps')
  t.equal(down.status, 1)
  t.equal(down.stdout, '')
  t.match(down.stderr, `trellis: cannot reach trellisd at http://127.0.0.1:${port} (connection refused): is trellisd running? (address from ${join(dir, 'api.json')}) [ERR_API_UNREACHABLE]`)

  const missing = trellis('--data-dir', dir, 'apply', '-f', join(dir, 'nope.yaml'))
  t.equal(missing.status, 1)
  t.equal(missing.stderr.trim(), `trellis: cannot read ${join(dir, 'nope.yaml')}: no such file`)
  t.equal(trellis('--data-dir', dir, 'apply', '-f', dir).stderr.trim(), `trellis: cannot read ${dir}: it is a directory`)

  const noToken = trellis('--data-dir', join(dir, 'elsewhere'), 'get', 'apps')
  t.equal(noToken.status, 1)
  t.match(noToken.stderr, /no admin token: cannot read .*elsewhere\/admin.token \(give --token-file, \$TRELLIS_TOKEN or --data-dir\) \[ERR_NO_TOKEN\]/)
  t.match(trellis('--data-dir', dir, '--token-file', join(dir, 'gone'), 'get', 'apps').stderr, /cannot read .*gone/)
})
