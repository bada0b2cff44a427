/**
 * `npm link` puts trellis and trellisd on PATH, and they run on the Node the
 * project pins even when the `node` first on PATH is older (this machine's is
 * 20). The link goes into a scratch prefix, never the machine's.
 */
import t from 'tap'
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from '../helpers/daemon.ts'

t.test('npm link installs both commands, which run on the pinned Node', async t => {
  const prefix = await mkdtemp(join(tmpdir(), 'trellis-prefix-'))
  t.teardown(async () => { await rm(prefix, { recursive: true, force: true }) })
  execFileSync('npm', ['link', '--no-audit', '--no-fund'], { cwd: ROOT, env: { ...process.env, npm_config_prefix: prefix }, stdio: 'ignore' })
  // Only the system's directories and the scratch bin: no node_modules/.bin of this repository.
  const env = { PATH: `${join(prefix, 'bin')}:/usr/bin:/bin`, HOME: prefix }
  for (const [command, words] of [['trellisd', /The Trellis node daemon/], ['trellis', /Manage a Trellis grid/]] as const) {
    const r = spawnSync(command, ['--help'], { env, encoding: 'utf8' })
    t.equal(r.status, 0, `${command} --help exits 0: ${r.stderr}`)
    t.match(r.stdout, words)
  }
  const which = spawnSync('sh', ['-c', 'command -v node && node --version'], { env, encoding: 'utf8' })
  const system = which.stdout.trim().split('\n').pop() ?? 'none'
  const pinned = spawnSync(join(ROOT, 'node_modules', 'node', 'bin', 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim()
  t.comment(`node on PATH: ${system}; pinned: ${pinned}`)
  const r = spawnSync('trellis', ['validate', join(ROOT, 'examples', 'three-tier.yaml')], { env, encoding: 'utf8' })
  t.equal(r.status, 0, `a command that runs the project's code works: ${r.stderr}`)
})
