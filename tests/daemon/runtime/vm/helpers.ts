/**
 * What the vm driver's tests share: the test appliance (built once per
 * machine, tests/helpers/vm-appliance), tasks that boot it, HTTP to its
 * forwarded port, a driver with its own run dir and cgroup parent, and the
 * compliance suite's kit of VM tasks.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseManifest, type ImageManifest } from '../../../../controller/catalog/index.ts'
import type { TaskConfig, VmDiskSpec } from '../../../../daemon/runtime/index.ts'
import { VmDriver, vmTaskFromImage, type VmDriverOptions } from '../../../../daemon/runtime/vm/index.ts'
import { buildVmAppliance, type VmAppliance } from '../../../helpers/vm-appliance/build.ts'
import type { TaskKit } from '../driver-compliance.ts'
import { freePort, quietLogger, removeCgroupParent, uniqueCgroupParent, until } from '../helpers.ts'

export const MiB = 1024 * 1024 // bytes
/** Guest memory of a test VM: the appliance's minimum. */
export const VM_MEMORY = 128 * MiB // bytes
/** How long a test waits for a VM to answer: a TCG boot takes 5–20 s on this shared 2-core machine. */
export const BOOT_TIMEOUT_MS = 120_000 // ms

let appliance: Promise<VmAppliance> | undefined
/** The appliance, built (or found in the cache) once per test process. */
export async function vmAppliance (): Promise<VmAppliance> {
  appliance ??= buildVmAppliance()
  return await appliance
}

/** The appliance's manifest, as the catalog reads it. */
export function applianceManifest (a: VmAppliance): ImageManifest {
  const result = parseManifest(readFileSync(join(a.dir, 'manifest.yaml'), 'utf8'), a.dir, { expectName: 'vm-web' })
  if (!result.ok) throw new Error(`the appliance manifest: ${JSON.stringify(result.errors)}`)
  return result.manifest
}

/**
 * A task booting the appliance as the agent would start it from its
 * manifest: its http terminal forwarded from `port`, properties as
 * TRELLIS_PROP_*, volumes as NBD disks.
 */
export function applianceTask (a: VmAppliance, id: string, logDir: string, options: { port: number, props?: Record<string, string>, env?: Record<string, string>, disks?: VmDiskSpec[], memory?: number, cpu?: number }): TaskConfig {
  const props = Object.fromEntries(Object.entries(options.props ?? {}).map(([k, v]) => [`TRELLIS_PROP_${k.toUpperCase()}`, v]))
  const image = applianceManifest(a)
  return {
    id,
    command: image.start.command,
    cwd: image.dir,
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', TRELLIS_INSTANCE: id, TRELLIS_IN_HTTP: `127.0.0.1:${options.port}`, ...props, ...options.env },
    resources: { cpu: options.cpu ?? 1, memory: options.memory ?? VM_MEMORY },
    logDir,
    vm: vmTaskFromImage(image.vm!, { http: options.port }, options.disks ?? [])
  }
}

/** One HTTP request to 127.0.0.1:port; rejects on a connection error or after timeoutMs. */
export async function http (port: number, path: string, options: { method?: string, body?: string, timeoutMs?: number } = {}): Promise<{ status: number, body: string }> {
  return await new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'GET', timeout: options.timeoutMs ?? 5_000 }, res => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => { body += d })
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, body }) })
      res.on('error', reject)
    })
    req.on('timeout', () => { req.destroy(new Error(`no answer from 127.0.0.1:${port}${path}`)) })
    req.on('error', reject)
    req.end(options.body)
  })
}

/**
 * True when the VM's /healthz answers 200. Short patience: while the guest
 * boots, slirp accepts the connection on the host port and holds it until
 * the guest answers, so a long timeout would make each try wait it out.
 */
export async function healthy (port: number): Promise<boolean> {
  return await http(port, '/healthz', { timeoutMs: 500 }).then(r => r.status === 200, () => false)
}

/** Waits until the VM on `port` serves /healthz. */
export async function waitHealthy (port: number, timeoutMs = BOOT_TIMEOUT_MS): Promise<void> {
  await until(async () => await healthy(port), timeoutMs, `the VM on port ${port} to answer /healthz`)
}

/** A VmDriver over its own temp run dir and cgroup parent (TCG: tests never depend on this machine's KVM); cleanup removes both. */
export async function vmDriver (options: Partial<VmDriverOptions> = {}): Promise<{ driver: VmDriver, runDir: string, parent: string, cleanup: () => Promise<void> }> {
  const runDir = await mkdtemp(join(tmpdir(), 'trellis-vm-'))
  const parent = uniqueCgroupParent('vm')
  const driver = new VmDriver({ logger: quietLogger() }, { runDir, accel: 'tcg', process: { cgroupParent: parent }, ...options })
  return {
    driver,
    runDir,
    parent,
    cleanup: async () => {
      driver.close()
      await removeCgroupParent(parent)
      await rm(runDir, { recursive: true, force: true })
    }
  }
}

/** The compliance suite's tasks as VMs of the test appliance (properties mode and acpi pick the behaviour). */
export async function vmKit (): Promise<TaskKit> {
  const a = await vmAppliance()
  const task = async (id: string, dir: string, props: Record<string, string>, env: Record<string, string> = {}): Promise<{ config: TaskConfig, port: number }> => {
    const port = await freePort()
    return { config: applianceTask(a, id, dir, { port, props, env }), port }
  }
  const cleanExit = { code: 0, signal: null, oomKilled: false }
  return {
    runs: async (id, dir) => {
      const { config, port } = await task(id, dir, { mode: 'serve' })
      return { config, ready: async () => await healthy(port) }
    },
    stoppedExit: cleanExit,
    stopGraceMs: 60_000,
    ends: async (id, dir) => ({ config: (await task(id, dir, { mode: 'exit' })).config, exit: cleanExit }),
    seesEnv: async (id, dir, name, value) => {
      const { config, port } = await task(id, dir, { mode: 'serve' }, { [name]: value })
      return {
        config,
        ready: async () => await healthy(port),
        seen: async () => {
          const body = (await http(port, '/cgi-bin/env')).body
          const line = body.split('\n').find(l => l.startsWith(`${name}=`))
          return { value: line?.slice(name.length + 1) }
        }
      }
    },
    stubborn: async (id, dir) => {
      const { config, port } = await task(id, dir, { mode: 'serve', acpi: 'ignore' })
      return { config, ready: async () => await healthy(port) }
    },
    logs: async (id, dir) => ({
      config: (await task(id, dir, { mode: 'exit' })).config,
      stdout: ['appliance: ready', 'appliance: mode exit: powering off', 'appliance: halted cleanly'],
      stderr: [],
      whole: false
    })
  }
}
