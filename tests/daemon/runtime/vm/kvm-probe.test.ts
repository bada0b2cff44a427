/**
 * The KVM probe: its verdict comes from booting the appliance's Debian
 * kernel under KVM, it is cached per boot id / QEMU / kernel, and it agrees
 * with what really happens when the driver boots the appliance under KVM.
 * Whatever this machine's answer is, the test checks it against a real boot
 * rather than expecting one answer.
 */
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import t from 'tap'
import { KVM_CPU_MODELS, KVM_VERDICT_FILE, probeKvm } from '../../../../daemon/runtime/vm/index.ts'
import { freePort, tempDir, until } from '../helpers.ts'
import { applianceTask, healthy, vmAppliance, vmDriver } from './helpers.ts'

// a probe under a KVM that hangs waits out its whole timeout, and so does the cross-check
t.setTimeout(600_000)

/** Long enough for this kernel under KVM (about a second where KVM works) even on a loaded machine. */
const PROBE_TIMEOUT_MS = 15_000 // ms

// one verdict cache for the file: where KVM hangs, every probe boot costs PROBE_TIMEOUT_MS of a spinning core
const cacheDir = await tempDir('trellis-kvm-')
t.teardown(async () => { await rm(cacheDir, { recursive: true, force: true }) })

t.test('the verdict comes from a boot, is cached, and a new boot id probes again', async t => {
  const a = await vmAppliance()
  const first = await probeKvm({ kernel: a.kernel, cacheDir, timeoutMs: PROBE_TIMEOUT_MS })
  t.type(first.kvm, 'boolean')
  t.equal(first.cached, false)
  t.ok(first.detail.length > 0, `detail: ${first.detail}`)
  t.ok(first.key.bootId.length > 0 && first.key.qemu.startsWith('QEMU emulator') && first.key.kernel.startsWith(a.kernel))
  const t0 = Date.now()
  const again = await probeKvm({ kernel: a.kernel, cacheDir, timeoutMs: PROBE_TIMEOUT_MS })
  t.ok(Date.now() - t0 < 2_000, 'the cached verdict comes without a boot')
  t.same({ ...again, cached: false }, first)
  t.equal(again.cached, true)
  // the same verdict saved under another boot: stale
  const file = join(cacheDir, KVM_VERDICT_FILE)
  const saved = JSON.parse(await readFile(file, 'utf8')) as { key: { bootId: string }, detail: string }
  saved.key.bootId = 'another-boot'
  saved.detail = 'from another boot'
  await writeFile(file, JSON.stringify(saved))
  const reprobed = await probeKvm({ kernel: a.kernel, cacheDir, timeoutMs: PROBE_TIMEOUT_MS })
  t.equal(reprobed.cached, false, 'a verdict of another boot is not trusted')
  t.equal(reprobed.kvm, first.kvm)
})

t.test('no device or no kernel: no KVM, and the detail says why', async t => {
  const a = await vmAppliance()
  const noDevice = await probeKvm({ kernel: a.kernel, device: '/dev/does-not-exist' })
  t.equal(noDevice.kvm, false)
  t.match(noDevice.detail, /does-not-exist/)
  // A device that passes the probe's access check (whatever this machine's /dev/kvm), so the kernel's absence is what it meets.
  const noKernel = await probeKvm({ kernel: '/nonexistent/vmlinuz', device: '/dev/null' })
  t.equal(noKernel.kvm, false)
  t.match(noKernel.detail, /kernel/)
  await t.rejects(probeKvm({ qemu: '/nonexistent/qemu', kernel: a.kernel }), { code: 'ERR_KVM_PROBE' })
})

t.test('the verdict agrees with booting the appliance under KVM, and the driver advertises it', async t => {
  const a = await vmAppliance()
  const verdict = await probeKvm({ kernel: a.kernel, cacheDir, timeoutMs: PROBE_TIMEOUT_MS })

  const auto = await vmDriver({ accel: 'auto', kvmProbe: { kernel: a.kernel, cacheDir, timeoutMs: PROBE_TIMEOUT_MS } })
  t.teardown(auto.cleanup)
  const caps = await auto.driver.capabilities()
  t.ok(caps.capabilities.includes('driver:vm'))
  t.equal(caps.capabilities.includes('kvm'), verdict.kvm, 'kvm advertised exactly when the probe booted')
  t.match((await auto.driver.fingerprint()).detail, verdict.kvm ? /kvm: yes/ : /kvm: no/)

  // the driver forced onto KVM, whatever the verdict (with the CPU model that booted, or the last one tried): does the appliance come up?
  const forced = await vmDriver({ accel: 'kvm', kvmCpu: verdict.cpu ?? KVM_CPU_MODELS.at(-1) })
  const logDir = await tempDir('trellis-kvm-logs-')
  t.teardown(async () => {
    await forced.driver.destroy('kvm.0').catch(() => {})
    await forced.cleanup()
    await rm(logDir, { recursive: true, force: true })
  })
  const port = await freePort()
  const started = await forced.driver.start(applianceTask(a, 'kvm.0', logDir, { port })).then(() => true, () => false)
  // twice the probe's patience: a guest that boots under KVM answers well within it
  const served = started && await until(async () => await healthy(port), 2 * PROBE_TIMEOUT_MS, 'a KVM guest').then(() => true, () => false)
  t.equal(served, verdict.kvm, `the appliance ${served ? 'booted' : 'did not boot'} under KVM; the probe said ${verdict.detail}`)
})
