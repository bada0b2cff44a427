/**
 * The field network harness itself: a link carries TCP, a cut link carries
 * nothing until healed, a limited link is as slow as its rate, and the
 * counters see what crossed. Needs root, iproute2 and tc.
 */
import t from 'tap'
import { execFile, spawn } from 'node:child_process'
import { FieldNet } from './field-net.ts'

const root = process.getuid?.() === 0
/** Bytes the server sends each client. */
const PAYLOAD = 64 * 1024

t.test('limit, cut, heal and count a node\'s link', { skip: root ? false : 'needs root for network namespaces' }, async t => {
  const net = FieldNet.create({ nodes: 2 })
  t.teardown(() => { net.destroy() })
  const server = spawn('nsenter', [...net.nsenterArgs(0), process.execPath, '-e',
    `require('net').createServer(s => { s.end(Buffer.alloc(${PAYLOAD})) }).listen(7999, '${net.nodes[0]!.address}', () => console.log('listening'))`], { stdio: ['ignore', 'pipe', 'inherit'] })
  t.teardown(() => { server.kill('SIGKILL') })
  await new Promise<void>(resolve => { server.stdout.once('data', () => { resolve() }) })

  // From node 1's namespace: ms to read the whole payload, or 'fail' when nothing came within the timeout.
  const fetch = async (timeoutMs: number): Promise<number | 'fail'> => await new Promise((resolve, reject) => {
    execFile('nsenter', [...net.nsenterArgs(1), process.execPath, '-e', `
      const start = Date.now(); let got = 0
      const s = require('net').connect(7999, '${net.nodes[0]!.address}')
      s.on('data', d => { got += d.length }); s.on('end', () => { console.log(got === ${PAYLOAD} ? Date.now() - start : 'fail'); process.exit(0) })
      s.on('error', () => { console.log('fail'); process.exit(0) })
      setTimeout(() => { console.log('fail'); process.exit(0) }, ${timeoutMs})`], (err, stdout) => {
      if (err !== null) reject(err)
      else resolve(stdout.trim() === 'fail' ? 'fail' : Number(stdout.trim()))
    })
  })

  const before = net.bytes(1)
  t.type(await fetch(5000), 'number', 'an unlimited link carries the payload')
  t.ok(net.bytes(1).rx - before.rx >= PAYLOAD, 'the counters saw it cross node 1\'s link')

  net.cut(1)
  t.equal(await fetch(1500), 'fail', 'a cut link carries nothing')
  net.heal(1)
  t.type(await fetch(5000), 'number', 'a healed link carries again')

  // 64 KiB at 256 kbit/s is about 2 s.
  net.limit(1, { kbit: 256, queuePackets: 100 })
  const slow = await fetch(20_000)
  t.ok(typeof slow === 'number' && slow >= 1500, `a link limited to 256 kbit/s takes ${slow} ms for 64 KiB`)
  net.unlimit(1)
  const fast = await fetch(5000)
  t.ok(typeof fast === 'number' && fast < 1500, `unlimited again: ${fast} ms`)
})
