/**
 * A volume's block export for a VM: its own NBD socket, only its owner may
 * connect (a real NBD client, qemu-io, run as that user and as another), a
 * stale socket file is replaced, closing drops the socket; long ids get a
 * socket path that still fits.
 */
import t from 'tap'
import { execFile } from 'node:child_process'
import { chmod, mkdtemp, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { pino } from 'pino'
import { openSparseFileStore } from '../../../../daemon/volumes/block/index.ts'
import { BlockExport, blockSocketPath } from '../../../../daemon/volumes/grid/block-export.ts'
import { MiB, needs } from '../nbd/helpers.ts'

const run = promisify(execFile)
const OWNER = 1879050111
const STRANGER = 1879050112
const skip = needs('qemu-io', 'setpriv') || (process.getuid?.() === 0 ? false : 'needs root: the socket is given to another user')

/** qemu-io as `uid` against the export; its output, or the error it failed with. */
async function qemuIo (uid: number, socket: string, command: string): Promise<string> {
  const uri = `nbd+unix:///vol-a?socket=${socket}`
  try {
    const { stdout } = await run('setpriv', [`--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', 'qemu-io', '-f', 'raw', '-c', command, uri], { timeout: 30_000 })
    return stdout
  } catch (err) {
    return `failed: ${(err as { stderr?: string }).stderr ?? (err as Error).message}`
  }
}

t.test('the export is its owner\'s alone, replaces a stale socket and goes on close', { skip }, async t => {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-blocks-'))
  await chmod(dir, 0o711)
  const store = await openSparseFileStore({}, { dir: join(dir, 'store'), size: 16 * MiB })
  t.teardown(async () => {
    await store.close()
    await rm(dir, { recursive: true, force: true })
  })
  await writeFile(join(dir, 'vol-a.sock'), 'left by a daemon that died')
  const exp = await BlockExport.open({ logger: pino({ level: 'silent' }) }, { dir, id: 'vol-a', store, generation: 1, owner: { uid: OWNER, gid: OWNER } })
  t.equal(exp.path, join(dir, 'vol-a.sock'))
  const st = await stat(exp.path)
  t.ok(st.isSocket(), 'the stale file was replaced by the socket')
  t.same([st.uid, st.gid, st.mode & 0o777], [OWNER, OWNER, 0o600], 'owned by the volume\'s user, 0600')
  t.match(await qemuIo(OWNER, exp.path, 'write -P 0x5a 0 64k'), /wrote 65536\/65536 bytes/, 'the owner writes')
  t.match(await qemuIo(OWNER, exp.path, 'read -P 0x5a 0 64k'), /read 65536\/65536 bytes/, 'and reads it back')
  t.match(await qemuIo(STRANGER, exp.path, 'read 0 4k'), /^failed: .*(Permission denied|EACCES)/s, 'another user cannot connect')
  await exp.close()
  await t.rejects(stat(exp.path), { code: 'ENOENT' }, 'closing removes the socket')
})

t.test('a socket path fits in sun_path whatever the volume id', async t => {
  const dir = '/var/lib/trellis/blocks'
  t.equal(blockSocketPath(dir, 'shop.web.data'), `${dir}/shop.web.data.sock`, 'readable when it fits')
  const long = blockSocketPath(dir, `${'a'.repeat(150)}.web.data`)
  t.ok(Buffer.byteLength(long) <= 107, long)
  t.not(long, blockSocketPath(dir, `${'a'.repeat(150)}.web.datb`), 'distinct ids, distinct sockets')
})
