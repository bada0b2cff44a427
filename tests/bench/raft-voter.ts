/**
 * The raft-commit bench's voters in processes of their own, as in a grid:
 * each a MeshHost (tcp · noise · yamux, as the daemon builds it) with a
 * Libp2pTransport and a pipelined RaftCommandLog on its own LevelDB. The
 * parent (`voterProcesses`) forks three, wires them, and has the leader run
 * the same unbatched and batched loads; the unbatched commits are interleaved
 * with the fdatasync baseline in the leader's process.
 */
import { fork, type ChildProcess } from 'node:child_process'
import { closeSync, fdatasyncSync, openSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { replies, stopChildren } from './stats.ts'
import { benchNodeExecArgv } from '../helpers/daemon-v8.ts'

type Command =
  | { kind: 'start', dir: string, peers: Array<{ peerId: string, address: string }>, pipelined: boolean }
  | { kind: 'leads' }
  | { kind: 'run', unbatched: number }
  | { kind: 'batch', batched: number, inFlight: number, prefix: string }
  | { kind: 'cpu' }
  | { kind: 'stop' }

type Reply =
  | { kind: 'ready', peerId: string, address: string }
  | { kind: 'done' }
  | { kind: 'leads', yes: boolean }
  | { kind: 'ran', fsyncs: number[], latencies: number[] }
  | { kind: 'batched', batchedSeconds: number, batchedLatencies: number[] }
  | { kind: 'cpu', micros: number }
  | { kind: 'error', message: string }

/** One batched round: how long it took, the CPU it cost (µs) and each commit's latency (ms). */
export interface BatchedRound { seconds: number, cpuMicros: number, latencies: number[] }

/** What the leader measured; each batched round's CPU is what the three voters spent (user + system). */
export interface ProcessFigures { fsyncs: number[], latencies: number[], rounds: BatchedRound[] }

/** Forks three voter processes under `dir`, runs the loads on the leader, stops them. */
export async function voterProcesses (dir: string, pipelined: boolean, load: { unbatched: number, batched: number, rounds: number, warmup: number, inFlight: number }): Promise<ProcessFigures> {
  const { GridKey } = await import('../../daemon/mesh/index.ts')
  const env = { ...process.env, BENCH_GRID_KEY: Buffer.from(GridKey.create().encode()).toString('base64') }
  const children: ChildProcess[] = []
  try {
    const peers: Array<{ peerId: string, address: string }> = []
    for (let i = 0; i < 3; i++) {
      const child = fork(fileURLToPath(import.meta.url), ['--voter'], { env, stdio: 'inherit', execArgv: benchNodeExecArgv() })
      children.push(child)
      const r = await reply(child, 'ready')
      peers.push({ peerId: r.peerId, address: r.address })
    }
    await Promise.all(children.map(async (c, i) => { await ask(c, { kind: 'start', dir: join(dir, `v${i}`), peers, pipelined }, 'done') }))
    let leader: ChildProcess | undefined
    for (let tries = 0; leader === undefined; tries++) {
      if (tries > 200) throw new Error('no leader among the voter processes')
      await new Promise(resolve => setTimeout(resolve, 50))
      for (const c of children) {
        if ((await ask(c, { kind: 'leads' }, 'leads')).yes) leader = c
      }
    }
    const ran = await ask(leader, { kind: 'run', unbatched: load.unbatched }, 'ran')
    const cpu = async (): Promise<number> => (await Promise.all(children.map(async c => (await ask(c, { kind: 'cpu' }, 'cpu')).micros))).reduce((a, b) => a + b, 0)
    if (load.warmup > 0) await ask(leader, { kind: 'batch', batched: load.warmup, inFlight: load.inFlight, prefix: 'w' }, 'batched')
    const rounds: BatchedRound[] = []
    for (let r = 0; r < load.rounds; r++) {
      const cpu0 = await cpu()
      const batched = await ask(leader, { kind: 'batch', batched: load.batched, inFlight: load.inFlight, prefix: `b${r}-` }, 'batched')
      rounds.push({ seconds: batched.batchedSeconds, cpuMicros: await cpu() - cpu0, latencies: batched.batchedLatencies })
    }
    return { ...ran, rounds }
  } finally {
    await stopChildren(children)
  }
}

/**
 * Lets the voters finish what a commit left them (followers hearing the new
 * commit index, and answering) before the baseline is measured: otherwise it
 * would share the machine with that work in one mode and not in another.
 */
export async function settle (): Promise<void> {
  await new Promise(resolve => setTimeout(resolve, 1))
}

const reply = replies<Reply>()

async function ask<K extends Reply['kind']> (child: ChildProcess, c: Command, kind: K): Promise<Extract<Reply, { kind: K }>> {
  const r = reply(child, kind)
  child.send(c)
  return await r
}

// ───────────────────────────── one voter process ─────────────────────────────

async function voter (): Promise<void> {
  const { multiaddr } = await import('@multiformats/multiaddr')
  const { pino } = await import('pino')
  const { benchMeshNode } = await import('./mesh-node.ts')
  const { RealClock } = await import('../../controller/clock/index.ts')
  const { putApp } = await import('../../controller/state/index.ts')
  const { RaftCommandLog } = await import('../../daemon/consensus/index.ts')
  const { openStore } = await import('../../daemon/store/index.ts')
  const logger = pino({ level: 'warn' })
  const send = (m: Reply): void => { process.send!(m) }
  const { host, transport } = await benchMeshNode(logger)
  let log: InstanceType<typeof RaftCommandLog> | undefined
  let store: Awaited<ReturnType<typeof openStore>> | undefined
  let fsyncPath = ''
  const propose = async (name: string): Promise<void> => {
    await log!.propose(putApp({ name, components: [], entries: [], constraints: [] }, ''))
  }
  const handle = async (c: Command): Promise<Reply> => {
    switch (c.kind) {
      case 'start': {
        for (const p of c.peers) if (p.peerId !== host.peerId) await host.libp2p.dial(multiaddr(p.address))
        store = await openStore(c.dir)
        fsyncPath = `${c.dir}-fsync`
        log = new RaftCommandLog({ transport, store, clock: new RealClock(), logger }, { voters: c.peers.map(p => p.peerId), tickMs: 50, pipelined: c.pipelined, snapshotMode: c.pipelined ? 'background' : 'inline' })
        await log.start()
        return { kind: 'done' }
      }
      case 'leads':
        return { kind: 'leads', yes: log?.leads() === true }
      case 'run': {
        for (let i = 0; i < 200; i++) await propose(`w${i}`)
        const fd = openSync(fsyncPath, 'w')
        const block = Buffer.alloc(256, 7)
        const fsyncs: number[] = []
        const latencies: number[] = []
        for (let i = 0; i < c.unbatched; i++) {
          await settle()
          let t0 = performance.now()
          writeSync(fd, block)
          fdatasyncSync(fd)
          fsyncs.push(performance.now() - t0)
          t0 = performance.now()
          await propose(`u${i}`)
          latencies.push(performance.now() - t0)
        }
        closeSync(fd)
        return { kind: 'ran', fsyncs, latencies }
      }
      case 'cpu': {
        const u = process.cpuUsage()
        return { kind: 'cpu', micros: u.user + u.system }
      }
      case 'batch': {
        const batchedLatencies: number[] = []
        let next = 0
        const t0 = performance.now()
        await Promise.all(Array.from({ length: c.inFlight }, async () => {
          while (next < c.batched) {
            const i = next++
            const t = performance.now()
            await propose(`${c.prefix}${i}`)
            batchedLatencies.push(performance.now() - t)
          }
        }))
        return { kind: 'batched', batchedSeconds: (performance.now() - t0) / 1000, batchedLatencies }
      }
      case 'stop':
        await log?.close()
        await transport.close()
        await store?.close()
        process.exit(0)
    }
  }
  process.on('message', (c: Command) => {
    handle(c).then(send, (err: Error) => { send({ kind: 'error', message: err.stack ?? String(err) }) })
  })
  process.on('disconnect', () => process.exit(0))
  send({ kind: 'ready', peerId: host.peerId, address: host.addresses[0]! })
}

if (process.argv.includes('--voter')) await voter()
