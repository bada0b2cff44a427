/** The phi-accrual detector, by table. */
import t from 'tap'
import { PhiDetector, elapsedForPhi, phiOf } from '../../../daemon/membership/index.ts'
import { mulberry32 } from '../../../controller/random/index.ts'
import type { PhiOptions } from '../../../daemon/membership/index.ts'

const regular: PhiOptions = { windowSize: 100, minStdDevMs: 100, acceptablePauseMs: 0, firstHeartbeatEstimateMs: 1_000 }

/** A detector that has seen `n` heartbeats `interval` ms apart, the last at `last`. */
function trained (options: PhiOptions, interval: number, n: number, last = (n - 1) * interval): PhiDetector {
  const d = new PhiDetector(options)
  for (let i = 0; i < n; i++) d.heartbeat(last - (n - 1 - i) * interval)
  return d
}

/** The first ms after `from` at which phi reaches `threshold`, scanning in 1 ms steps. */
function crossing (d: PhiDetector, from: number, threshold: number): number {
  for (let now = from; now < from + 60_000; now++) if (d.phi(now) >= threshold) return now - from
  return Infinity
}

t.test('phiOf: the logistic approximation of the normal tail', async t => {
  // silence in standard deviations past the mean → phi, to 3 decimals
  const table: Array<[number, number]> = [
    [-10, 0], [-3, 0.001], [0, 0.301], [1, 0.800], [1.2822, 1.000], [2, 1.643], [3.0589, 3.000], [5.226, 8.000], [6.2921, 12.000]
  ]
  for (const [y, phi] of table) t.equal(Number(phiOf(y * 100 + 1_000, 1_000, 100).toFixed(3)), phi, `y = ${y}`)
  t.ok(Number.isFinite(phiOf(1e9, 0, 1)), 'a silence of a billion deviations is still a finite phi')
  t.ok(phiOf(1e9, 0, 1) > 1e20, '…and a huge one')
})

t.test('elapsedForPhi inverts phiOf', async t => {
  for (const phi of [0.1, 0.5, 1, 2, 3, 5, 8, 12, 16, 30]) {
    for (const [mean, sd] of [[500, 150], [1_000, 500], [3_500, 100]]) {
      const elapsed = elapsedForPhi(phi, mean, sd)
      t.ok(Math.abs(phiOf(elapsed, mean, sd) - phi) < 1e-6, `phi ${phi}, mean ${mean}, sd ${sd}`)
    }
  }
  t.equal(elapsedForPhi(0, 1_000, 100), -Infinity, 'phi 0 is reached at any silence')
})

t.test('regular arrivals keep phi low', async t => {
  // 150 beats push the two bootstrap samples out of a window of 100
  const d = trained(regular, 1_000, 150)
  const last = 149_000
  t.equal(d.meanMs, 1_000)
  t.equal(d.stdDevMs, 0, 'a metronome has no deviation…')
  // …but the floor keeps it from being judged to the millisecond: silence → phi below
  const table: Array<[number, number]> = [[0, 0.01], [500, 0.01], [900, 0.2], [1_000, 0.31], [1_100, 0.81]]
  for (const [silence, below] of table) t.ok(d.phi(last + silence) < below, `${silence} ms of silence: phi ${d.phi(last + silence).toFixed(4)} < ${below}`)
})

t.test('phi rises monotonically with silence and never jumps to Infinity', async t => {
  const rng = mulberry32(7)
  const d = new PhiDetector(regular)
  let at = 0
  for (let i = 0; i < 200; i++) d.heartbeat(at += 800 + rng() * 400)
  let previous = -1
  let strictlyUp = 0
  const falls: string[] = []
  for (let silence = 0; silence <= 20_000; silence += 10) {
    const phi = d.phi(at + silence)
    if (phi < previous) falls.push(`${silence} ms: ${previous} → ${phi}`)
    if (phi > previous) strictlyUp++
    previous = phi
  }
  t.same(falls, [], 'phi never falls as silence grows')
  t.ok(strictlyUp > 1_900, 'and keeps rising rather than saturating')
  t.ok(Number.isFinite(d.phi(at + 1e9)), 'finite however long the silence')
})

t.test('thresholds are crossed when the settings say', async t => {
  // interval, min sd, pause, threshold → expected silence (ms) = interval + pause + y(threshold) · sd,
  // y(1) = 1.2822, y(3) = 3.0589, y(8) = 5.2260 under the approximation (exact normal: 1.2816, 3.0902, 5.6120;
  // the approximation's far tail is a little thinner, so it decides slightly early, never late)
  const table: Array<[number, number, number, number, number]> = [
    [1_000, 100, 0, 1, 1_128],
    [1_000, 100, 0, 3, 1_306],
    [1_000, 100, 0, 8, 1_523],
    [1_000, 100, 2_000, 8, 3_523],
    [500, 150, 1_000, 3, 1_959],
    [500, 150, 1_000, 8, 2_284],
    [1_000, 500, 2_500, 1, 4_142],
    [1_000, 500, 2_500, 8, 6_113]
  ]
  for (const [interval, minStdDevMs, acceptablePauseMs, threshold, expected] of table) {
    const d = trained({ ...regular, minStdDevMs, acceptablePauseMs }, interval, 150)
    const last = 149 * interval
    const at = crossing(d, last, threshold)
    t.ok(Math.abs(at - expected) <= 2, `every ${interval} ms, sd ≥ ${minStdDevMs}, pause ${acceptablePauseMs}: phi ${threshold} after ${at} ms (expected ${expected})`)
    t.ok(Math.abs(d.silenceForPhi(threshold) - expected) <= 2, '…and silenceForPhi agrees')
  }
})

t.test('a jittery peer earns a wider margin than a regular one', async t => {
  const rng = mulberry32(42)
  const jittery = new PhiDetector(regular)
  let at = 0
  for (let i = 0; i < 100; i++) jittery.heartbeat(at += 1_000 + (rng() - 0.5) * 1_000)
  const steady = trained(regular, 1_000, 100)
  t.ok(jittery.stdDevMs > 200, `learned sd ${jittery.stdDevMs.toFixed(0)} ms`)
  t.ok(jittery.silenceForPhi(8) > steady.silenceForPhi(8) + 500, 'phi 8 comes later for the jittery peer')
})

t.test('bootstrap: the first heartbeat is judged against the estimate', async t => {
  const d = new PhiDetector(regular)
  t.equal(d.phi(5_000), 0, 'nothing heard yet: no suspicion')
  d.heartbeat(10_000)
  // Akka's seed: samples at estimate ∓ estimate/4, so mean 1000 ms and sd 250 ms.
  t.equal(d.meanMs, 1_000)
  t.equal(d.stdDevMs, 250)
  t.ok(d.phi(10_500) < 0.1, 'half an estimate of silence is nothing')
  t.ok(Math.abs(crossing(d, 10_000, 8) - 2_307) <= 2, 'phi 8 at mean + 5.226 sd')
})

t.test('the window is bounded: old intervals fall out', async t => {
  const d = new PhiDetector({ ...regular, windowSize: 50 })
  let at = 0
  for (let i = 0; i < 500; i++) d.heartbeat(at += 1_000)
  for (let i = 0; i < 50; i++) d.heartbeat(at += 2_000)
  t.equal(d.meanMs, 2_000, 'only the last 50 count')
  t.equal(d.stdDevMs, 0)
  for (let i = 0; i < 10_000; i++) d.heartbeat(at += 2_000)
  t.equal(d.meanMs, 2_000, 'no drift after many laps of the ring')
})

t.test('duplicates, reordering and acks teach nothing about the rhythm', async t => {
  const d = trained(regular, 1_000, 20)
  d.heartbeat(19_000)
  d.heartbeat(18_500)
  t.equal(d.meanMs, 1_000, 'a duplicate and an older arrival add no sample')
  t.equal(d.lastSeen, 19_000)
  d.alive(20_500)
  t.equal(d.meanMs, 1_000, 'an ack adds no sample…')
  t.equal(d.lastSeen, 20_500, '…but resets the silence')
  t.ok(d.phi(21_000) < 0.1, 'half a second after the ack, nothing to suspect')
  d.heartbeat(21_000)
  // 19 intervals of 1 s, Akka's two bootstrap samples (750 + 1250) and now 2 s
  t.equal(d.meanMs, (19 * 1_000 + 2_000 + 2_000) / 22, 'the next heartbeat measures from the last heartbeat, not the ack')
})
