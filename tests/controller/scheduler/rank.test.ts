import t from 'tap'
import { schedule } from '../../../controller/scheduler/index.ts'
import { app, commit, nodes, nodesUsed, run, where } from './harness.ts'

t.test('binpack fills one node before opening another', async t => {
  const grid = nodes('n1 cpu=8\nn2 cpu=8\nn3 cpu=8')
  const result = run(app('shop', 'web count=4 cpu=2 mem=1Gi'), grid)
  t.equal(nodesUsed(result).length, 1, 'four 2-core instances on one 8-core node')
})

t.test('binpack prefers the fuller node', async t => {
  const grid = nodes('n1 used=1/1Gi/0\nn2 used=3/6Gi/0\nn3')
  t.same(where(run(app('shop', 'web cpu=1 mem=1Gi'), grid)), { 'shop.web.0': 'n2' })
})

t.test('binpack prefers the node left full on both cpu and memory over one left lopsided', async t => {
  // After placing, n1 is at 100 % cpu and 25 % memory; n2 at 75 % of both.
  const grid = nodes('n1 cpu=4 mem=8Gi used=3/0/0\nn2 cpu=4 mem=8Gi used=2/4Gi/0')
  t.same(where(run(app('shop', 'web cpu=1 mem=2Gi'), grid)), { 'shop.web.0': 'n2' })
})

t.test('binpack across apps: later apps fill the node earlier ones opened', async t => {
  let grid = nodes('n1 cpu=8\nn2 cpu=8\nn3 cpu=8\nn4 cpu=8')
  const used = new Set<string>()
  for (let i = 0; i < 4; i++) {
    const spec = app(`a${i}`, 'web cpu=2')
    const result = run(spec, grid, { seed: i })
    for (const n of nodesUsed(result)) used.add(n)
    grid = commit(spec, grid, result)
  }
  t.equal(used.size, 1)
})

t.test('spread uses empty nodes', async t => {
  const grid = nodes('n1 zone=a used=2/0/0\nn2 zone=a\nn3 zone=a\nn4 zone=a')
  const result = run(app('shop', 'web count=3 cpu=1'), grid, { strategy: 'spread' })
  t.same(nodesUsed(result), ['n2', 'n3', 'n4'])
})

t.test('spread puts instances of a component in different zones', async t => {
  const grid = nodes(`
    a1 zone=a
    a2 zone=a
    a3 zone=a
    b1 zone=b
    c1 zone=c`)
  const result = run(app('shop', 'web count=3 cpu=0.5'), grid, { strategy: 'spread' })
  const zones = Object.values(where(result)).map(n => n[0]).sort()
  t.same(zones, ['a', 'b', 'c'])
})

t.test('spread evens zones even when one zone has more room', async t => {
  const grid = nodes('a1 zone=a cpu=32 mem=64Gi\nb1 zone=b used=2/4Gi/0')
  const result = run(app('shop', 'web count=2 cpu=1'), grid, { strategy: 'spread' })
  t.same(nodesUsed(result), ['a1', 'b1'])
})

t.test('mains is preferred over battery and unknown power', async t => {
  for (const strategy of ['binpack', 'spread'] as const) {
    for (let seed = 0; seed < 5; seed++) {
      const grid = nodes('n1 power=battery:90\nn2 power=unknown\nn3\nn4 power=battery:50')
      t.same(where(run(app('shop', 'web'), grid, { strategy, seed })), { 'shop.web.0': 'n3' }, `${strategy} seed ${seed}`)
    }
  }
  const noMains = nodes('n1 power=battery:90\nn2 power=unknown\nn4 power=battery:50')
  t.same(where(run(app('shop', 'web'), noMains)), { 'shop.web.0': 'n2' }, 'unknown over battery')
  const batteries = nodes('n1 power=battery:40\nn2 power=battery:90')
  t.same(where(run(app('shop', 'web'), batteries)), { 'shop.web.0': 'n2' }, 'the fuller battery')
})

t.test('instances of one component without anti-affinity are pushed apart mildly', async t => {
  // Tiny instances: packing gains little from stacking, so the collocation penalty spreads them.
  const tiny = run(app('shop', 'web count=2 cpu=0.01 mem=1Mi'), nodes('n1 used=2/4Gi/0\nn2 used=2/4Gi/0'))
  t.equal(nodesUsed(tiny).length, 2, 'near-equal nodes: siblings split')
  // Large instances: the penalty is mild, so bin-packing still stacks them.
  const big = run(app('shop', 'web count=2 cpu=2 mem=4Gi'), nodes('n1\nn2'))
  t.equal(nodesUsed(big).length, 1, 'packing wins over the mild penalty')
})

t.test('a node already holding a large image wins a near-tie; without holders nothing tilts', async t => {
  const holding = new Map([['plain', { requires: [], holders: ['n3'], size: 2 * 1024 ** 3 }]])
  for (let seed = 0; seed < 5; seed++) {
    const grid = nodes('n1\nn2\nn3\nn4')
    const spec = app('shop', 'web cpu=1')
    t.same(where(schedule({ app: spec, images: holding, nodes: grid, options: { seed } })), { 'shop.web.0': 'n3' }, `seed ${seed}`)
  }
})

t.test('image locality tilts, it does not decide: packing still beats it, and a non-holder is never refused', async t => {
  const holding = new Map([['plain', { requires: [], holders: ['n1'], size: 2 * 1024 ** 3 }]])
  // n2 is nearly full: packing into it is worth more than the image on empty n1.
  const grid = nodes('n1 cpu=8\nn2 cpu=8 used=6/0/0')
  t.same(where(schedule({ app: app('shop', 'web cpu=1'), images: holding, nodes: grid })), { 'shop.web.0': 'n2' })
  const nobody = new Map([['plain', { requires: [], holders: ['gone'], size: 2 * 1024 ** 3 }]])
  const result = schedule({ app: app('shop', 'web count=2 cpu=1'), images: nobody, nodes: nodes('n1\nn2') })
  t.ok(result.ok, 'placed though no candidate holds the image')
})

t.test('a pinned digest is what the scheduler looks up', async t => {
  const images = new Map([['plain', { requires: ['gpu'] }], ['sha256:abc', { requires: [] }]])
  const spec = app('shop', 'web cpu=1')
  ;(spec.components[0] as { digest?: string }).digest = 'sha256:abc'
  t.ok(schedule({ app: spec, images, nodes: nodes('n1') }).ok, 'the digest requires nothing, the newest name would need gpu')
})
