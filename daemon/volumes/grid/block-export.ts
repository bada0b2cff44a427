/**
 * A volume attached as a block device: its replicated store exported by an
 * NBD server of its own on a Unix socket only the volume's user may open.
 * One server per volume, so a client (a VM's QEMU) reaches its own volume
 * and no other; the socket's path depends only on the volume's id, so the
 * next daemon listens where the client reconnects.
 */
import { createHash } from 'node:crypto'
import { chmod, chown, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Logger } from 'pino'
import { NbdServer } from '../nbd/index.ts'
import type { BlockStore } from '../block/index.ts'

/** Unix socket paths are at most 107 bytes (sun_path) on Linux. */
const MAX_SOCKET_PATH_BYTES = 107 // bytes
/** Only the owner (the instance's user) connects; root does regardless. */
const SOCKET_MODE = 0o600

/** The socket of a volume's block export: `<dir>/<id>.sock`, or a hash of the id when that is too long for a socket. */
export function blockSocketPath (dir: string, id: string): string {
  const plain = join(dir, `${id}.sock`)
  if (Buffer.byteLength(plain) <= MAX_SOCKET_PATH_BYTES) return plain
  return join(dir, `${createHash('sha256').update(id).digest('hex').slice(0, 16)}.sock`)
}

/** One volume's NBD export on its own socket. */
export class BlockExport {
  readonly path: string
  readonly #server: NbdServer

  private constructor (path: string, server: NbdServer) {
    this.path = path
    this.#server = server
  }

  /** Serves `store` as export `id` on its socket in `dir` (a stale socket file is replaced), owned by `owner` when given. */
  static async open (components: { logger: Logger }, init: { dir: string, id: string, store: BlockStore, generation: number, owner?: { uid: number, gid: number } }): Promise<BlockExport> {
    const path = blockSocketPath(init.dir, init.id)
    const server = new NbdServer({ logger: components.logger })
    server.addExport({ name: init.id, store: init.store, generation: init.generation, description: `trellis volume ${init.id}` })
    try {
      // left by a daemon that died: nothing listens on it
      await rm(path, { force: true })
      await server.listen({ path })
      await chmod(path, SOCKET_MODE)
      if (init.owner !== undefined) await chown(path, init.owner.uid, init.owner.gid)
    } catch (err) {
      await server.close()
      await rm(path, { force: true })
      throw err
    }
    return new BlockExport(path, server)
  }

  /** Stops serving: connected clients are dropped, the socket goes. */
  async close (): Promise<void> {
    await this.#server.close()
    await rm(this.path, { force: true })
  }
}
