/**
 * Child process for kill.test.ts: three RaftCommandLog voters on one
 * loopback network, each on its own LevelDB under the directory given,
 * proposing apps named `<prefix><n>` with several in flight and printing
 * `ack <name>` as each is acknowledged (stdout to a pipe is synchronous on
 * Linux, so a printed ack happened before any kill). Runs until killed.
 *
 *   node kill-voters.ts <dir> <prefix>
 */
import { join } from 'node:path'
import { RealClock } from '../../../controller/clock/index.ts'
import { putApp } from '../../../controller/state/index.ts'
import { RaftCommandLog } from '../../../daemon/consensus/index.ts'
import { LoopbackNetwork, LoopbackTransport } from '../../../daemon/network/index.ts'
import { openStore } from '../../../daemon/store/index.ts'
import { logger, spec } from './helpers.ts'

const [dir, prefix] = process.argv.slice(2) as [string, string]
const ids = ['a', 'b', 'c']
const network = new LoopbackNetwork()
const logs: RaftCommandLog[] = []
for (const id of ids) {
  const store = await openStore(join(dir, id))
  const transport = new LoopbackTransport({ network }, { nodeId: id })
  // Small snapshots, so kills also strike around compactions.
  const log = new RaftCommandLog({ transport, store, clock: new RealClock(), logger }, { voters: ids, tickMs: 20, snapshotEvery: 50, timeoutMs: 2000 })
  await log.start()
  logs.push(log)
}
process.stdout.write('ready\n')
let next = 0
await Promise.all(Array.from({ length: 8 }, async () => {
  for (;;) {
    const name = `${prefix}${next++}`
    const leader = logs.find(l => l.leads()) ?? logs[0]!
    try {
      await leader.propose(putApp(spec(name), ''))
      process.stdout.write(`ack ${name}\n`)
    } catch {
      // Not acknowledged: the test expects nothing of it.
    }
  }
}))
