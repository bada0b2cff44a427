/**
 * The baseline the volume benches measure against: `nbdkit file` on a sparse
 * image in the bench's own directory (so on the same disk as the stores).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { writeFile, truncate } from 'node:fs/promises'
import { connect } from 'node:net'
import { join } from 'node:path'
import type { Target } from '../daemon/volumes/nbd/client.ts'

/**
 * Starts nbdkit's file plugin on a size-byte image under root, export "vol",
 * and waits until it listens: on `socket` when given (a Unix socket, as a
 * volume's clients dial), else on TCP 127.0.0.1.
 */
export async function startNbdkitFile (root: string, size: number, socket?: string): Promise<{ child: ChildProcess, target: Target }> {
  const file = join(root, 'nbdkit.img')
  await writeFile(file, '')
  await truncate(file, size)
  const target: Target = socket === undefined ? { port: 20000 + Math.floor(Math.random() * 20000) } : { path: socket }
  const listen = 'path' in target ? ['-U', target.path] : ['-p', String(target.port), '-i', '127.0.0.1']
  const child = spawn('nbdkit', ['-f', ...listen, '-e', 'vol', 'file', file], { stdio: 'ignore' })
  await waitForListener(target)
  return { child, target }
}

async function waitForListener (target: Target): Promise<void> {
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
