import { InvalidVolumeIdError, InvalidVolumeSizeError } from './errors.ts'

/**
 * What a volume id may be. Ids become file names and device names, so the
 * rule leaves no room for path separators, `..`, hidden files or case clashes
 * on case-insensitive disks.
 */
export const VOLUME_ID = /^[a-z0-9][a-z0-9._-]{0,199}$/

/** Throws ERR_INVALID_VOLUME_ID unless id is a valid volume id. */
export function assertVolumeId (id: unknown): asserts id is string {
  if (typeof id !== 'string' || !VOLUME_ID.test(id)) {
    throw new InvalidVolumeIdError(`invalid volume id ${JSON.stringify(id)}: must match ${VOLUME_ID.source}`)
  }
}

/** Throws ERR_INVALID_VOLUME_SIZE unless size is a positive safe integer of bytes. */
export function assertVolumeSize (size: unknown): asserts size is number {
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size <= 0) {
    throw new InvalidVolumeSizeError(`invalid volume size ${String(size)}: must be a positive whole number of bytes`)
  }
}
