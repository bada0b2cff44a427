/** Free ports for an instance's terminals: as many as asked, all different, all free to bind once returned. */
import t from 'tap'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { freePort, freePorts } from '../../../daemon/network/ports.ts'

t.test('freePorts gives as many ports as asked, no two the same, each free to bind', async t => {
  // Asked one at a time, 300 ports from ~28,000 repeat one with a probability of about 4 in 5.
  const ports = await freePorts(300)
  t.equal(ports.length, 300)
  t.equal(new Set(ports).size, 300, 'all different')
  for (const port of ports.slice(0, 20)) {
    const server = createServer()
    server.listen(port, '127.0.0.1')
    await once(server, 'listening')
    await new Promise<void>(resolve => { server.close(() => { resolve() }) })
  }
  t.pass('returned free: each of the first 20 binds')
  t.same(await freePorts(0), [], 'none asked, none given')
  t.ok((await freePort()) > 0, 'one port')
})
