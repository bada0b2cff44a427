/**
 * Which accelerator the vm driver's VMs run under: TCG or KVM as configured,
 * or, under `auto`, what a KVM probe boot (kvm-probe.ts) found, probed once
 * per driver.
 */
import type { Logger } from 'pino'
import { type KvmProbeOptions, type KvmVerdict, probeKvm } from './kvm-probe.ts'
import { type Accel, QEMU_BINARY } from './qemu-argv.ts'

/** The vm driver's options the choice reads (VmDriverOptions). */
export interface AccelOptions {
  /** The emulator; default qemu-system-x86_64 on PATH. */
  qemu?: string
  /** `auto` (default) uses KVM when the probe boot succeeded; `tcg` never probes; `kvm` trusts KVM without probing. */
  accel?: 'auto' | 'kvm' | 'tcg'
  /** The CPU model under a configured `kvm`; default `host`. Under `auto` the probe picks it. */
  kvmCpu?: string
  /** How the KVM probe boots; its qemu defaults to this driver's. */
  kvmProbe?: KvmProbeOptions
}

/** The accelerator (and CPU model) of a vm driver, with the KVM verdict it rests on. */
export class AccelChoice {
  readonly #log: Logger
  readonly #options: AccelOptions
  #verdict?: Promise<KvmVerdict | undefined>

  constructor (components: { logger: Logger }, options: AccelOptions) {
    this.#log = components.logger
    this.#options = options
  }

  /** The accelerator and CPU model a VM started now runs under. */
  async accel (): Promise<{ accel: Accel, cpu?: string }> {
    if (this.#options.accel === 'tcg') return { accel: 'tcg' }
    if (this.#options.accel === 'kvm') return { accel: 'kvm', cpu: this.#options.kvmCpu }
    const verdict = await this.kvm()
    return verdict?.kvm === true ? { accel: 'kvm', cpu: verdict.cpu } : { accel: 'tcg' }
  }

  /** The KVM verdict, probed once per driver (and cached on disk per boot); undefined when not probed (accel configured). */
  kvm (): Promise<KvmVerdict | undefined> {
    if (this.#options.accel === 'tcg' || this.#options.accel === 'kvm') return Promise.resolve(undefined)
    this.#verdict ??= probeKvm({ qemu: this.#options.qemu ?? QEMU_BINARY, ...this.#options.kvmProbe }).catch((err: unknown) => {
      this.#log.warn({ err }, 'kvm probe failed to run')
      return { kvm: false, detail: `the probe failed to run: ${(err as Error).message}`, cached: false, key: { bootId: '', qemu: '', kernel: '' } }
    })
    return this.#verdict
  }
}
