/** Thrown when this node is asked to attach a volume the committed state attaches elsewhere (or nowhere). */
export class VolumeNotPrimaryError extends Error {
  readonly code = 'ERR_VOLUME_NOT_PRIMARY'
  override name = 'VolumeNotPrimaryError'

  constructor (message = 'volume is not attached to this node', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a change to a volume's replica set was not committed: no quorum, or a newer generation. */
export class VolumeUpdateRefusedError extends Error {
  readonly code = 'ERR_VOLUME_UPDATE_REFUSED'
  override name = 'VolumeUpdateRefusedError'

  constructor (message = 'volume update was not committed', options?: ErrorOptions) {
    super(message, options)
  }
}
