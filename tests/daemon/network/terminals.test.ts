/**
 * Terminal forwarding: an output listener reaches inputs on this node over
 * TCP and on another node over the transport, spreads connections over
 * instances, skips dead ones, and follows an instance that moves.
 */
import t, { type Test } from 'tap'
import { createServer, connect, type Server, type AddressInfo } from 'node:net'
import { pino } from 'pino'
import { LoopbackNetwork, LoopbackTransport, TerminalNetwork, TERMINAL_PROTOCOL } from '../../../daemon/network/index.ts'
import type { Endpoint } from '../../../daemon/network/endpoint.ts'

const logger = pino({ level: 'silent' })

/** A TCP server that answers each line with `<name>:<line>` and echoes half-close. */
async function echo (name: string): Promise<{ server: Server, port: number }> {
  const server = createServer({ allowHalfOpen: true }, socket => {
    let buffered = ''
    socket.on('data', d => {
      buffered += d.toString()
      let i
      while ((i = buffered.indexOf('\n')) >= 0) {
        socket.write(`${name}:${buffered.slice(0, i)}\n`)
        buffered = buffered.slice(i + 1)
      }
    })
    socket.on('end', () => { socket.end('bye\n') })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return { server, port: (server.address() as AddressInfo).port }
}

async function ask (port: number, line: string): Promise<string> {
  return await new Promise((resolve, reject) => {
    const s = connect({ host: '127.0.0.1', port, allowHalfOpen: true })
    let out = ''
    s.on('data', d => { out += d.toString() })
    s.on('end', () => { s.end(); resolve(out) })
    s.on('error', reject)
    s.write(line + '\n')
    s.end()
  })
}

async function setup (t: Test): Promise<{ a: TerminalNetwork, b: TerminalNetwork, net: LoopbackNetwork }> {
  const net = new LoopbackNetwork()
  const ta = new LoopbackTransport({ network: net }, { nodeId: 'node-a' })
  const tb = new LoopbackTransport({ network: net }, { nodeId: 'node-b' })
  const a = new TerminalNetwork({ transport: ta, logger })
  const b = new TerminalNetwork({ transport: tb, logger })
  a.start()
  b.start()
  t.teardown(async () => { await a.close(); await b.close(); await ta.close(); await tb.close() })
  return { a, b, net }
}

t.test('an output reaches a local input and a remote one, with half-close carried', async t => {
  const { a, b } = await setup(t)
  const local = await echo('local')
  const remote = await echo('remote')
  t.teardown(() => { local.server.close(); remote.server.close() })
  a.registerInput('app.db.0', 'http', { host: '127.0.0.1', port: local.port })
  b.registerInput('app.db.1', 'http', { host: '127.0.0.1', port: remote.port })
  const toLocal = await a.listen('local', { host: '127.0.0.1', port: 0 }, () => [{ node: 'node-a', instance: 'app.db.0', terminal: 'http' }])
  const toRemote = await a.listen('remote', { host: '127.0.0.1', port: 0 }, () => [{ node: 'node-b', instance: 'app.db.1', terminal: 'http' }])
  t.equal(await ask(toLocal.address.port, 'hi'), 'local:hi\nbye\n')
  t.equal(await ask(toRemote.address.port, 'hi'), 'remote:hi\nbye\n')
})

t.test('connections spread round robin and skip a dead instance', async t => {
  const { a, b } = await setup(t)
  const one = await echo('one')
  const two = await echo('two')
  t.teardown(() => { one.server.close(); two.server.close() })
  a.registerInput('app.web.0', 'http', { host: '127.0.0.1', port: one.port })
  b.registerInput('app.web.1', 'http', { host: '127.0.0.1', port: two.port })
  const targets: Endpoint[] = [{ node: 'node-a', instance: 'app.web.0', terminal: 'http' }, { node: 'node-b', instance: 'app.web.1', terminal: 'http' }]
  const out = await a.listen('web', { host: '127.0.0.1', port: 0 }, () => targets)
  const answers = []
  for (let i = 0; i < 4; i++) answers.push((await ask(out.address.port, 'x')).split(':')[0])
  t.same(answers, ['one', 'two', 'one', 'two'])
  await new Promise<void>(resolve => two.server.close(() => resolve()))
  for (let i = 0; i < 4; i++) t.equal((await ask(out.address.port, 'y')).split(':')[0], 'one', 'dead remote skipped')
  b.unregisterInput('app.web.1', 'http')
  t.equal((await ask(out.address.port, 'z')).split(':')[0], 'one', 'unregistered input skipped')
})

t.test('new connections follow an instance that moves', async t => {
  const { a, b } = await setup(t)
  const first = await echo('first')
  const moved = await echo('moved')
  t.teardown(() => { first.server.close(); moved.server.close() })
  let where = 'node-a'
  a.registerInput('app.db.0', 'http', { host: '127.0.0.1', port: first.port })
  const out = await a.listen('db', { host: '127.0.0.1', port: 0 }, () => [{ node: where, instance: 'app.db.0', terminal: 'http' }])
  t.equal((await ask(out.address.port, 'q')).split(':')[0], 'first')
  a.unregisterInput('app.db.0', 'http')
  b.registerInput('app.db.0', 'http', { host: '127.0.0.1', port: moved.port })
  where = 'node-b'
  t.equal((await ask(out.address.port, 'q')).split(':')[0], 'moved')
})

t.test('garbled and unknown terminal streams are refused without harm', async t => {
  const { a, b, net } = await setup(t)
  const target = await echo('ok')
  t.teardown(() => { target.server.close() })
  b.registerInput('app.db.0', 'http', { host: '127.0.0.1', port: target.port })
  const stranger = new LoopbackTransport({ network: net }, { nodeId: 'stranger' })
  t.teardown(async () => { await stranger.close() })
  const cases: Array<[string, Buffer]> = [
    ['zero-length header', Buffer.from([0, 0])],
    ['oversized header', Buffer.from([0xff, 0xff, 1, 2, 3])],
    ['not JSON', Buffer.concat([Buffer.from([0, 5]), Buffer.from('nope!')])],
    ['unknown input', Buffer.concat([Buffer.from([0, 40]), Buffer.from(JSON.stringify({ instance: 'app.x.9', terminal: 'http' }).padEnd(40))])]
  ]
  for (const [name, bytes] of cases) {
    const stream = await stranger.dial('node-b', TERMINAL_PROTOCOL)
    const reply: Buffer[] = []
    stream.on('data', d => reply.push(d as Buffer))
    stream.write(bytes)
    await new Promise<void>(resolve => { stream.once('close', () => resolve()); stream.once('end', () => resolve()); stream.once('error', () => resolve()) })
    const answer = Buffer.concat(reply)
    t.ok(answer.length === 0 || answer[0] !== 0, `${name}: not connected`)
  }
  const out = await a.listen('db', { host: '127.0.0.1', port: 0 }, () => [{ node: 'node-b', instance: 'app.db.0', terminal: 'http' }])
  t.equal(await ask(out.address.port, 'still'), 'ok:still\nbye\n', 'forwarding still works')
})

t.test('no target: the connection is closed', async t => {
  const { a } = await setup(t)
  const out = await a.listen('none', { host: '127.0.0.1', port: 0 }, () => [])
  t.equal(await ask(out.address.port, 'x').catch(() => ''), '')
})

t.test('a connection the input resets is reset for the client too, across nodes: never read as a clean end', async t => {
  const { a, b } = await setup(t)
  const server = createServer({ allowHalfOpen: true }, socket => {
    socket.once('data', () => { socket.write('part'); setTimeout(() => { socket.resetAndDestroy() }, 50) })
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => { server.close() })
  b.registerInput('app.db.1', 'http', { host: '127.0.0.1', port: (server.address() as AddressInfo).port })
  const out = await a.listen('db', { host: '127.0.0.1', port: 0 }, () => [{ node: 'node-b', instance: 'app.db.1', terminal: 'http' }])
  const client = connect({ host: '127.0.0.1', port: out.address.port, allowHalfOpen: true })
  t.teardown(() => { client.destroy() })
  let got = ''
  let ended = false
  client.on('data', d => { got += d.toString() })
  client.on('end', () => { ended = true })
  client.write('go')
  const err = await new Promise<Error>(resolve => client.once('error', resolve))
  t.match(err, { code: 'ECONNRESET' }, 'the client sees a reset')
  t.equal(got, 'part', 'what came before the reset arrived')
  t.notOk(ended, 'no clean end')
})
