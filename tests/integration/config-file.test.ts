/** trellisd --config: a YAML file of the flags' settings, checked as the flags are, with the command line winning. */
import t from 'tap'
import { spawnSync } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, startDaemon } from '../helpers/daemon.ts'

function trellisd (...args: string[]): { status: number | null, stderr: string } {
  const r = spawnSync(process.execPath, [join(ROOT, 'daemon', 'main.ts'), ...args], { encoding: 'utf8', timeout: 30_000 })
  return { status: r.status, stderr: r.stderr }
}

t.test('a config file sets a node up; a flag on the command line wins', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-config-'))
  t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
  const file = join(dir, 'trellisd.yaml')
  await writeFile(file, 'name: from-file\nzone: rack-9\nlabel:\n  rack: r9\n  row: "4"\nmdns: false\nstop-grace: 1500\n')
  const d = await startDaemon(fn => t.teardown(fn), { extraArgs: ['--config', file] })
  const node = await d.client.node()
  t.equal(node.name, 'from-file')
  t.equal(node.zone, 'rack-9')
  t.same(node.labels, { rack: 'r9', row: '4' })

  const other = await startDaemon(fn => t.teardown(fn), { extraArgs: ['--config', file, '--name', 'from-flag'] })
  t.equal((await other.client.node()).name, 'from-flag', 'the command line wins')
})

t.test('a bad config file is refused, naming the file and the setting', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-config-'))
  t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
  const cases: Array<[string, RegExp]> = [
    ['nmae: x\n', /unknown setting "nmae" \(settings are the flags' names: .*name.*\)/],
    ['stop-grace: [1, 2]\n', /stop-grace takes one value/],
    ['keep-instances: 5\n', /keep-instances is on or off/],
    ['name: true\n', /name wants a value/],
    ['image-replicas: 0\n', /--image-replicas wants a whole number above 0/],
    ['vm-accel: fast\n', /--vm-accel wants auto, kvm or tcg/],
    ['- a\n- b\n', /expected settings/]
  ]
  for (const [text, message] of cases) {
    const file = join(dir, 'bad.yaml')
    await writeFile(file, text)
    const r = trellisd('--config', file, '--data-dir', join(dir, 'data'))
    t.equal(r.status, 1, text.trim())
    t.match(r.stderr, message, text.trim())
  }
  t.match(trellisd('--config', join(dir, 'missing.yaml')).stderr, /cannot read the config file .*missing.yaml: ENOENT/)
})
