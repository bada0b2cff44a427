import t from 'tap'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import { decodeJoinToken, encodeJoinToken, initGrid, joinGrid, readJoinToken } from '../../../daemon/commands/index.ts'
import { GridKey } from '../../../daemon/mesh/index.ts'
import type { NodeConfig } from '../../../daemon/config.ts'

async function scratch (t: { teardown: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-join-'))
  t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
  return dir
}

const noStdin = (): NodeJS.ReadableStream => Readable.from([])

t.test('the join token is read from a file, standard input or the environment, never from an argument', async t => {
  const dir = await scratch(t)
  const token = encodeJoinToken({ gridKey: GridKey.create() })
  const file = join(dir, 'join.token')
  await writeFile(file, token + '\n', { mode: 0o600 })
  t.equal(await readJoinToken({ tokenFile: file, env: {}, stdin: noStdin() }, []), token, 'from a file')
  t.equal(await readJoinToken({ tokenStdin: true, env: {}, stdin: Readable.from([token + '\n']) }, []), token, 'from standard input')
  const env: NodeJS.ProcessEnv = { TRELLIS_JOIN_TOKEN: token }
  t.equal(await readJoinToken({ env, stdin: noStdin() }, []), token, 'from the environment')
  t.equal(env.TRELLIS_JOIN_TOKEN, undefined, 'and the variable is gone, so no child inherits it')
  await t.rejects(readJoinToken({ env: {}, stdin: noStdin() }, [token, '/ip4/127.0.0.1/tcp/1/p2p/x']), { code: 'ERR_JOIN_TOKEN_INVALID', message: /never as an argument/ })
  await t.rejects(readJoinToken({ env: {}, stdin: noStdin() }, []), { code: 'ERR_JOIN_TOKEN_INVALID', message: /--token-file/ }, 'nothing given: says where to give it')
  await t.rejects(readJoinToken({ tokenFile: join(dir, 'missing'), env: {}, stdin: noStdin() }, []), { code: 'ERR_JOIN_TOKEN_INVALID', message: /ENOENT/ })
})

t.test('init writes the join token to a 0600 file and prints no secret; join takes it and no admin token comes with it', async t => {
  const first = await scratch(t)
  const second = await scratch(t)
  const config = (dataDir: string, listen: string): NodeConfig => ({ dataDir, listen: [listen], mdns: false, name: 'n' } as unknown as NodeConfig)
  const out = await initGrid(config(first, '/ip4/127.0.0.1/tcp/7499'), { announce: '127.0.0.1' })
  const file = join(first, 'join.token')
  t.equal((await stat(file)).mode & 0o777, 0o600)
  const token = (await readFile(file, 'utf8')).trim()
  t.notMatch(out, token.slice(0, 30), 'the output does not hold the token')
  t.match(out, /trellisd join --token-file join\.token \/ip4\/127\.0\.0\.1\/tcp\/7499\/p2p\//)
  const address = out.split('\n').find(l => l.includes('trellisd join'))!.trim().split(/\s+/)[4]!
  t.match(await joinGrid(config(second, '/ip4/127.0.0.1/tcp/0'), token, [address]), /joining grid [0-9a-f]+, through 1 member address/)
  t.equal((await readFile(join(second, 'grid.key'), 'utf8')), await readFile(join(first, 'grid.key'), 'utf8'), 'the same grid key')
  await t.rejects(stat(join(second, 'admin.token')), { code: 'ENOENT' }, 'joining hands out no admin token')
})

t.test('a token from before the split still joins: its admin part is ignored', async t => {
  const gridKey = GridKey.create()
  const old = 'trellis1.' + Buffer.from(JSON.stringify({ key: Buffer.from(gridKey.encode()).toString('utf8'), admin: 'x'.repeat(32) })).toString('base64url')
  t.ok(decodeJoinToken(old).gridKey.equals(gridKey))
  t.throws(() => decodeJoinToken('trellis1.' + Buffer.from('{}').toString('base64url')), { code: 'ERR_JOIN_TOKEN_INVALID' })
})
