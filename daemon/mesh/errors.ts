/**
 * Errors of the mesh component. Callers and tests switch on `code`, which
 * never changes; the message is for people and may. Messages never carry key
 * material. The transport reuses the network component's errors
 * (ERR_UNREACHABLE, ERR_NO_HANDLER, ERR_TRANSPORT_CLOSED, ERR_STREAM_RESET).
 */

/** Thrown when a grid key is not a valid `/key/swarm/psk/1.0.0/` base16 key; the message names the problem. */
export class GridKeyInvalidError extends Error {
  readonly code = 'ERR_GRID_KEY_INVALID'
  override name = 'GridKeyInvalidError'

  constructor (message = 'grid key is invalid', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a node key file does not hold a private key libp2p can read. */
export class NodeKeyInvalidError extends Error {
  readonly code = 'ERR_NODE_KEY_INVALID'
  override name = 'NodeKeyInvalidError'

  constructor (message = 'node key is invalid', options?: ErrorOptions) {
    super(message, options)
  }
}

/**
 * Thrown when a key file may be read or written by the group or others, or is
 * not a regular file. A grid key anyone on the machine can read lets them join
 * the grid, so such a file is refused, as ssh refuses an open private key.
 */
export class KeyFileExposedError extends Error {
  readonly code = 'ERR_KEY_FILE_EXPOSED'
  override name = 'KeyFileExposedError'

  constructor (message = 'key file is readable by others', options?: ErrorOptions) {
    super(message, options)
  }
}

/** Thrown when a listen or bootstrap address given to the mesh host is not a usable multiaddr. */
export class MeshAddressInvalidError extends Error {
  readonly code = 'ERR_MESH_ADDRESS_INVALID'
  override name = 'MeshAddressInvalidError'

  constructor (message = 'mesh address is invalid', options?: ErrorOptions) {
    super(message, options)
  }
}
