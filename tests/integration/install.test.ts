/**
 * trellis and trellisd on PATH, run on the Node the project pins even when
 * the `node` first on PATH is older (this machine's is 20): through `npm
 * link` of the checkout, and through `npm install -g` of the tarball `npm
 * pack` makes. Everything goes into scratch prefixes, never the machine's.
 */
import t from 'tap'
import { execFile, execFileSync, spawnSync } from 'node:child_process'
import { chmod, mkdir, mkdtemp, readlink, rename, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT, freePort, startDaemon } from '../helpers/daemon.ts'

const run = promisify(execFile)
const PINNED_NODE = join(ROOT, 'node_modules', 'node', 'bin', 'node')

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
  const pinned = spawnSync(PINNED_NODE, ['--version'], { encoding: 'utf8' }).stdout.trim()
  t.comment(`node on PATH: ${system}; pinned: ${pinned}`)
  const r = spawnSync('trellis', ['validate', join(ROOT, 'examples', 'three-tier.yaml')], { env, encoding: 'utf8' })
  t.equal(r.status, 0, `a command that runs the project's code works: ${r.stderr}`)
})

// About a minute (tsc build, npm pack, a registry metadata fetch, a 52 MB Node unpacked):
// run by `npm run test:install`, kept out of `npm test` for its 15-minute budget.
const pack = process.env.TRELLIS_TEST_PACK === '1' ? false : 'run by npm run test:install (TRELLIS_TEST_PACK=1)'
t.test('npm install -g of the packed tarball: both commands, on the Node it brings, run a grid', { skip: pack }, async t => {
  const work = await mkdtemp(join(tmpdir(), 'trellis-pack-'))
  t.teardown(async () => { await rm(work, { recursive: true, force: true }) })
  const prefix = join(work, 'prefix')
  const started = Date.now()
  const { stdout: packed } = await run('npm', ['pack', '--silent', '--pack-destination', work], { cwd: ROOT, maxBuffer: 16 << 20 })
  const tarball = join(work, packed.trim().split('\n').pop()!)
  const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8', maxBuffer: 16 << 20 }).split('\n')
  for (const file of ['package/bin/trellisd', 'package/dist/daemon/main.js', 'package/dist/controller/cli/main.js', 'package/dist/proto/gen/trellis.js',
    'package/dist/controller/console/web/index.html', 'package/dist/images/web/manifest.yaml', 'package/dist/images/web/shared/index.ts']) {
    t.ok(listing.includes(file), `the tarball holds ${file}`)
  }
  t.notOk(listing.some(f => f.startsWith('package/tests/') || f.endsWith('.test.ts')), 'and no tests')
  const packedAt = Date.now()
  // Packuments cached by an earlier install are used without asking the registry again.
  await run('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel', 'error', tarball], { cwd: work, maxBuffer: 16 << 20 })
  t.comment(`npm pack ${packedAt - started} ms, npm install -g ${Date.now() - packedAt} ms`)

  const pkg = join(prefix, 'lib', 'node_modules', 'trellis')
  const env = { PATH: `${join(prefix, 'bin')}:/usr/bin:/bin`, HOME: work }
  for (const program of ['trellis', 'trellisd']) {
    const r = spawnSync(program, ['--version'], { env, encoding: 'utf8' })
    t.equal(r.status, 0, `${program} --version exits 0: ${r.stderr}`)
    t.match(r.stdout, new RegExp(`^${program} \\d+\\.\\d+\\.\\d+ \\(node v24\\.`), `${program} runs on Node 24`)
  }

  const port = await freePort()
  const trellisd = join(prefix, 'bin', 'trellisd')
  const daemon = await startDaemon(t.teardown.bind(t), {
    program: trellisd,
    extraArgs: ['--no-mdns', '--name', 'packed-0'],
    prepare: async dir => {
      await run(trellisd, ['init', '--data-dir', dir, '--listen', `/ip4/127.0.0.1/tcp/${port}`, '--announce', '127.0.0.1', '--name', 'packed-0'], { env, timeout: 60_000 })
    }
  })
  t.equal(await readlink(`/proc/${daemon.process.pid}/exe`), join(pkg, 'node_modules', 'node', 'bin', 'node'), 'the daemon is the Node installed with the package')
  const nodes = await run(join(prefix, 'bin', 'trellis'), ['--data-dir', daemon.dataDir, 'nodes'], { env, timeout: 60_000 })
  t.match(nodes.stdout, /NAME\s+STATE/)
  t.match(nodes.stdout, /packed-0[ *]+up\b/, 'the installed CLI sees the installed daemon up')
  await daemon.stop()
  t.equal(daemon.process.exitCode, 0, 'SIGTERM stops it cleanly')

  // Without the pinned Node: a node 22.18+ on PATH runs it, an older one is refused, by name.
  await rename(join(pkg, 'node_modules', 'node', 'bin', 'node'), join(work, 'pinned-node'))
  const onPath = spawnSync('trellis', ['--version'], { env: { ...env, PATH: `${dirname(PINNED_NODE)}:${env.PATH}` }, encoding: 'utf8' })
  t.equal(onPath.status, 0, `a Node 24 on PATH runs it: ${onPath.stderr}`)
  t.match(onPath.stdout, /\(node v24\./)
  const old = join(work, 'old')
  await mkdir(old)
  await writeFile(join(old, 'node'), '#!/bin/sh\necho v22.17.1\n')
  await chmod(join(old, 'node'), 0o755)
  const refused = spawnSync('trellisd', ['--version'], { env: { ...env, PATH: `${old}:${env.PATH}` }, encoding: 'utf8' })
  t.equal(refused.status, 1, 'an older node on PATH is refused')
  t.match(refused.stderr, /trellisd: needs Node\.js 22\.18 or newer.*v22\.17\.1/)
})
