import t from 'tap'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from '../../proto/generate.ts'
import { ROOT } from '../helpers/daemon.ts'

t.test('proto/gen matches the .proto files (run `npm run proto` after editing them)', async t => {
  const out = await mkdtemp(join(tmpdir(), 'trellis-proto-'))
  t.teardown(async () => { await rm(out, { recursive: true, force: true }) })
  generate(out)
  for (const file of ['trellis.js', 'trellis.d.ts']) {
    t.equal(await readFile(join(out, file), 'utf8'), await readFile(join(ROOT, 'proto', 'gen', file), 'utf8'), `${file} is up to date`)
  }
})
