/** Since when a down node counts as silent: the later of the detector's last heartbeat and the node's last answer over Raft. */
import t from 'tap'
import { silentSince } from '../../../controller/reconciler/index.ts'

t.test('silence is dated by the later of the two channels', async t => {
  // [name, node, down since (the verdict), want]
  const table: Array<[string, { state: string, lastHeard?: number, lastAnswered?: number }, number | undefined, number | undefined]> = [
    ['up: no silence', { state: 'up', lastHeard: 900 }, undefined, undefined],
    ['down: from the last heartbeat', { state: 'down', lastHeard: 1000 }, 3000, 1000],
    ['down, no heartbeat known: from the verdict', { state: 'down' }, 3000, 3000],
    ['a heartbeat dated after the verdict: the verdict', { state: 'down', lastHeard: 4000 }, 3000, 3000],
    ['down by the detector, but answering Raft since: from its last answer', { state: 'down', lastHeard: 1000, lastAnswered: 5000 }, 3000, 5000],
    ['its last Raft answer before its last heartbeat: the heartbeat', { state: 'down', lastHeard: 1000, lastAnswered: 400 }, 3000, 1000],
    ['left: from the verdict, or a later answer', { state: 'left', lastAnswered: 3500 }, 3000, 3500],
    ['up, answering: no silence', { state: 'up', lastAnswered: 5000 }, undefined, undefined]
  ]
  for (const [name, node, downSince, want] of table) t.equal(silentSince(node, downSince), want, name)
})
