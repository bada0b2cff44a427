/** The bash completion script, sourced into a real bash and asked what it offers. */
import t from 'tap'
import { execFileSync, spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { ROOT } from '../../helpers/daemon.ts'

const script = execFileSync(process.execPath, [join(ROOT, 'controller', 'cli', 'main.ts'), 'completion', 'bash'], { encoding: 'utf8' })

function offers (...words: string[]): string[] {
  const array = words.map(w => `'${w}'`).join(' ')
  const r = spawnSync('bash', ['-c', `${script}\nCOMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _trellis; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8', cwd: ROOT })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout.split('\n').filter(l => l !== '').sort()
}

t.test('bash completion follows the command tree', async t => {
  t.ok(offers('trellis', '').includes('image'), 'top-level commands')
  t.same(offers('trellis', 'ima'), ['image'])
  t.same(offers('trellis', '--data-dir', '/var/lib/trellis', 'image', 'ex'), ['export'], 'an option\'s value is not taken for a command')
  t.same(offers('trellis', 'token', ''), ['create', 'list', 'revoke'])
  t.ok(offers('trellis', 'image', 'export', '--').includes('--file'), 'the command\'s own options')
  t.ok(offers('trellis', 'image', 'export', '--').includes('--data-dir'), 'and the global ones')
  t.same(offers('trellis', 'apply', '-f', 'exampl'), ['examples'], 'files where no command fits')
  t.equal(spawnSync(process.execPath, [join(ROOT, 'controller', 'cli', 'main.ts'), 'completion', 'fish'], { encoding: 'utf8' }).status, 2, 'an unknown shell is a usage error')
})
