import t from 'tap'
import { sweepTest } from './sim-sweep.ts'

// Repeated leader crashes and random crashes, some inside a Ready (before or after its writes).
t.test('leader crashes', async t => sweepTest(t, 'leader-crashes', 1, 450))
t.test('crashes', async t => sweepTest(t, 'crashes', 1, 300))
