import t from 'tap'
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'

const MODULE = pathToFileURL(join(import.meta.dirname, 'process-end.ts')).href

/** Runs a child that registers cleanups writing marker files, then ends by `how`; resolves with its exit code. */
async function child (dir: string, how: 'signal' | 'exit' | 'forgotten'): Promise<number | null> {
  const script = `import { onProcessEnd } from ${JSON.stringify(MODULE)}
import { writeFileSync } from 'node:fs'
const forget = onProcessEnd(() => { writeFileSync(${JSON.stringify(join(dir, 'ran'))}, '') })
if (${JSON.stringify(how)} === 'forgotten') forget()
setInterval(() => {}, 1000)
process.stdout.write('ready\\n')
if (${JSON.stringify(how)} !== 'signal') process.exit(0)`
  const c = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] })
  c.stdout.once('data', () => { if (how === 'signal') c.kill('SIGTERM') })
  return await new Promise(resolve => c.once('exit', code => { resolve(code) }))
}

t.test('a cleanup runs when the process is signalled, and it still ends as signalled', async t => {
  const dir = t.testdir()
  t.equal(await child(dir, 'signal'), 143, 'exit code 128 + SIGTERM')
  t.ok(existsSync(join(dir, 'ran')), 'the cleanup ran')
})

t.test('a cleanup runs at a normal exit', async t => {
  const dir = t.testdir()
  t.equal(await child(dir, 'exit'), 0)
  t.ok(existsSync(join(dir, 'ran')), 'the cleanup ran')
})

t.test('a forgotten cleanup does not run', async t => {
  const dir = t.testdir()
  t.equal(await child(dir, 'forgotten'), 0)
  t.notOk(existsSync(join(dir, 'ran')), 'the cleanup did not run')
})
