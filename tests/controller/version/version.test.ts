/** `trellis --version` and `trellisd --version` print package.json's version and exit 0. */
import t from 'tap'
import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { ROOT } from '../../helpers/daemon.ts'

const run = promisify(execFile)
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }

for (const [program, main] of [['trellis', 'controller/cli/main.ts'], ['trellisd', 'daemon/main.ts']] as const) {
  t.test(`${program} --version`, async t => {
    const { stdout } = await run(process.execPath, [join(ROOT, main), '--version'], { timeout: 30_000 })
    t.equal(stdout.trim(), `${program} ${version} (node ${process.version})`)
  })
}
