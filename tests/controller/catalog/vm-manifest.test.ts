/**
 * The vm section of manifests: the test appliance's manifest parses, and
 * each fault of a vm section is reported at its path with its code.
 */
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import t from 'tap'
import { CatalogIssueCode, loadCatalog, parseManifest } from '../../../controller/catalog/index.ts'
import { IssueCode } from '../../../controller/graph/index.ts'

const APPLIANCE_MANIFEST = new URL('../../helpers/vm-appliance/manifest.yaml', import.meta.url)
const HEAD = 'version: 1.0.0\nresources: { min: { cpu: 0.1, memory: 64Mi }, default: { cpu: 1, memory: 128Mi } }\n'
const VM = `name: a\n${HEAD}terminals:\n  http: { direction: in, protocol: http }\nstart: { driver: vm }\n`

function issues (text: string): string[] {
  const result = parseManifest(text, '/img')
  return result.ok ? [] : result.errors.map(e => `${e.code} ${e.path}`).sort()
}

t.test('the test appliance manifest parses with its vm section', async t => {
  const result = parseManifest(await readFile(APPLIANCE_MANIFEST, 'utf8'), '/img/vm-web', { expectName: 'vm-web' })
  t.ok(result.ok, result.ok ? 'ok' : JSON.stringify(result.errors))
  if (!result.ok) return
  t.same(result.manifest.start, { driver: 'vm', command: [] })
  t.same(result.manifest.vm, { kernel: 'boot/vmlinuz', initrd: 'boot/initrd.img', append: 'console=ttyS0 quiet panic=-1', ports: { http: 80 } })
})

t.test('a vm image requires driver:vm, said or not; a process image does not', async t => {
  const requires = (text: string): unknown => {
    const r = parseManifest(text, '/img')
    return r.ok ? r.manifest.requires : r.errors
  }
  t.same(requires(`${VM}vm: { kernel: k, ports: { http: 80 } }\n`), ['driver:vm'], 'implied')
  t.same(requires(`${VM}vm: { kernel: k, ports: { http: 80 } }\nrequires: [kvm]\n`), ['kvm', 'driver:vm'], 'added to what it requires')
  t.same(requires(`${VM}vm: { kernel: k, ports: { http: 80 } }\nrequires: [driver:vm]\n`), ['driver:vm'], 'not twice')
  t.same(requires(`name: a\n${HEAD}start: { command: [x] }\n`), [], 'a process image requires nothing more')
})

t.test('a disk image, its format from the file name unless given', async t => {
  const disk = (vm: string): unknown => {
    const r = parseManifest(`${VM}vm: { ${vm}, ports: { http: 80 } }\n`, '/img')
    return r.ok ? r.manifest.vm : r.errors
  }
  t.same(disk('disk: root.qcow2'), { disk: 'root.qcow2', format: 'qcow2', ports: { http: 80 } })
  t.same(disk('disk: root.img'), { disk: 'root.img', format: 'raw', ports: { http: 80 } })
  t.same(disk('disk: root.img, format: qcow2'), { disk: 'root.img', format: 'qcow2', ports: { http: 80 } })
})

t.test('faults of a vm section, each at its path', async t => {
  const cases: Array<[string, string, string[]]> = [
    ['vm driver without a vm section', VM, [`${CatalogIssueCode.VM_SECTION} vm`]],
    ['a vm section with the process driver', `name: a\n${HEAD}start: { command: [x] }\nvm: { kernel: k }\n`, [`${CatalogIssueCode.VM_SECTION} vm`]],
    ['a process image without a command', `name: a\n${HEAD}start: { driver: process }\n`, [`${IssueCode.MISSING_FIELD} start.command`]],
    ['a command for a vm', `name: a\n${HEAD}start: { driver: vm, command: [x] }\nvm: { kernel: k }\n`, [`${CatalogIssueCode.VM_SECTION} start.command`]],
    ['nothing to boot', `${VM}vm: { ports: { http: 80 } }\n`, [`${CatalogIssueCode.VM_BOOT} vm`]],
    ['an initrd without a kernel', `${VM}vm: { disk: d.img, initrd: i, ports: { http: 80 } }\n`, [`${CatalogIssueCode.VM_BOOT} vm.initrd`]],
    ['a format without a disk', `${VM}vm: { kernel: k, format: raw, ports: { http: 80 } }\n`, [`${CatalogIssueCode.VM_BOOT} vm.format`]],
    ['an absolute path', `${VM}vm: { kernel: /boot/vmlinuz, ports: { http: 80 } }\n`, [`${CatalogIssueCode.BAD_IMAGE_PATH} vm.kernel`]],
    ['a path out of the folder', `${VM}vm: { kernel: boot/../../k, ports: { http: 80 } }\n`, [`${CatalogIssueCode.BAD_IMAGE_PATH} vm.kernel`]],
    ['an input without a guest port', `${VM}vm: { kernel: k }\n`, [`${IssueCode.MISSING_FIELD} vm.ports.http`]],
    ['a port of no terminal', `${VM}vm: { kernel: k, ports: { http: 80, nope: 81 } }\n`, [`${IssueCode.UNKNOWN_TERMINAL} vm.ports.nope`]],
    ['a port of an output', `name: a\n${HEAD}terminals:\n  db: { direction: out, protocol: tcp }\nstart: { driver: vm }\nvm: { kernel: k, ports: { db: 5432 } }\n`, [`${IssueCode.TERMINAL_DIRECTION} vm.ports.db`]],
    ['two terminals on one guest port', `name: a\n${HEAD}terminals:\n  a: { direction: in, protocol: http }\n  b: { direction: in, protocol: http }\nstart: { driver: vm }\nvm: { kernel: k, ports: { a: 80, b: 80 } }\n`, [`${IssueCode.DUPLICATE_PORT} vm.ports.b`]],
    ['a port out of range', `${VM}vm: { kernel: k, ports: { http: 70000 } }\n`, [`${IssueCode.OUT_OF_RANGE} vm.ports.http`]],
    ['a volume name too long for a disk serial', `${VM}volumes:\n  a-very-long-volume-name: { mount: /data }\nvm: { kernel: k, ports: { http: 80 } }\n`, [`${IssueCode.BAD_NAME} volumes.a-very-long-volume-name`]],
    ['an unknown vm field', `${VM}vm: { kernel: k, ports: { http: 80 }, memory: 1Gi }\n`, [`${IssueCode.UNKNOWN_FIELD} vm.memory`]]
  ]
  for (const [name, text, want] of cases) t.same(issues(text), want.sort(), name)
})

t.test('the loader refuses a vm image whose files are not in its folder', async t => {
  const root = await mkdtemp(join(tmpdir(), 'trellis-catalog-vm-'))
  t.teardown(async () => { await rm(root, { recursive: true, force: true }) })
  const manifest = await readFile(APPLIANCE_MANIFEST, 'utf8')
  await mkdir(join(root, 'vm-web', 'boot'), { recursive: true })
  await writeFile(join(root, 'vm-web', 'manifest.yaml'), manifest)
  await writeFile(join(root, 'vm-web', 'boot', 'vmlinuz'), 'not really a kernel')
  const missing = loadCatalog(root)
  t.same(missing.errors.map(e => `${e.code} ${e.path}`), [`${CatalogIssueCode.VM_FILE} vm-web.vm.initrd`])
  t.equal(missing.catalog.get('vm-web'), undefined)
  await writeFile(join(root, 'vm-web', 'boot', 'initrd.img'), 'nor an initrd')
  const loaded = loadCatalog(root)
  t.same(loaded.errors, [])
  t.equal(loaded.catalog.get('vm-web')?.start.driver, 'vm')
})

t.test('a vm has no console command: its console is its serial port', async t => {
  t.same(issues(`${VM}vm: { kernel: k, ports: { http: 80 } }\nconsole: { command: [sh] }\n`), [`${CatalogIssueCode.VM_SECTION} console.command`])
})
