/**
 * The baseline the volume benches measure against: `nbdkit file` on a sparse
 * image in the bench's own directory (so on the same disk as the stores).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFile, truncate } from 'node:fs/promises'
import { connect } from 'node:net'
import { join } from 'node:path'

/** Starts nbdkit's file plugin on a size-byte image under root, export "vol", and waits until it listens. */
export async function startNbdkitFile (root: string, size: number): Promise<{ child: ChildProcess, port: number }> {
  const file = join(root, 'nbdkit.img')
  await writeFile(file, '')
  await truncate(file, size)
  const port = 20000 + Math.floor(Math.random() * 20000)
  const child = spawn('nbdkit', ['-f', '-p', String(port), '-i', '127.0.0.1', '-e', 'vol', 'file', file], { stdio: 'ignore' })
  await waitForPort(port)
  return { child, port }
}

async function waitForPort (port: number): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>(resolve => {
      const s = connect(port, '127.0.0.1')
      s.once('connect', () => { s.destroy(); resolve(true) })
      s.once('error', () => { resolve(false) })
    })
    if (ok) return
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error(`nbdkit did not listen on ${port}`)
}
