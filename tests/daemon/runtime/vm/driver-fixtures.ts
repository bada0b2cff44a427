/** What the vm driver's test files share: a driver torn down with its test, and a volume exported over NBD. */
import { rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Test } from 'tap'
import { pino } from 'pino'
import { openSparseFileStore } from '../../../../daemon/volumes/block/index.ts'
import { NbdServer } from '../../../../daemon/volumes/nbd/index.ts'
import { tempDir } from '../helpers.ts'
import { MiB, vmDriver } from './helpers.ts'

/** A driver and a log dir for one test, torn down with it (VMs destroyed, cgroups and dirs removed). */
export async function setup (t: Test): Promise<Awaited<ReturnType<typeof vmDriver>> & { logDir: string, ids: string[] }> {
  const vd = await vmDriver()
  const logDir = await tempDir('trellis-vm-logs-')
  const ids: string[] = []
  t.teardown(async () => {
    for (const id of ids) await vd.driver.destroy(id).catch(() => {})
    await vd.cleanup()
    await rm(logDir, { recursive: true, force: true })
  })
  return { ...vd, logDir, ids }
}

/** A SparseFileStore exported as `vol` by the project's NbdServer on a Unix socket. */
export async function nbdVolume (t: Test, size = 64 * MiB): Promise<{ socket: string, server: NbdServer }> {
  const dir = await tempDir('trellis-vm-nbd-')
  const store = await openSparseFileStore({}, { dir: join(dir, 'vol'), size })
  const server = new NbdServer({ logger: pino({ level: 'silent' }) })
  server.addExport({ name: 'vol', store, generation: 1 })
  const socket = join(dir, 'nbd.sock')
  await server.listen({ path: socket })
  t.teardown(async () => {
    await server.close()
    await store.close()
    await rm(dir, { recursive: true, force: true })
  })
  return { socket, server }
}
