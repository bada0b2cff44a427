import { createServer, type Server } from 'node:net'

/**
 * Asks the kernel for a free TCP port on host. The port is free when this
 * returns; whoever binds it next (an appliance, for its input) may still
 * lose a race, which the supervisor then treats as a crash and retries.
 */
export async function freePort (host = '127.0.0.1'): Promise<number> {
  const [port] = await freePorts(1, host)
  return port!
}

/**
 * `count` free TCP ports on host, all different: each is held until all are
 * chosen. Asked one at a time, the kernel may give the same port twice (it
 * picks at random among the free ones), and an instance whose input port
 * was also its output's listener sent its callers to what that output
 * reaches (a web tier's requests, and its health probes, answered by its
 * database).
 */
export async function freePorts (count: number, host = '127.0.0.1'): Promise<number[]> {
  const servers: Server[] = []
  try {
    const ports: number[] = []
    for (let i = 0; i < count; i++) {
      const server = createServer()
      server.unref()
      servers.push(server)
      ports.push(await new Promise<number>((resolve, reject) => {
        server.once('error', reject)
        server.listen({ host, port: 0, exclusive: true }, () => {
          const address = server.address()
          if (address !== null && typeof address === 'object') resolve(address.port)
          else reject(new Error('no port assigned'))
        })
      }))
    }
    return ports
  } finally {
    await Promise.all(servers.map(async s => { await new Promise<void>(resolve => { s.close(() => { resolve() }) }) }))
  }
}

/**
 * Whether every one of `ports` can be listened on at host now: each is
 * tried alone and released at once. What another process (or another
 * instance given it since) listens on fails.
 */
export async function portsFree (ports: readonly number[], host = '127.0.0.1'): Promise<boolean> {
  for (const port of ports) {
    const server = createServer()
    server.unref()
    const free = await new Promise<boolean>(resolve => {
      server.once('error', () => { resolve(false) })
      server.listen({ host, port, exclusive: true }, () => { resolve(true) })
    })
    if (free) await new Promise<void>(resolve => { server.close(() => { resolve() }) })
    if (!free) return false
  }
  return true
}
