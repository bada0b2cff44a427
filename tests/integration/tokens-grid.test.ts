/**
 * Secrets on a real two-node grid: after a join no process's arguments or
 * environment hold the join token or the grid key; a grid token made on one
 * node opens the other's API, a read-only one only reads, and a revoke on
 * one node shuts the token out of both; a write without a quorum names the
 * voters out of reach, while reads there answer from what the node last
 * knew, marked stale (island mode).
 */
import t from 'tap'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ClientError, TrellisClient } from '../../controller/client/index.ts'
import { startGrid, trellisCli, waitFor } from '../helpers/daemon.ts'

/** Every process's command line and environment on the machine, as ps (and anyone reading /proc) can see them. */
function everyProcessText (): string {
  const texts: string[] = []
  for (const pid of readdirSync('/proc').filter(p => /^\d+$/.test(p))) {
    for (const what of ['cmdline', 'environ']) {
      try { texts.push(readFileSync(`/proc/${pid}/${what}`).toString('utf8').replaceAll('\0', ' ')) } catch {}
    }
  }
  return texts.join('\n')
}

t.test('join leaves no secret in any process; grid tokens work on every node until revoked', async t => {
  const { nodes, tokenFile } = await startGrid(fn => t.teardown(fn), 2)
  const [a, b] = nodes as [typeof nodes[0], typeof nodes[0]]
  await waitFor('both nodes up in the grid', 60_000, async () => (await b.client.nodes()).filter(n => n.state === 'up').length === 2 ? true : undefined)

  const joinToken = readFileSync(tokenFile, 'utf8').trim()
  const gridKey = readFileSync(join(a.dataDir, 'grid.key'), 'utf8').trim().split('\n').pop()!
  const seen = everyProcessText()
  t.ok(seen.includes(`--token-file ${tokenFile}`), 'the joined daemon runs with the token file as its argument')
  t.notOk(seen.includes(joinToken), 'no process shows the join token')
  t.notOk(seen.includes(gridKey), 'nor the grid key')
  t.not(readFileSync(join(a.dataDir, 'admin.token'), 'utf8'), readFileSync(join(b.dataDir, 'admin.token'), 'utf8'), 'each node has its own admin token')

  const apiOf = (d: typeof a): string => (JSON.parse(readFileSync(join(d.dataDir, 'api.json'), 'utf8')) as { url: string }).url
  const made = await a.client.createToken('ops', 'admin')
  const reader = await a.client.createToken('dash', 'read-only')
  t.match(made.token, /^trl_/)
  // At once, before anything else asks b about tokens: b may not have applied the create yet, and must not refuse it.
  const opsOnB = new TrellisClient({ url: apiOf(b), token: made.token })
  const readerOnB = new TrellisClient({ url: apiOf(b), token: reader.token })
  t.ok(Array.isArray(await readerOnB.nodes()), 'read-only reads, on another node the moment after it was made')
  t.same((await b.client.tokens()).map(x => `${x.name}:${x.role}`), ['dash:read-only', 'ops:admin'], 'listed on the other node, without secrets')
  t.notOk(JSON.stringify(await b.client.tokens()).includes(made.token.slice(4)), 'no listing holds a secret')
  await t.rejects(readerOnB.revokeToken('ops'), { code: 'ERR_FORBIDDEN' }, 'but cannot write')
  await t.rejects(a.client.createToken('ops', 'admin'), { code: 'ERR_CONFLICT' }, 'a name is taken once')

  t.same(await b.client.revokeToken('ops'), { name: 'ops', revoked: true })
  const opsOnA = new TrellisClient({ url: apiOf(a), token: made.token })
  await waitFor('both nodes to refuse the revoked token', 10_000, async () => {
    for (const c of [opsOnA, opsOnB]) {
      try { await c.apps(); return undefined } catch (err) { if (!(err instanceof ClientError) || err.code !== 'ERR_UNAUTHORIZED') throw err }
    }
    return true
  })
  t.pass('revoked everywhere')

  // Two nodes keep one voter; crashed, it can hand nothing over (a clean stop may hand the vote on), so the
  // other can take no write, and says why in words.
  const voter = (await a.client.raft()).peers.find(p => p.suffrage === 'voter')!
  const [down, up] = voter.id === (await a.client.node()).id ? [a, b] : [b, a]
  // The survivor names the voter from its advert; under load the first one can come late (the next is 10 s on).
  await waitFor('the survivor to know the voter by name', 20_000, async () => (await up.client.nodes()).some(n => n.id === voter.id && n.name === voter.name) ? true : undefined)
  await down.crash()
  await t.rejects(up.client.createToken('late', 'admin'), { code: /^ERR_(NOT_LEADER|UNAVAILABLE)$/, message: new RegExp(`^no quorum, the grid cannot take this write now: 1 of 1 voters unreachable: ${voter.name} \\((suspect|down|left)\\)`) })

  // An island still answers reads, from what it last knew, and says so.
  const stale: string[] = []
  const island = new TrellisClient({ url: apiOf(up), token: readFileSync(join(up.dataDir, 'admin.token'), 'utf8').trim(), onStale: why => { stale.push(why) } })
  t.same(await island.apps(), [], 'the apps it knows (none)')
  t.match(stale, [/^no quorum (reachable for \d+ s|confirmed this read in [\d.]+ s): state as of applied index \d+$/], 'marked stale, with the reason')
  const cli = await trellisCli(up.dataDir, ['get', 'apps', '-o', 'json'])
  t.equal(cli.status, 0, 'the CLI lists them')
  t.same(JSON.parse(cli.stdout), [], 'its output stays parseable')
  t.match(cli.stderr, /^warning: this node cannot reach the grid's quorum; showing what it last knew \(no quorum/, 'and it warns on standard error')
  await t.rejects(island.createToken('later', 'admin'), { code: /^ERR_(NOT_LEADER|UNAVAILABLE)$/ }, 'writes are still refused')
})

t.test('reads in a grid with its quorum are not marked stale', async t => {
  const { nodes } = await startGrid(fn => t.teardown(fn), 2)
  const [a, b] = nodes as [typeof nodes[0], typeof nodes[0]]
  await waitFor('both nodes up in the grid', 60_000, async () => (await b.client.nodes()).filter(n => n.state === 'up').length === 2 ? true : undefined)
  for (const d of [a, b]) {
    const stale: string[] = []
    const url = (JSON.parse(readFileSync(join(d.dataDir, 'api.json'), 'utf8')) as { url: string }).url
    const c = new TrellisClient({ url, token: readFileSync(join(d.dataDir, 'admin.token'), 'utf8').trim(), onStale: why => { stale.push(why) } })
    await c.apps()
    await c.volumes()
    t.same(stale, [], 'no answer marked stale')
  }
})
