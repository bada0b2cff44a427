/**
 * Where volume data lives on a node. A local directory now; replicated block
 * volumes served over NBD later. One compliance suite
 * (tests/daemon/volumes/backend-compliance.ts) runs against each backend.
 *
 * Every method rejects an id that is not `[a-z0-9][a-z0-9._-]{0,127}` with
 * ERR_INVALID_VOLUME_ID before touching anything.
 */

export interface VolumeInfo {
  id: string
  sizeBytes: number
  attached: boolean
  /** Where the volume is mounted while attached. */
  path?: string
}

export interface VolumeBackend {
  readonly kind: string
  /**
   * Whether an attached volume stays usable when the daemon dies: true for a
   * directory; false when the daemon itself serves the volume (NBD), so an
   * instance using it cannot be re-adopted by the next daemon.
   */
  readonly outlivesDaemon: boolean
  /** Creates an empty volume. Idempotent for the same size; a different size is ERR_VOLUME_EXISTS; a size that is not a positive whole number is ERR_INVALID_VOLUME_SIZE. */
  create (id: string, sizeBytes: number): Promise<void>
  /** Makes the volume's filesystem available; returns where. Attaching an attached volume returns the same path. An absent volume is ERR_VOLUME_NOT_FOUND. The attached state survives a restart. */
  attach (id: string): Promise<{ path: string }>
  /** Unmounts; data stays. Idempotent, and a no-op for an absent volume. */
  detach (id: string): Promise<void>
  /** Deletes the volume and its data. Refuses while attached (ERR_VOLUME_ATTACHED). Idempotent when absent. */
  remove (id: string): Promise<void>
  /** Every volume, ordered by id. */
  list (): Promise<VolumeInfo[]>
}
