/**
 * The baseline the volume benches measure against: `nbdkit file` on a sparse
 * image in the bench's own directory (so on the same disk as the stores).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFile, truncate } from 'node:fs/promises'
import { connect } from 'node:net'
import { join } from 'node:path'

/**
 * Starts nbdkit's file plugin on a size-byte image under root, export "vol",
 * and waits until it listens: on `socket` when given (a Unix socket, as a
 * volume's clients dial), else on TCP 127.0.0.1.
 */
export async function startNbdkitFile (root: string, size: number, socket?: string): Promise<{ child: ChildProcess, port: number, target: { port: number } | { path: string } }> {
  const file = join(root, 'nbdkit.img')
  await writeFile(file, '')
  await truncate(file, size)
  const port = socket === undefined ? 20000 + Math.floor(Math.random() * 20000) : 0
  const listen = socket === undefined ? ['-p', String(port), '-i', '127.0.0.1'] : ['-U', socket]
  const child = spawn('nbdkit', ['-f', ...listen, '-e', 'vol', 'file', file], { stdio: 'ignore' })
  const target = socket === undefined ? { port } : { path: socket }
  await waitForListener(target)
  return { child, port, target }
}

async function waitForListener (target: { port: number } | { path: string }): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await new Promise<boolean>(resolve => {
      const s = 'path' in target ? connect(target.path) : connect(target.port, '127.0.0.1')
      s.once('connect', () => { s.destroy(); resolve(true) })
      s.once('error', () => { resolve(false) })
    })
    if (ok) return
    await new Promise(resolve => setTimeout(resolve, 50))
  }
  throw new Error(`nbdkit did not listen on ${'path' in target ? target.path : target.port}`)
}
