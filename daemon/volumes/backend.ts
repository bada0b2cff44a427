/**
 * Where volume data lives on a node. A local directory now; replicated block
 * volumes served over NBD later. One compliance suite runs against each backend.
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
  /** Creates an empty volume. Idempotent for the same size; a different size is ERR_VOLUME_EXISTS. */
  create (id: string, sizeBytes: number): Promise<void>
  /** Makes the volume's filesystem available; returns where. Attaching an attached volume returns the same path. */
  attach (id: string): Promise<{ path: string }>
  /** Unmounts; data stays. Idempotent. */
  detach (id: string): Promise<void>
  /** Deletes the volume and its data. Refuses while attached (ERR_VOLUME_ATTACHED). Idempotent when absent. */
  remove (id: string): Promise<void>
  list (): Promise<VolumeInfo[]>
}
