/**
 * Logs across nodes over a loopback transport with real files: read on the
 * node an instance is placed on, notices instead of empty answers, a follow
 * that switches nodes when the instance moves, and malformed requests
 * refused with a code.
 */
import t from 'tap'
import type { Test } from 'tap'
import { appendFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { RealClock } from '../../../controller/clock/index.ts'
import {
  GridLogs, LogServer, remoteLog, RemoteLogError, type InstanceCondition, type LogEvent
} from '../../../daemon/logs/index.ts'
import { LoopbackNetwork, LoopbackTransport } from '../../../daemon/network/index.ts'

const logger = pino({ level: 'silent' })
const clock = new RealClock()

interface Grid {
  dirs: Record<string, string>
  asker: GridLogs
  placement: Map<string, string>
  conditions: Map<string, InstanceCondition>
  transport: LoopbackTransport
}

/** Nodes a and b serve their logs; c asks. */
async function grid (t: Test): Promise<Grid> {
  const network = new LoopbackNetwork()
  const dirs: Record<string, string> = {}
  const placement = new Map<string, string>()
  const conditions = new Map<string, InstanceCondition>()
  for (const id of ['a', 'b']) {
    dirs[id] = await mkdtemp(join(tmpdir(), `trellis-gridlogs-${id}-`))
    const transport = new LoopbackTransport({ network }, { nodeId: id })
    const server = new LogServer({ transport, logs: { clock, dir: dirs[id]!, files: 3 }, logger })
    server.start()
    t.teardown(async () => { server.close(); await transport.close(); await rm(dirs[id]!, { recursive: true, force: true }) })
  }
  const transport = new LoopbackTransport({ network }, { nodeId: 'c' })
  t.teardown(async () => { await transport.close() })
  const asker = new GridLogs({
    selfId: 'c',
    transport,
    logs: { clock, dir: '/nonexistent', files: 3 },
    clock,
    logger,
    placementOf: id => placement.get(id),
    conditionOf: id => conditions.get(id),
    nameOf: id => `node-${id}`
  })
  return { dirs, asker, placement, conditions, transport }
}

t.test('a read goes to the node the instance is placed on; what has no lines says why', async t => {
  const g = await grid(t)
  appendFileSync(join(g.dirs.a!, 'shop.web.0.stdout.log'), 'one\ntwo\nthree\n')
  appendFileSync(join(g.dirs.b!, 'shop.web.0.stdout.log'), 'elsewhere\n')
  g.placement.set('shop.web.0', 'a')
  g.placement.set('shop.db.0', 'b')
  g.conditions.set('shop.db.0', { state: 'backoff', restarts: 3, lastExit: 'exit code 1' })
  const [web, db, lost] = await g.asker.read(['shop.web.0', 'shop.db.0', 'shop.lb.0'], { tail: 2, stream: 'both' })
  t.same(web!.lines.map(l => l.text), ['two', 'three'], 'the tail, from node a')
  t.equal(web!.node, 'a')
  t.same(web!.notices, [])
  t.same(db!.lines, [])
  t.match(db!.notices, [/crash-looping on node-b: waiting in back-off after 3 restarts; last exit: exit code 1/, /no lines yet on node-b \(state backoff\)/])
  t.match(lost!.notices, [/not placed on any node yet/])
})

t.test('a follow switches to the new node when the instance moves', async t => {
  const g = await grid(t)
  const a = join(g.dirs.a!, 'shop.web.0.stdout.log')
  const b = join(g.dirs.b!, 'shop.web.0.stdout.log')
  appendFileSync(a, 'old\n')
  g.placement.set('shop.web.0', 'a')
  const ac = new AbortController()
  t.teardown(() => { ac.abort() })
  const got: LogEvent[] = []
  const reading = (async () => { for await (const e of g.asker.follow(['shop.web.0'], { tail: 1, stream: 'both' }, ac.signal)) got.push(e) })()
  const texts = (): string[] => got.map(e => 'line' in e ? `${e.node}:${e.line.text}` : `notice:${e.notice}`)
  const until = async (what: string, ok: () => boolean): Promise<void> => {
    for (let i = 0; i < 200 && !ok(); i++) await new Promise(resolve => setTimeout(resolve, 25))
    t.ok(ok(), what)
  }
  await until('the tail', () => texts().includes('a:old'))
  appendFileSync(a, 'new on a\n')
  await until('a new line on a', () => texts().includes('a:new on a'))
  g.placement.set('shop.web.0', 'b')
  await until('the move noticed', () => texts().some(x => /moved from node-a to node-b/.test(x)))
  appendFileSync(b, 'first on b\n')
  appendFileSync(a, 'a keeps writing, but the instance is not there any more\n')
  await until('lines from b', () => texts().includes('b:first on b'))
  ac.abort()
  await reading
  t.notOk(texts().some(x => x.startsWith('a:a keeps')), 'nothing more from a')
  t.same(texts().filter(x => x.startsWith('a:')), ['a:old', 'a:new on a'])
})

t.test('an unsafe instance id is refused by the serving node with a code', async t => {
  const g = await grid(t)
  const read = async (): Promise<void> => { for await (const lines of remoteLog(g.transport, 'a', { instance: '../../etc/passwd', stream: 'both', follow: false }, AbortSignal.timeout(5000))) t.fail(`got ${lines.length} lines`) }
  const err = await read().then(() => undefined, (e: unknown) => e)
  t.ok(err instanceof RemoteLogError, 'the node answered with an error')
  t.equal((err as RemoteLogError).remoteCode, 'ERR_BAD_LOG_REQUEST')
})
