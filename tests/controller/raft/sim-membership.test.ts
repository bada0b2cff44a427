import t from 'tap'
import { sweepTest } from './sim-sweep.ts'

// Membership changes and leadership transfers during faults; then everything at once.
t.test('membership', async t => sweepTest(t, 'membership', 1, 300))
t.test('chaos', async t => sweepTest(t, 'chaos', 1, 450))
