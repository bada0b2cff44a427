import t from 'tap'
import { APP_HISTORY, apply, decodeCommand, deleteApp, emptyState, encodeCommand, putApp, COMMAND_VERSION } from '../../../controller/state/index.ts'
import type { AppSpec } from '../../../controller/graph/types.ts'
import { trellis } from '../../../proto/gen/trellis.js'

function spec (name: string, count = 1): AppSpec {
  return {
    name,
    components: [{ name: 'web', image: 'web', count, properties: {}, resources: { cpu: 0.25, memory: 1, disk: 0 }, connections: [], volumes: [], constraints: [], antiAffinity: false }],
    entries: [],
    constraints: []
  }
}

t.test('put, update, unchanged and delete, by table', async t => {
  const state = emptyState()
  const steps: Array<[ReturnType<typeof putApp>, unknown]> = [
    [putApp(spec('a'), 'src1'), { kind: 'app-put', name: 'a', version: 1, revision: 1, change: 'created' }],
    [putApp(spec('a'), 'src1 again'), { kind: 'app-put', name: 'a', version: 1, revision: 1, change: 'unchanged' }],
    [putApp(spec('a', 3), 'src2'), { kind: 'app-put', name: 'a', version: 3, revision: 2, change: 'updated' }],
    [putApp(spec('b'), 'b'), { kind: 'app-put', name: 'b', version: 4, revision: 1, change: 'created' }],
    [deleteApp('a'), { kind: 'app-deleted', name: 'a', existed: true }],
    [deleteApp('a'), { kind: 'app-deleted', name: 'a', existed: false }]
  ]
  for (const [i, [command, want]] of steps.entries()) {
    t.same(apply(state, i + 1, command), want, `step ${i + 1}`)
  }
  t.same([...state.apps.keys()], ['b'])
  t.equal(state.appliedIndex, 6)
  t.equal(state.apps.get('b')?.createdIndex, 4)
})

t.test('updated app keeps its creation index and takes the new source', async t => {
  const state = emptyState()
  apply(state, 1, putApp(spec('a'), 'one'))
  apply(state, 2, putApp(spec('a', 2), 'two'))
  t.equal(state.apps.get('a')?.createdIndex, 1)
  t.equal(state.apps.get('a')?.source, 'two')
  t.equal(state.apps.get('a')?.spec.components[0]?.count, 2)
})

t.test('the same commands give the same state (determinism)', async t => {
  const commands = [putApp(spec('a'), 'x'), putApp(spec('b', 2), 'y'), deleteApp('a'), putApp(spec('a', 4), 'z')]
  const one = emptyState()
  const two = emptyState()
  commands.forEach((c, i) => apply(one, i + 1, decodeCommand(encodeCommand(c))))
  commands.forEach((c, i) => apply(two, i + 1, decodeCommand(encodeCommand(c))))
  t.same([...one.apps.entries()], [...two.apps.entries()])
})

t.test('gaps in the index are refused and change nothing', async t => {
  const state = emptyState()
  t.throws(() => apply(state, 2, putApp(spec('a'), '')), { code: 'ERR_BAD_COMMAND' })
  t.equal(state.appliedIndex, 0)
  t.equal(state.apps.size, 0)
})

t.test('decode refuses garbage, empty commands and future versions', async t => {
  t.throws(() => decodeCommand(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f])), { code: 'ERR_BAD_COMMAND' })
  t.throws(() => decodeCommand(trellis.state.Command.encode({ version: 1 }).finish()), { code: 'ERR_BAD_COMMAND' })
  const future = trellis.state.Command.encode({ version: COMMAND_VERSION + 1, deleteApp: { name: 'a' } }).finish()
  t.throws(() => decodeCommand(future), { code: 'ERR_UNSUPPORTED_COMMAND' })
})

t.test('revisions count 1, 2, 3 per app; history keeps the last APP_HISTORY with rollbacks marked', async t => {
  const state = emptyState()
  let index = 0
  for (let n = 1; n <= APP_HISTORY + 3; n++) apply(state, ++index, putApp(spec('a', n), `v${n}`))
  apply(state, ++index, putApp(spec('b'), 'b'))
  const a = state.apps.get('a')!
  t.equal(a.revision, APP_HISTORY + 3)
  t.equal(state.apps.get('b')?.revision, 1, 'each app counts its own')
  t.same(a.history?.map(r => r.revision), Array.from({ length: APP_HISTORY }, (_, i) => i + 4), 'the oldest fall off')
  t.equal(a.history?.at(-1)?.source, `v${APP_HISTORY + 3}`)
  const back = a.history![0]!
  t.same(apply(state, ++index, putApp(back.spec, back.source, '', back.revision)), { kind: 'app-put', name: 'a', version: index, revision: APP_HISTORY + 4, change: 'updated' }, 'a rollback is a new revision')
  t.equal(state.apps.get('a')?.history?.at(-1)?.rollbackOf, back.revision)
  t.same(state.apps.get('a')?.spec, back.spec)
})

t.test('a record from before revisions counts as revision 1', async t => {
  const state = emptyState()
  apply(state, 1, putApp(spec('a'), 'one'))
  const old = state.apps.get('a')!
  delete old.revision
  delete old.history
  t.same(apply(state, 2, putApp(spec('a', 2), 'two')), { kind: 'app-put', name: 'a', version: 2, revision: 2, change: 'updated' })
})
