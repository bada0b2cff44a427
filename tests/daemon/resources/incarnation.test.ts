import t from 'tap'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { INCARNATION_FILE, nextIncarnation } from '../../../daemon/resources/index.ts'

t.test('each start gets a higher incarnation, persisted in the data dir', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-incarnation-'))
  t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
  const never = (): number => { throw new Error('clock must not be read') }
  t.equal(await nextIncarnation(dir, never), 1)
  t.equal(await nextIncarnation(dir, never), 2)
  t.equal(await nextIncarnation(dir, never), 3)
  t.equal((await readFile(join(dir, INCARNATION_FILE), 'utf8')).trim(), '3')

  await writeFile(join(dir, INCARNATION_FILE), 'garbled\n')
  t.equal(await nextIncarnation(dir, () => 1_760_000_000_000), 1_760_000_000_000, 'garbled: the clock, larger than any count')
  t.equal(await nextIncarnation(dir, never), 1_760_000_000_001, 'and counting goes on from there')
})

t.test('a data dir that does not exist yet is created', async t => {
  const parent = await mkdtemp(join(tmpdir(), 'trellis-incarnation-'))
  t.teardown(async () => { await rm(parent, { recursive: true, force: true }) })
  t.equal(await nextIncarnation(join(parent, 'data')), 1)
})
