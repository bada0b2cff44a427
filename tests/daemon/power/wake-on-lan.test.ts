/** Wake-on-LAN: the magic packet's bytes, sent over real UDP; the machine's MAC picked from its interfaces. */
import t from 'tap'
import { createSocket } from 'node:dgram'
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os'
import { magicPacket, MAGIC_PACKET_BYTES, normalizeMac, sendWakeOnLan, wakeMacOf } from '../../../daemon/power/index.ts'

t.test('a magic packet is six 0xff then the MAC sixteen times', async t => {
  const p = magicPacket('52-54-00-AB-cd-01')
  t.equal(p.length, MAGIC_PACKET_BYTES)
  t.same([...p.subarray(0, 6)], [255, 255, 255, 255, 255, 255])
  for (let i = 0; i < 16; i++) t.same([...p.subarray(6 + 6 * i, 12 + 6 * i)], [0x52, 0x54, 0x00, 0xab, 0xcd, 0x01])
  t.equal(normalizeMac('52-54-00-AB-cd-01'), '52:54:00:ab:cd:01')
  for (const bad of ['', '52:54:00:ab:cd', '52:54:00:ab:cd:01:02', 'zz:54:00:ab:cd:01', '5254.00ab.cd01']) {
    t.throws(() => magicPacket(bad), { code: 'ERR_BAD_MAC' }, JSON.stringify(bad))
  }
})

t.test('the packet goes out over UDP to the given address and port', async t => {
  const listener = createSocket('udp4')
  t.teardown(() => { listener.close() })
  await new Promise<void>(resolve => { listener.bind(0, '127.0.0.1', resolve) })
  const got = new Promise<Buffer>(resolve => { listener.once('message', m => { resolve(m) }) })
  await sendWakeOnLan('52:54:00:12:34:56', { address: '127.0.0.1', port: listener.address().port })
  t.same(await got, magicPacket('52:54:00:12:34:56'))
})

t.test('the machine\'s MAC: first IPv4 interface by name that is not internal and has a hardware address', async t => {
  const info = (over: Partial<NetworkInterfaceInfo>): NetworkInterfaceInfo => ({ address: '10.0.0.2', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: false, cidr: null, ...over }) as NetworkInterfaceInfo
  t.equal(wakeMacOf({
    lo: [info({ address: '127.0.0.1', internal: true, mac: '00:00:00:00:00:00' })],
    eth1: [info({ mac: 'AA:BB:CC:00:00:02' })],
    eth0: [info({ family: 'IPv6', address: 'fe80::1', mac: 'aa:bb:cc:00:00:09' }), info({ mac: 'aa:bb:cc:00:00:01' })],
    tun0: [info({ mac: '00:00:00:00:00:00' })]
  }), 'aa:bb:cc:00:00:01')
  t.equal(wakeMacOf({ lo: [info({ internal: true })], tun0: [info({})] }), undefined, 'none without a hardware address')
  const here = wakeMacOf(networkInterfaces())
  t.ok(here === undefined || /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/.test(here), `this machine: ${String(here)}`)
})
