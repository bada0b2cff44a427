import t from 'tap'
import { sweepTest } from './sim-sweep.ts'

// Long partitions (the leader alone, random splits, one-way cuts), and stalled nodes.
t.test('partitions', async t => sweepTest(t, 'partitions', 1, 450))
t.test('pauses', async t => sweepTest(t, 'pauses', 1, 300))
