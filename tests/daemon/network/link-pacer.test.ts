/**
 * The link pacer against a simulated bottleneck (discrete events on a virtual
 * time line): one FIFO link of a given rate and round trip, a transfer that
 * always has data, optional cross traffic. Each row checks the rate the
 * transfer settles at against the link's, and the queue it leaves.
 */
import t from 'tap'
import { LinkPacer, type LinkPacerInit } from '../../../daemon/network/index.ts'
import { VirtualClock } from '../../../controller/clock/index.ts'

const kbit = 1000 / 8 // bytes per second
const MiB = 1024 * 1024

interface Phase { untilMs: number, kbit: number, crossKbit?: number }
interface SimResult {
  /** Transfer bytes per second over [from, to). */
  rate: (from: number, to: number) => number
  /** Largest queueing delay at the bottleneck over [from, to), ms. */
  maxQueueMs: (from: number, to: number) => number
  pacer: LinkPacer
}

/**
 * Runs a transfer through `pacer` over a link whose rate changes by phase:
 * pieces queue at the bottleneck behind everything sent before them
 * (transfer and cross traffic alike), and are acknowledged half a round trip
 * after they leave it. At most `inFlight` pieces wait for an answer.
 */
function simulate (init: LinkPacerInit, phases: Phase[], rttMs: number, inFlight = 8): SimResult {
  const clock = new VirtualClock()
  const pacer = new LinkPacer(clock, init)
  const events: Array<{ at: number, seq: number, fn: (now: number) => void }> = []
  let seq = 0
  const at = (time: number, fn: (now: number) => void): void => { events.push({ at: time, seq: seq++, fn }); events.sort((a, b) => a.at - b.at || a.seq - b.seq) }
  const end = phases[phases.length - 1]!.untilMs
  const phaseAt = (now: number): Phase => phases.find(p => now < p.untilMs) ?? phases[phases.length - 1]!
  let linkFreeAt = 0
  const delivered: Array<[number, number]> = [] // [time, bytes]
  const queue: Array<[number, number]> = [] // [time, queueing delay ms]
  const transmit = (bytes: number, now: number): number => {
    const start = Math.max(now, linkFreeAt)
    queue.push([now, start - now])
    linkFreeAt = start + bytes / (phaseAt(now).kbit * kbit / 1000)
    return linkFreeAt
  }
  let waiting = 0
  let reserving = false
  const pump = (now: number): void => {
    if (reserving || waiting >= inFlight || now >= end) return
    const bytes = pacer.pieceBytes(now)
    const { waitMs, ticket } = pacer.reserve(bytes, now)
    reserving = true
    waiting++
    at(now + waitMs, sendAt => {
      reserving = false
      pacer.sent(ticket, sendAt)
      const leaves = transmit(bytes, sendAt)
      at(leaves + rttMs / 2, ackAt => {
        waiting--
        pacer.acked(ticket, ackAt)
        delivered.push([ackAt, bytes])
        pump(ackAt)
      })
      pump(sendAt)
    })
  }
  // Cross traffic: 1500-byte packets at a constant rate, unpaced, sharing the queue.
  const cross = (now: number): void => {
    const k = phaseAt(now).crossKbit ?? 0
    if (now >= end) return
    if (k > 0) transmit(1500, now)
    at(now + (k > 0 ? 1500 / (k * kbit / 1000) : 100), cross)
  }
  at(0, pump)
  at(0, cross)
  while (events.length > 0) {
    const e = events.shift()!
    if (e.at > end) break
    e.fn(e.at)
  }
  return {
    rate: (from, to) => delivered.filter(([time]) => time >= from && time < to).reduce((s, [, b]) => s + b, 0) / ((to - from) / 1000),
    maxQueueMs: (from, to) => Math.max(0, ...queue.filter(([time]) => time >= from && time < to).map(([, q]) => q)),
    pacer
  }
}

const rows: Array<{ name: string, init: LinkPacerInit, phases: Phase[], rttMs: number, from: number, to: number, low: number, high: number, queueMs: number }> = [
  { name: '64 kbit/s radio, 100 ms', init: { ceilingBytesPerSecond: 64 * MiB }, phases: [{ untilMs: 600_000, kbit: 64 }], rttMs: 100, from: 120_000, to: 600_000, low: 0.35, high: 0.65, queueMs: 1500 },
  { name: '2 Mbit/s, 40 ms', init: { ceilingBytesPerSecond: 64 * MiB }, phases: [{ untilMs: 180_000, kbit: 2000 }], rttMs: 40, from: 30_000, to: 180_000, low: 0.35, high: 0.6, queueMs: 500 },
  { name: '8 Mbit/s, 10 ms', init: { ceilingBytesPerSecond: 64 * MiB }, phases: [{ untilMs: 120_000, kbit: 8000 }], rttMs: 10, from: 20_000, to: 120_000, low: 0.4, high: 0.6, queueMs: 500 },
  { name: 'share 25 % of 8 Mbit/s', init: { ceilingBytesPerSecond: 64 * MiB, share: 0.25 }, phases: [{ untilMs: 120_000, kbit: 8000 }], rttMs: 10, from: 20_000, to: 120_000, low: 0.18, high: 0.32, queueMs: 500 },
  // The ceiling binds: 1 MiB/s of a 100 Mbit/s link is 8.4 %.
  { name: 'the ceiling binds on a fast link', init: { ceilingBytesPerSecond: MiB }, phases: [{ untilMs: 60_000, kbit: 100_000 }], rttMs: 2, from: 10_000, to: 60_000, low: 0.07, high: MiB / (100_000 * kbit) * 1.02, queueMs: 100 }
]

for (const r of rows) {
  t.test(`paces at its share: ${r.name}`, async t => {
    const sim = simulate(r.init, r.phases, r.rttMs)
    const link = r.phases[0]!.kbit * kbit
    const share = sim.rate(r.from, r.to) / link
    t.ok(share >= r.low && share <= r.high, `${(share * 100).toFixed(1)} % of the link, want ${(r.low * 100).toFixed(1)}–${(r.high * 100).toFixed(1)} %`)
    const q = sim.maxQueueMs(r.from, r.to)
    t.ok(q <= r.queueMs, `the bottleneck queue stays under ${r.queueMs} ms (largest ${q.toFixed(0)} ms)`)
  })
}

t.test('the estimate rises when the link gets faster (probes) and falls when it gets slower (the window)', async t => {
  const sim = simulate({ ceilingBytesPerSecond: 64 * MiB }, [
    { untilMs: 60_000, kbit: 2000 },
    { untilMs: 120_000, kbit: 8000 },
    { untilMs: 200_000, kbit: 1000 }
  ], 20)
  const at2 = sim.rate(30_000, 60_000) / (2000 * kbit)
  const at8 = sim.rate(90_000, 120_000) / (8000 * kbit)
  const at1 = sim.rate(160_000, 200_000) / (1000 * kbit)
  t.ok(at2 > 0.4 && at2 < 0.6, `at 2 Mbit/s: ${(at2 * 100).toFixed(1)} %`)
  t.ok(at8 > 0.4 && at8 < 0.6, `at 8 Mbit/s, 30 s after it rose: ${(at8 * 100).toFixed(1)} %`)
  t.ok(at1 > 0.3 && at1 < 0.65, `at 1 Mbit/s, 40 s after it fell: ${(at1 * 100).toFixed(1)} %`)
})

t.test('cross traffic that builds a queue makes the transfer back off', async t => {
  // 2 Mbit/s with 1.4 Mbit/s of unpaced other traffic from 40 s: at half its estimate the transfer would overfill the link.
  const phases = [{ untilMs: 40_000, kbit: 2000 }, { untilMs: 160_000, kbit: 2000, crossKbit: 1400 }]
  const paced = simulate({ ceilingBytesPerSecond: 64 * MiB }, phases, 40)
  const rate = paced.rate(80_000, 160_000) / (2000 * kbit)
  t.ok(rate > 0.02, `the transfer still moves: ${(rate * 100).toFixed(1)} % of the link`)
  t.ok(rate < 0.35, `and leaves the other traffic its room: ${(rate * 100).toFixed(1)} %`)
  const q = paced.maxQueueMs(120_000, 160_000)
  t.ok(q < 2000, `the queue stays bounded (largest ${q.toFixed(0)} ms)`)
  t.ok(paced.pacer.view().halvings > 0, `the view counts the halvings (${paced.pacer.view().halvings})`)
  const deaf = simulate({ ceilingBytesPerSecond: 64 * MiB, queueSlackMs: 1e9 }, phases, 40)
  const deafQ = deaf.maxQueueMs(120_000, 160_000)
  t.ok(deafQ > 2 * q, `without the delay signal the queue grows longer (largest ${deafQ.toFixed(0)} ms)`)
  t.equal(deaf.pacer.view().halvings, 0, 'and its pace never halved')
})

t.test('send waits on the clock for its slot; an abort while waiting rejects', async t => {
  const clock = new VirtualClock()
  const pacer = new LinkPacer(clock, { ceilingBytesPerSecond: 1000, probePieces: 1, probeEveryMs: 60_000, minPieceBytes: 500 })
  // Unmeasured: the first piece is a probe and goes at once, but is charged at the ceiling (1000 B/s: 500 ms).
  const first = await pacer.send(500)
  t.same([first.probe, first.sentAt], [true, 0])
  await clock.advance(100)
  pacer.done(first)
  // The first probe always raised the estimate, so trains follow at once, each charged, until three in a row found no more.
  for (const at of [100, 100, 100]) {
    const probe = await pacer.send(500)
    t.same([probe.probe, probe.sentAt], [true, at])
    pacer.done(probe)
  }
  t.equal(pacer.view().rate, 1000, 'measured 5000 B/s, half is 2500: held to the ceiling')
  const third = pacer.send(500)
  await clock.advance(1899)
  let settled = false
  void third.then(() => { settled = true })
  await Promise.resolve()
  t.notOk(settled, 'the next waits for the four before it to be paid (2000 ms)')
  await clock.advance(1)
  const ticket = await third
  t.same([ticket.probe, ticket.sentAt], [false, 2000])
  const ac = new AbortController()
  const fourth = pacer.send(500, ac.signal)
  ac.abort(new Error('stop'))
  await t.rejects(fourth, { message: 'stop' })
})

t.test('before anything is measured, slot waits for the first train to be answered rather than guess a pace', async t => {
  const clock = new VirtualClock()
  const pacer = new LinkPacer(clock, { ceilingBytesPerSecond: 0, probePieces: 2 })
  const a = await pacer.send(4096)
  const b = await pacer.send(4096)
  t.same([a.probe, b.probe], [true, true], 'the first two pieces are the train')
  let third: number | undefined
  const waiting = pacer.slot(4096).then(ticket => { third = clock.now(); return ticket })
  await clock.advance(50)
  pacer.done(a)
  await Promise.resolve()
  t.equal(third, undefined, 'one answer of two: still waiting')
  await clock.advance(50)
  pacer.done(b)
  const ticket = await waiting
  t.ok(third !== undefined && third >= 100, `went once the train was answered (at ${third} ms)`)
  t.ok(pacer.view().estimate > 0, `with a measured rate (${Math.round(pacer.view().estimate)} B/s)`)
  t.equal(ticket.probe, true, 'the estimate rose from nothing, so the next train follows at once')
})

t.test('bad settings are refused', async t => {
  const clock = new VirtualClock()
  t.throws(() => new LinkPacer(clock, { ceilingBytesPerSecond: 0, share: 0 }), RangeError)
  t.throws(() => new LinkPacer(clock, { ceilingBytesPerSecond: 0, share: 1.5 }), RangeError)
  t.throws(() => new LinkPacer(clock, { ceilingBytesPerSecond: -1 }), RangeError)
})
