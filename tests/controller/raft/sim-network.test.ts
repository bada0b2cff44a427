import t from 'tap'
import { sweepTest } from './sim-sweep.ts'

// Loss, delay, reordering, duplication and garbling; and the calm baseline.
t.test('lossy links', async t => sweepTest(t, 'lossy', 1, 450))
t.test('calm', async t => sweepTest(t, 'calm', 1, 300))
