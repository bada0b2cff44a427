/**
 * What the supervisor is asked to run for one planned instance: command (or,
 * for a vm image, what the VM boots and its disks), working directory,
 * environment, user, limits, stop signal and grace, health check, and what
 * a console opens. Pure.
 */
import { isAbsolute, join } from 'node:path'
import type { HealthSpec } from '../../controller/catalog/index.ts'
import { vmTaskFromImage, type HealthCheck, type InstanceAccount, type InstanceSpec, type VmDiskSpec } from '../runtime/index.ts'
import { instanceEnv, LOCAL_HOST, type Binding } from './env.ts'
import type { InstancePlan } from './plan.ts'

/** The node's side of a run spec. */
export interface RunSpecOptions {
  /** Run the task as the account's uid (the daemon is root). */
  isolating: boolean
  /** Where instances reach code at a path (see InstanceIsolation.codePath). */
  codePath: (path: string) => string
  /** Grace when the image names none, ms. */
  stopGraceMs: number
  /** Restarts in a row before giving up; 0 for never. */
  maxRestarts: number
  logDir: string
}

/** How long an instance gets to stop cleanly: its image's stop.timeout, else the node's grace. */
export function stopGraceOf (plan: InstancePlan, nodeGraceMs: number): number {
  return plan.image.stop?.timeoutMs ?? nodeGraceMs
}

/**
 * A first command element `node` (of the start or the console command) is
 * the Node.js that runs the daemon; relative paths resolve in the image folder, which is also the working
 * directory. Both as instances reach them (options.codePath).
 */
export function runSpec (plan: InstancePlan, binding: Binding, volumes: Record<string, string>, account: InstanceAccount, options: RunSpecOptions, disks: VmDiskSpec[] = []): InstanceSpec {
  const dir = options.codePath(plan.image.dir)
  const resolve = (argv: string[]): string[] => argv.map((arg, i) => {
    if (i === 0 && arg === 'node') return options.codePath(process.execPath)
    return i === 0 && !isAbsolute(arg) && arg.includes('/') ? join(dir, arg) : arg
  })
  const command = resolve(plan.image.start.command)
  const spec: InstanceSpec = {
    id: plan.id,
    restart: options.maxRestarts > 0 ? { mode: 'always', maxAttempts: options.maxRestarts } : { mode: 'always' },
    stopGraceMs: stopGraceOf(plan, options.stopGraceMs),
    stopSignal: plan.image.stop?.signal ?? 'SIGTERM',
    task: {
      id: plan.id,
      command,
      cwd: dir,
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...instanceEnv(plan, binding, volumes, account) },
      resources: { cpu: plan.spec.resources.cpu, memory: plan.spec.resources.memory },
      logDir: options.logDir,
      ...(options.isolating ? { user: { uid: account.uid, gid: account.gid } } : {}),
      // a VM boots its image's vm section (paths relative to cwd); its inputs are forwarded guest ports, its volumes NBD disks
      ...(plan.image.vm === undefined ? {} : { vm: vmTaskFromImage(plan.image.vm, binding.inputs, disks) })
    }
  }
  const check = (h: HealthSpec | undefined): HealthCheck | undefined => {
    const port = h === undefined ? undefined : binding.inputs[h.terminal]
    if (h === undefined || port === undefined) return undefined
    const { terminal: _terminal, ...rest } = h
    return { ...rest, host: LOCAL_HOST, port }
  }
  if (plan.image.console !== undefined) spec.console = resolve(plan.image.console.command)
  const health = check(plan.image.health)
  const liveness = check(plan.image.liveness)
  if (health !== undefined) spec.health = health
  if (liveness !== undefined) spec.liveness = liveness
  return spec
}
