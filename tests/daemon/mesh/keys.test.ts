import t from 'tap'
import { randomBytes } from 'node:crypto'
import type { Test } from 'tap'
import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { inspect } from 'node:util'
import { peerIdFromPrivateKey } from '@libp2p/peer-id'
import { GridKey, loadGridKey, loadNodeKey, NODE_KEY_FILE, saveGridKey } from '../../../daemon/mesh/index.ts'

/** A temporary directory removed when the test ends. */
async function tempDir (t: Test): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-keys-'))
  t.teardown(() => rm(dir, { recursive: true, force: true }))
  return dir
}

async function modeOf (file: string): Promise<number> {
  return (await stat(file)).mode & 0o777
}

const HEX = 'ab'.repeat(32)
const VALID = `/key/swarm/psk/1.0.0/\n/base16/\n${HEX}`

t.test('a grid key survives save and load, in a file only its owner can read', async t => {
  const dir = await tempDir(t)
  const file = join(dir, 'grid.key')
  const key = GridKey.create()
  await saveGridKey(file, key)
  t.equal(await modeOf(file), 0o600)
  t.match((await readFile(file, 'utf8')), /^\/key\/swarm\/psk\/1\.0\.0\/\n\/base16\/\n[0-9a-f]{64}\n$/, 'swarm.key format')
  const loaded = await loadGridKey(file)
  t.ok(loaded.equals(key), 'the same key')
  t.equal(loaded.fingerprint, key.fingerprint)
  t.notOk(GridKey.create().equals(key), 'a new key differs')

  await saveGridKey(file, GridKey.create())
  t.notOk((await loadGridKey(file)).equals(key), 'saving again replaces the key')
  t.equal(await modeOf(file), 0o600)
})

t.test('a swarm.key written by go-ipfs tooling is read, and written back the same', async t => {
  const theirs = Buffer.from(`/key/swarm/psk/1.0.0/\n/base16/\n${randomBytes(32).toString('hex')}`)
  const parsed = GridKey.parse(theirs)
  t.ok(Buffer.from(parsed.encode()).equals(theirs), 'the same bytes back')
})

t.test('the usual variations of a key file are accepted', async t => {
  const key = GridKey.parse(VALID)
  t.ok(GridKey.parse(`${VALID}\n`).equals(key), 'a trailing newline')
  t.ok(GridKey.parse(VALID.replaceAll('\n', '\r\n') + '\r\n').equals(key), 'CRLF line ends')
  t.ok(GridKey.parse(VALID.toUpperCase().replace('/KEY/SWARM/PSK/1.0.0/', '/key/swarm/psk/1.0.0/').replace('/BASE16/', '/base16/')).equals(key), 'upper-case hex')
})

t.test('a malformed grid key is refused with ERR_GRID_KEY_INVALID, and the message never quotes the key', async t => {
  const cases: Array<[string, string]> = [
    ['empty', ''],
    ['only blank lines', '\n\n'],
    ['wrong header', `/key/swarm/psk/2.0.0/\n/base16/\n${HEX}`],
    ['a bare hex key', HEX],
    ['no encoding line', '/key/swarm/psk/1.0.0/'],
    ['another encoding', `/key/swarm/psk/1.0.0/\n/base64/\n${HEX}`],
    ['no key line', '/key/swarm/psk/1.0.0/\n/base16/\n'],
    ['a short key', `/key/swarm/psk/1.0.0/\n/base16/\n${HEX.slice(2)}`],
    ['a long key', `/key/swarm/psk/1.0.0/\n/base16/\n${HEX}00`],
    ['not hex', `/key/swarm/psk/1.0.0/\n/base16/\n${'zz'.repeat(32)}`],
    ['trailing junk', `${VALID}\nmore`]
  ]
  for (const [name, text] of cases) {
    let error: unknown
    try { GridKey.parse(text) } catch (err) { error = err }
    t.match(error, { code: 'ERR_GRID_KEY_INVALID' }, name)
    t.notMatch((error as Error | undefined)?.message ?? '', /abab|zzzz/, `${name}: no key material in the message`)
  }
})

t.test('a grid key does not leak through logging', async t => {
  const key = GridKey.parse(VALID)
  for (const shown of [String(key), JSON.stringify(key), inspect(key), inspect({ key }), `${key}`]) {
    t.notMatch(shown, /abab/, shown)
    t.match(shown, key.fingerprint)
  }
  t.match(key.fingerprint, /^[0-9a-f]{16}$/)
  t.match(key.tag('mdns'), /^[0-9a-f]{8}$/)
  t.not(key.tag('mdns'), key.tag('other'), 'tags differ by purpose')
})

t.test('a key file open to group or others is refused', async t => {
  const dir = await tempDir(t)
  const file = join(dir, 'grid.key')
  await saveGridKey(file, GridKey.create())
  for (const mode of [0o640, 0o604, 0o660, 0o644]) {
    await chmod(file, mode)
    await t.rejects(loadGridKey(file), { code: 'ERR_KEY_FILE_EXPOSED' }, mode.toString(8))
  }
  await chmod(file, 0o400)
  await t.resolves(loadGridKey(file), 'read-only for the owner is fine')
  await t.rejects(loadGridKey(dir), { code: 'ERR_KEY_FILE_EXPOSED' }, 'a directory is not a key file')
  await t.rejects(loadGridKey(join(dir, 'missing.key')), { code: 'ENOENT' })
})

t.test('the node key is made once and gives the same peer id on every load', async t => {
  const dir = join(await tempDir(t), 'data')
  const first = await loadNodeKey(dir)
  t.equal(first.type, 'Ed25519')
  const file = join(dir, NODE_KEY_FILE)
  t.equal(await modeOf(file), 0o600)
  const again = await loadNodeKey(dir)
  t.ok(again.equals(first), 'the same key')
  t.equal(peerIdFromPrivateKey(again).toString(), peerIdFromPrivateKey(first).toString(), 'the same peer id')

  const [x, y] = await Promise.all([loadNodeKey(join(dir, 'race')), loadNodeKey(join(dir, 'race'))])
  t.ok(x.equals(y), 'two first starts at once agree on one key')
})

t.test('a damaged or exposed node key is refused, never replaced', async t => {
  const dir = await tempDir(t)
  const file = join(dir, NODE_KEY_FILE)
  await writeFile(file, 'not a key', { mode: 0o600 })
  await t.rejects(loadNodeKey(dir), { code: 'ERR_NODE_KEY_INVALID' })
  t.equal(await readFile(file, 'utf8'), 'not a key', 'the file is left for the operator')

  await rm(file)
  const key = await loadNodeKey(dir)
  await chmod(file, 0o644)
  await t.rejects(loadNodeKey(dir), { code: 'ERR_KEY_FILE_EXPOSED' })
  await chmod(file, 0o600)
  t.ok((await loadNodeKey(dir)).equals(key))
})
