/**
 * Errors of the vm driver's QMP client. Task-level errors (bad config, no
 * such task) are the runtime's own (../errors.ts).
 */

/** Thrown when QEMU answers a QMP command with an error; `qmpClass` is QEMU's error class (GenericError, CommandNotFound, ...). */
export class QmpCommandError extends Error {
  readonly code = 'ERR_QMP_COMMAND'
  readonly qmpClass: string
  constructor (message = 'QMP command failed', options?: { cause?: unknown, qmpClass?: string }) {
    super(message, options)
    this.name = 'QmpCommandError'
    this.qmpClass = options?.qmpClass ?? 'GenericError'
  }
}

/** Thrown when the QMP connection cannot be made, breaks the protocol, or closes before an answer. */
export class QmpConnectionError extends Error {
  readonly code = 'ERR_QMP_CONNECTION'
  constructor (message = 'QMP connection failed', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'QmpConnectionError'
  }
}

/** Thrown when the KVM probe cannot run at all (not when KVM fails it: that is a verdict). */
export class KvmProbeError extends Error {
  readonly code = 'ERR_KVM_PROBE'
  constructor (message = 'KVM probe failed to run', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'KvmProbeError'
  }
}
