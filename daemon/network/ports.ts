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
      const server = await listening(host, 0)
      servers.push(server)
      const address = server.address()
      if (address === null || typeof address !== 'object') throw new Error('no port assigned')
      ports.push(address.port)
    }
    return ports
  } finally {
    await Promise.all(servers.map(closed))
  }
}

/**
 * Whether every one of `ports` can be listened on at host now: each is
 * tried alone and released at once. What another process (or another
 * instance given it since) listens on fails.
 */
export async function portsFree (ports: readonly number[], host = '127.0.0.1'): Promise<boolean> {
  for (const port of ports) {
    const server = await listening(host, port).catch(() => undefined)
    if (server === undefined) return false
    await closed(server)
  }
  return true
}

/** A server listening on host:port (0: any free port), not keeping the process alive; rejects when the port cannot be had. */
async function listening (host: string, port: number): Promise<Server> {
  const server = createServer()
  server.unref()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen({ host, port, exclusive: true }, resolve)
  })
  return server
}

async function closed (server: Server): Promise<void> {
  await new Promise<void>(resolve => { server.close(() => { resolve() }) })
}
