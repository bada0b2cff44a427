/**
 * Errors of the membership core. Callers branch on `code`, never on the message.
 */

/** Thrown when detector settings are out of range or inconsistent (e.g. downPhi below suspectPhi). */
export class InvalidDetectorSettingsError extends Error {
  readonly code = 'ERR_INVALID_DETECTOR_SETTINGS'
  constructor (message = 'invalid failure-detector settings', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'InvalidDetectorSettingsError'
  }
}

/** Thrown when a detector preset name (the detector of a `--profile`) is not known. */
export class UnknownDetectorPresetError extends Error {
  readonly code = 'ERR_UNKNOWN_DETECTOR_PRESET'
  constructor (message = 'unknown failure-detector preset', options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'UnknownDetectorPresetError'
  }
}
