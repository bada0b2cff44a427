/** Which addresses a subnet scan tries (a table), and which of them it finds open (real sockets). */
import t from 'tap'
import { createServer } from 'node:net'
import type { NetworkInterfaceInfo } from 'node:os'
import { openPorts, scanRanges, subnetHosts } from '../../../daemon/mesh/index.ts'
import { freePort } from '../../../daemon/network/index.ts'

function v4 (address: string, prefix: number, internal = false): NetworkInterfaceInfo {
  return { family: 'IPv4', address, netmask: '', mac: '00:00:00:00:00:00', internal, cidr: `${address}/${prefix}` }
}
const lo = v4('127.0.0.1', 8, true)
const v6: NetworkInterfaceInfo = { family: 'IPv6', address: 'fe80::1', netmask: '', mac: '00:00:00:00:00:00', internal: false, cidr: 'fe80::1/64', scopeid: 2 }

t.test('the hosts of the node\'s own subnets, at most a /24 around each address', async t => {
  const table: Array<[string, NodeJS.Dict<NetworkInterfaceInfo[]>, number, string[], string[]]> = [
    // name, interfaces, how many hosts, some that must be there, the ranges
    ['a /24', { lo: [lo], eth0: [v4('10.1.2.5', 24), v6] }, 253, ['10.1.2.1', '10.1.2.254'], ['10.1.2.0/24']],
    ['a /16: the /24 around the address', { eth0: [v4('172.16.9.20', 16)] }, 253, ['172.16.9.1', '172.16.9.254'], ['172.16.9.0/24']],
    ['a /29', { eth0: [v4('192.168.7.10', 29)] }, 5, ['192.168.7.9', '192.168.7.14'], ['192.168.7.8/29']],
    ['two interfaces, each scanned, never the node itself', { a: [v4('10.0.0.2', 30)], b: [v4('10.9.0.1', 30)] }, 2, ['10.0.0.1', '10.9.0.2'], ['10.0.0.0/30', '10.9.0.0/30']],
    ['loopback, link-local and IPv6 only: nothing', { lo: [lo], eth0: [v4('169.254.3.4', 16), v6] }, 0, [], []]
  ]
  for (const [name, interfaces, count, present, ranges] of table) {
    const hosts = subnetHosts(interfaces)
    t.equal(hosts.length, count, `${name}: ${count} hosts`)
    for (const p of present) t.ok(hosts.includes(p), `${name}: ${p}`)
    t.notOk(hosts.some(h => Object.values(interfaces).flat().some(i => i?.address === h)), `${name}: none of its own`)
    t.same(scanRanges(interfaces), ranges, `${name}: ranges`)
  }
})

t.test('openPorts finds where the port answers, and nothing where it does not', async t => {
  const server = createServer(socket => { socket.destroy() })
  const port = await freePort()
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>(resolve => server.close(() => resolve())))
  t.same(await openPorts(['127.0.0.1', '127.0.0.2', '127.0.0.3'], port, { timeoutMs: 500 }), ['127.0.0.1'])
  t.same(await openPorts([], port), [], 'no hosts, no scan')
})
