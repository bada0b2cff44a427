/**
 * A vm image is placed only on nodes that advertise driver:vm, from the
 * manifest alone (it need not list the requirement): the catalog's parse
 * feeds the scheduler, as the reconciler does.
 */
import t from 'tap'
import { parseManifest } from '../../../controller/catalog/index.ts'
import { schedule, type ImageLookup } from '../../../controller/scheduler/index.ts'
import { app, nodes, where } from './harness.ts'

const VM = parseManifest(`name: appliance
version: 1.0.0
resources: { min: { cpu: 0.25, memory: 128Mi }, default: { cpu: 1, memory: 256Mi } }
terminals: { http: { direction: in, protocol: http } }
start: { driver: vm }
vm: { kernel: boot/vmlinuz, ports: { http: 80 } }
`, '/img')

t.test('vm images go only where the vm driver is', async t => {
  if (!VM.ok) throw new Error(JSON.stringify(VM.errors))
  const images: ImageLookup = new Map([['appliance', VM.manifest]])
  const spec = app('shop', 'web image=appliance count=2 cpu=0.5 mem=256Mi')
  const placed = schedule({ app: spec, images, nodes: nodes('n1 caps=driver:process\nn2 caps=driver:process,driver:vm\nn3'), existing: {}, options: {} })
  t.same(Object.values(where(placed)), ['n2', 'n2'], 'both instances on the one node with driver:vm')
  const none = schedule({ app: spec, images, nodes: nodes('n1 caps=driver:process\nn2 caps=driver:process,kvm'), existing: {}, options: {} })
  t.notOk(none.ok)
  if (!none.ok) t.equal(none.explanations.web, 'web: 0 of 2 nodes feasible: 2 lack capability driver:vm', 'and says what is missing')
})
