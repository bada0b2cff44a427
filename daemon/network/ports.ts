import { createServer } from 'node:net'

/**
 * Asks the kernel for a free TCP port on host. The port is free when this
 * returns; whoever binds it next (an appliance, for its input) may still
 * lose a race, which the supervisor then treats as a crash and retries.
 */
export async function freePort (host = '127.0.0.1'): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer()
    server.unref()
    server.once('error', reject)
    server.listen({ host, port: 0, exclusive: true }, () => {
      const address = server.address()
      server.close(() => {
        if (address !== null && typeof address === 'object') resolve(address.port)
        else reject(new Error('no port assigned'))
      })
    })
  })
}
