import type { InstanceAccount } from '../runtime/index.ts'
import type { InstancePlan } from './plan.ts'

/** Local ports the daemon gave an instance; kept so a re-adopted instance keeps its addresses. */
export interface Binding {
  hash: string
  /** input terminal → port the instance listens on */
  inputs: Record<string, number>
  /** output terminal → port the daemon listens on, spreading over the target's instances */
  outputs: Record<string, number>
  /** output terminal → one port per target instance, in index order */
  slots: Record<string, number[]>
}

/** Host every instance address is on: instances reach each other only through the daemon. */
export const LOCAL_HOST = '127.0.0.1'

/** `healthPath` → `HEALTHPATH`, `data-dir` → `DATA_DIR`: the environment-variable form of a name. */
export function envName (name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]/g, '_')
}

/** The locale every instance gets: UTF-8 without depending on locales the host may lack. */
export const INSTANCE_LANG = 'C.UTF-8'

/**
 * The environment an instance starts with: the contract in images/README.md.
 * The image's fixed `environment` comes first; the manifest check keeps it
 * off every name set here after it. Pure.
 */
export function instanceEnv (plan: InstancePlan, binding: Binding, volumes: Record<string, string>, account: Pick<InstanceAccount, 'user' | 'home' | 'tmp'>): Record<string, string> {
  const env: Record<string, string> = {
    ...plan.image.environment,
    HOME: account.home,
    USER: account.user,
    LANG: INSTANCE_LANG,
    TMPDIR: account.tmp,
    TRELLIS_APP: plan.app,
    TRELLIS_COMPONENT: plan.component,
    TRELLIS_INSTANCE: plan.id,
    TRELLIS_INSTANCE_INDEX: String(plan.index),
    TRELLIS_NODE: plan.node
  }
  for (const [terminal, port] of Object.entries(binding.inputs)) env[`TRELLIS_IN_${envName(terminal)}`] = `${LOCAL_HOST}:${port}`
  for (const [terminal, port] of Object.entries(binding.outputs)) env[`TRELLIS_OUT_${envName(terminal)}`] = `${LOCAL_HOST}:${port}`
  for (const [terminal, ports] of Object.entries(binding.slots)) {
    env[`TRELLIS_OUT_${envName(terminal)}_INSTANCES`] = ports.map(p => `${LOCAL_HOST}:${p}`).join(',')
  }
  const properties: Record<string, string | number | boolean> = {}
  for (const p of plan.image.properties) if (p.default !== undefined) properties[p.name] = p.default
  Object.assign(properties, plan.spec.properties)
  for (const [name, value] of Object.entries(properties)) env[`TRELLIS_PROP_${envName(name)}`] = String(value)
  for (const [name, path] of Object.entries(volumes)) env[`TRELLIS_VOLUME_${envName(name)}`] = path
  return env
}
