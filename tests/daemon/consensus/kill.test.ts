import t from 'tap'
import type { Test } from 'tap'
import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { RealClock } from '../../../controller/clock/index.ts'
import { SeededRandom } from '../../../controller/random/index.ts'
import { RaftCommandLog } from '../../../daemon/consensus/index.ts'
import { LoopbackNetwork, LoopbackTransport } from '../../../daemon/network/index.ts'
import { openStore } from '../../../daemon/store/index.ts'
import type { Store } from '../../../daemon/store/index.ts'
import { logger, waitFor } from './helpers.ts'

// Pipelined Readys on real LevelDB, killed with SIGKILL in the middle of a
// stream of proposals (leaders sending before their own writes, entries
// applied before the commit index is written, snapshots from 50 entries on):
// after each kill the voters restart from their disks and must hold every
// write they acknowledged, in every round.

const ROUNDS = 4
const ids = ['a', 'b', 'c']

t.test('SIGKILL mid-stream loses no acknowledged write', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-raft-kill-'))
  t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
  const rng = new SeededRandom(12)
  const acked: string[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const want = rng.between(60, 400)
    const child = spawn(process.execPath, [join(import.meta.dirname, 'kill-voters.ts'), dir, `r${round}-`], { stdio: ['ignore', 'pipe', 'inherit'] })
    t.teardown(() => { if (child.exitCode === null) child.kill('SIGKILL') })
    const exited = new Promise(resolve => child.once('exit', resolve))
    let mine = 0
    for await (const line of createInterface({ input: child.stdout })) {
      if (!line.startsWith('ack ')) continue
      acked.push(line.slice(4))
      if (++mine >= want) { child.kill('SIGKILL'); break }
    }
    await exited
    t.equal(mine, want, `round ${round}: killed after ${want} acknowledged writes`)
    await checkAll(t, dir, acked)
  }
})

/** Restarts the three voters from their disks and checks that each holds every acknowledged write. */
async function checkAll (t: Test, dir: string, acked: string[]): Promise<void> {
  const network = new LoopbackNetwork()
  const members: Array<{ log: RaftCommandLog, store: Store, transport: LoopbackTransport }> = []
  try {
    for (const id of ids) {
      const store = await openStore(join(dir, id))
      const transport = new LoopbackTransport({ network }, { nodeId: id })
      const log = new RaftCommandLog({ transport, store, clock: new RealClock(), logger }, { voters: ids, tickMs: 20, snapshotEvery: 50 })
      members.push({ log, store, transport })
      await log.start()
      // Set before any leader exists: only a snapshot on disk can have put the state there.
      t.ok(log.state.appliedIndex > 0, `${id} restarts from a snapshot it made before the kill`)
    }
    await waitFor(() => members.some(m => m.log.leads()), 10_000, 'a leader after the kill')
    for (const m of members) {
      await m.log.readBarrier()
      const missing = acked.filter(name => !m.log.state.apps.has(name))
      t.same(missing, [], `${m.log.status().id} holds all ${acked.length} acknowledged writes`)
    }
  } finally {
    for (const m of members) { await m.log.close(); await m.transport.close(); await m.store.close() }
  }
}
