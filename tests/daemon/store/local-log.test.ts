import t from 'tap'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { LocalLog, openStore } from '../../../daemon/store/index.ts'
import { deleteApp, putApp } from '../../../controller/state/index.ts'
import type { AppSpec } from '../../../controller/graph/types.ts'

const logger = pino({ level: 'silent' })
const spec = (name: string): AppSpec => ({ name, components: [], entries: [], constraints: [] })

t.test('commands are durable and replayed in order on open', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-log-'))
  t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
  const store = await openStore(dir)
  const log = await LocalLog.open(store, logger)
  const seen: number[] = []
  log.onApplied((_, index) => seen.push(index))
  const results = await Promise.all([
    log.propose(putApp(spec('a'), 'a')),
    log.propose(putApp(spec('b'), 'b')),
    log.propose(deleteApp('a'))
  ])
  t.same(results.map(r => r.kind), ['app-put', 'app-put', 'app-deleted'])
  t.same(seen, [1, 2, 3], 'applied in proposal order with dense indexes')
  await log.close()
  await store.close()

  const again = await openStore(dir)
  const replayed = await LocalLog.open(again, logger)
  t.same([...replayed.state.apps.keys()], ['b'])
  t.equal(replayed.state.appliedIndex, 3)
  const next = await replayed.propose(putApp(spec('c'), 'c'))
  t.same(next, { kind: 'app-put', name: 'c', version: 4, revision: 1, change: 'created' })
  await replayed.close()
  await again.close()
})

t.test('a proposal after close is refused', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-log-'))
  const store = await openStore(dir)
  t.teardown(async () => { await store.close(); await rm(dir, { recursive: true, force: true }) })
  const log = await LocalLog.open(store, logger)
  await log.close()
  await t.rejects(log.propose(putApp(spec('a'), 'a')))
  t.equal(log.state.apps.size, 0)
})
