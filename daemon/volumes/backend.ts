/**
 * Where volume data lives on a node, in two parts.
 *
 * `VolumeAttacher` is what the node agent needs: make an instance's volume
 * usable here, let it go, and let go of it for good when its app is deleted.
 * Both backends implement it: the directory backend (a lone node) and the
 * grid's replicated block volumes (daemon/volumes/grid), whose lifecycle the
 * Raft state drives.
 *
 * `VolumeBackend` adds the lifecycle a backend that keeps volumes on its own
 * has: create, remove and list. Only the directory backend has it; one
 * compliance suite (tests/daemon/volumes/backend-compliance.ts) holds it to
 * the contract.
 *
 * Every method rejects an id that is not `[a-z0-9][a-z0-9._-]{0,199}` with
 * ERR_INVALID_VOLUME_ID before touching anything.
 */

export interface VolumeInfo {
  id: string
  sizeBytes: number
  attached: boolean
  /** Where the volume is mounted while attached. */
  path?: string
}

/** Where a volume attached as a block device is served: an NBD export on a Unix socket of its own. */
export interface BlockEndpoint {
  /** The socket; only the volume's owner (and root) may connect. */
  server: { path: string }
  export: string
}

/** What the node agent needs of volumes. */
export interface VolumeAttacher {
  readonly kind: string
  /**
   * Whether an attached volume stays usable when the daemon dies: true for a
   * directory; false when the daemon itself serves the volume (NBD), so an
   * instance using it cannot be re-adopted by the next daemon.
   */
  readonly outlivesDaemon: boolean
  /**
   * Makes the volume usable here and returns where its filesystem is: creates
   * it first when this backend keeps volumes itself (the grid's exist once the
   * state has them). Ensuring an attached volume returns the same path.
   */
  ensure (id: string, sizeBytes: number): Promise<{ path: string }>
  /**
   * Makes the volume usable here as a block device instead of a filesystem
   * (a VM's virtio disk): its NBD export on a socket of its own, owned by
   * `owner` when given. Nothing is mounted; the guest formats and mounts it.
   * Ensuring a block-attached volume returns the same endpoint. The socket's
   * path stays the same across daemon restarts, so a client that reconnects
   * (QEMU) finds the export again. Absent: this backend has no block form.
   */
  ensureBlock?: (id: string, sizeBytes: number, owner?: { uid: number, gid: number }) => Promise<BlockEndpoint>
  /** Unmounts or stops serving the block device; data stays. Idempotent, and a no-op for an absent volume. */
  detach (id: string): Promise<void>
  /**
   * The app that owned the volume is gone: deletes its data when this backend
   * owns its lifecycle. The grid's replicas go when the state drops them, so
   * there it does nothing.
   */
  forget (id: string): Promise<void>
}

/** A backend that keeps volumes on its own: the attacher plus create, remove and list. */
export interface VolumeBackend extends VolumeAttacher {
  /** Creates an empty volume. Idempotent for the same size; a different size is ERR_VOLUME_EXISTS; a size that is not a positive whole number is ERR_INVALID_VOLUME_SIZE. */
  create (id: string, sizeBytes: number): Promise<void>
  /** Makes the volume's filesystem available; returns where. Attaching an attached volume returns the same path. An absent volume is ERR_VOLUME_NOT_FOUND. The attached state survives a restart. */
  attach (id: string): Promise<{ path: string }>
  /** Deletes the volume and its data. Refuses while attached (ERR_VOLUME_ATTACHED). Idempotent when absent. */
  remove (id: string): Promise<void>
  /** Every volume, ordered by id. */
  list (): Promise<VolumeInfo[]>
}
