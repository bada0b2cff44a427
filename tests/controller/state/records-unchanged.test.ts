/**
 * The state machine never changes a record where it lies: a change puts a
 * new record in its map. The Raft driver relies on it to serialize a
 * snapshot from the records of one index while later commands apply
 * (daemon/consensus/snapshot.ts). Every record is frozen, deeply, before each
 * command of a script that uses every kind of command (an assignment to a
 * frozen object throws in a module), and the result must match the same
 * script applied to records nobody froze.
 */
import t from 'tap'
import { createHash } from 'node:crypto'
import type { AppSpec } from '../../../controller/graph/types.ts'
import {
  apply, copyVolume, deleteApp, deleteImage, deleteSnapshot, emptyState, imageHeld, placeApp, putApp, putImage, putToken,
  revokeNode, revokeToken, setNodeAdmin, setPower, updateVolume, type Command, type GridState, type ImageImport
} from '../../../controller/state/index.ts'

const GiB = 1024 ** 3

function spec (count: number, replicas: number, digest?: string): AppSpec {
  return {
    name: 'a',
    components: [{
      name: 'db', image: 'db', ...(digest === undefined ? {} : { digest }), count, properties: {}, resources: { cpu: 0.1, memory: 1, disk: 0 },
      connections: [], volumes: [{ name: 'data', size: GiB, replicas, mount: '/data' }], constraints: [], antiAffinity: false
    }],
    entries: [],
    constraints: []
  }
}

function image (version: string, holder: string): ImageImport {
  const digest = createHash('sha256').update(`db@${version}`).digest('hex')
  return { name: 'db', version, digest: `sha256:${digest}`, size: 10, chunkSize: 4 * 1024 * 1024, chunks: [digest], manifest: `name: db\nversion: ${version}\n`, holder }
}

/** Every kind of command, including each that used to change a record in place. Apps are at index 1 and 4 (version). */
const one = image('1.0', 'n1')
const SCRIPT: Command[] = [
  putApp(spec(1, 2), 'first', 'n1'), //                                           1: app created
  putApp(spec(1, 2), 'same graph, new source', 'n2'), //                          2: unchanged, its source replaced
  putImage(one), //                                                               3: image created
  putApp(spec(1, 3, one.digest), 'pinned', 'n2'), //                              4: app updated
  placeApp('a', 4, [{ instance: 'a.db.0', node: 'n1' }], 'placed', [{ volume: 'a.db.data', members: ['n1', 'n2', 'n3'] }]), // 5: volume created
  placeApp('a', 4, [{ instance: 'a.db.0', node: 'n2' }], 'moved'), //             6: the volume's primary and generation
  updateVolume('a.db.data', 6, { removeInSync: ['n3'] }, 'replica failed'), //    7: its sets
  putImage({ ...one, holder: 'n2' }), //                                          8: a holder added
  imageHeld(one.digest, 'n3', true), //                                           9
  imageHeld(one.digest, 'n1', false), //                                         10: a holder removed
  copyVolume('a.db.data', 'a.db.data@s1', { app: '', component: '', name: '' }), // 11
  deleteSnapshot('a.db.data@s1'), //                                             12
  setNodeAdmin('n3', { cordoned: true, draining: false }), //                    13
  setNodeAdmin('n3', { cordoned: true, draining: true, parked: true }), //       14
  setPower({ consolidate: true, lowPercent: 20 }), //                            15
  setPower({ consolidate: false }), //                                           16
  putToken('ops', 'ab'.repeat(32), 'read-only'), //                                       17
  revokeToken('ops'), //                                                         18
  revokeNode('n9'), //                                                           19
  deleteApp('a'), //                                                             20
  deleteImage('db', '1.0') //                                                    21
]

function deepFreeze (value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return
  Object.freeze(value)
  for (const v of Object.values(value)) deepFreeze(v)
}

/** Each record of the state, by map and key, as JSON: what a snapshot taken now would hold. */
function records (s: GridState): Record<string, string> {
  const out: Record<string, string> = { power: JSON.stringify(s.power) }
  for (const [name, map] of Object.entries({ apps: s.apps, placements: s.placements, nodes: s.nodes, volumes: s.volumes, images: s.images, tokens: s.tokens, revoked: s.revoked })) {
    for (const [k, v] of map as Map<string, unknown>) out[`${name}/${k}`] = JSON.stringify(v)
  }
  return out
}

t.test('no command changes a record in place: frozen records give the same results and states', async t => {
  const frozen = emptyState()
  const plain = emptyState()
  for (const [i, command] of SCRIPT.entries()) {
    const index = i + 1
    for (const map of [frozen.apps, frozen.placements, frozen.nodes, frozen.volumes, frozen.images, frozen.tokens]) for (const r of map.values()) deepFreeze(r)
    deepFreeze(frozen.power)
    const before = records(frozen)
    const held = new Map([...frozen.apps, ...frozen.volumes, ...frozen.images].map(([k, v]) => [k, v]))
    const result = apply(frozen, index, command)
    t.same(result, apply(plain, index, command), `command ${index} (${String(command.kind)}) gives the same result`)
    t.same(records(frozen), records(plain), `and the same state after it`)
    // The records taken before the command still say what they said then.
    for (const [k, v] of held) t.equal(JSON.stringify(v), before[`apps/${k}`] ?? before[`volumes/${k}`] ?? before[`images/${k}`], `${k} as it was before command ${index}`)
  }
  t.equal(frozen.apps.size, 0, 'the script ends with the app deleted')
})

t.test('the script changes what it means to: each formerly in-place change lands in a new record', async t => {
  const s = emptyState()
  const at = (n: number): void => { for (let i = s.appliedIndex; i < n; i++) apply(s, i + 1, SCRIPT[i]!) }
  at(1)
  const created = s.apps.get('a')!
  at(2)
  t.equal(s.apps.get('a')?.source, 'same graph, new source')
  t.equal(created.source, 'first', 'the record of index 1 kept its source')
  at(5)
  const attached = s.volumes.get('a.db.data')!
  at(6)
  t.match(s.volumes.get('a.db.data'), { primary: 'n2', generation: 6, replicas: 3 })
  t.match(attached, { primary: 'n1', generation: 5 })
  at(7)
  t.same(s.volumes.get('a.db.data')?.inSync, ['n1', 'n2'])
  t.same(attached.inSync, ['n1', 'n2', 'n3'])
  const held = s.images.get(one.digest)!
  at(10)
  t.same(s.images.get(one.digest)?.holders, ['n2', 'n3'])
  t.same(held.holders, ['n1'])
})
