/** The simulator itself: deterministic, and its channel, stalls, kills and probes behave. */
import t from 'tap'
import { FIELD_DETECTOR, LAN_DETECTOR } from '../../../daemon/membership/index.ts'
import { CLEAN_LAN, HEAVY_STALLS, LOSSY_FIELD, StallSchedule, simulate } from '../../sim/membership/index.ts'
import { mulberry32 } from '../../../controller/random/index.ts'
import type { SimOptions } from '../../sim/membership/index.ts'

const base: SimOptions = { seed: 1, settings: LAN_DETECTOR, nodes: 5, durationMs: 120_000, channel: CLEAN_LAN }

t.test('a run is a pure function of its options', async t => {
  const options: SimOptions = { ...base, channel: LOSSY_FIELD, settings: FIELD_DETECTOR, busy: [{ node: 1, stalls: HEAVY_STALLS }], kill: { node: 2, atMs: 60_000 } }
  t.same(simulate(options), simulate(options), 'same seed, same everything')
  t.not(simulate({ ...options, seed: 2 }).messages, simulate(options).messages, 'another seed, another run')
})

t.test('a quiet grid: nobody is judged', async t => {
  const r = simulate(base)
  t.same(r.downs, [])
  t.equal(r.falseSuspects, 0)
  t.same(r.detections, [], 'no kill, nothing to detect')
  t.same(r.undetected, [])
})

t.test('gossip relay: each heartbeat reaches a node by every path', async t => {
  const relayed = simulate(base).messages
  const direct = simulate({ ...base, channel: { ...CLEAN_LAN, relay: false } }).messages
  // 5 nodes: 4 direct sends, and each of the 4 receivers forwards the first copy it hears to
  // the others but the origin and whoever it came from: 3 more for a direct copy, 2 for a relayed one
  t.ok(relayed / direct > 3.5 && relayed / direct <= 4, `relay multiplies the heartbeat traffic by ${(relayed / direct).toFixed(2)}`)
})

t.test('a kill is seen by every observer; a restart rejoins everywhere', async t => {
  const r = simulate({ ...base, durationMs: 90_000, kill: { node: 3, atMs: 60_000, restartAtMs: 75_000 } })
  t.same(r.detections.map(d => d.observer), ['n0', 'n1', 'n2', 'n4'])
  t.same(r.undetected, [])
  t.same(r.falseDowns, [])
  t.same(r.rejoins.map(v => v.observer).sort(), ['n0', 'n1', 'n2', 'n4'], 'node-rejoined at every observer')
  for (const v of r.rejoins) t.ok(v.at > 75_000 && v.at < 76_000, `${v.observer} saw n3 back ${(v.at - 75_000).toFixed(0)} ms after the restart`)
})

t.test('indirect probes are what keep a lossy single hop from condemning live peers', async t => {
  // 30 % loss and no relay, 5 h of grid time: without probes some runs of lost heartbeats
  // end in a false verdict; with them, none does.
  let withProbes = 0
  let without = 0
  for (let seed = 1; seed <= 10; seed++) {
    const options: SimOptions = { seed, settings: FIELD_DETECTOR, nodes: 5, durationMs: 1_800_000, channel: { ...LOSSY_FIELD, relay: false } }
    withProbes += simulate(options).falseDowns.length
    without += simulate({ ...options, probes: false }).falseDowns.length
  }
  t.equal(withProbes, 0, 'with probes')
  t.ok(without > 5, `without probes: ${without} false verdicts`)
})

t.test('stall schedules: bursts of stalls no longer than the maximum', async t => {
  const stalls = new StallSchedule(HEAVY_STALLS, mulberry32(3))
  let stalled = 0
  let longest = 0
  let current = 0
  let early = 0
  for (let at = 0; at < 600_000; at++) {
    const runsAt = stalls.runsAt(at)
    if (runsAt < at) early++
    if (runsAt > at) { stalled++; current = Math.max(current, runsAt - at) } else { longest = Math.max(longest, current); current = 0 }
  }
  t.equal(early, 0, 'nothing runs before it is due')
  t.ok(longest <= HEAVY_STALLS.maxStallMs, `longest stall ${longest.toFixed(0)} ms`)
  t.ok(longest > HEAVY_STALLS.maxStallMs - 2, 'the worst case does occur')
  const share = stalled / 600_000
  t.ok(share > 0.3 && share < 0.7, `stalled ${(share * 100).toFixed(0)} % of the time: busy indeed`)
})

t.test('datagrams are lost; a stream turns loss into delay and delivers each link in order', async t => {
  const heard = (streamRtoMs?: number): { received: number, sent: number, reordered: number, late: number } => {
    let received = 0
    let reordered = 0
    let late = 0
    const last = new Map<string, { seq: number, at: number }>()
    const r = simulate({
      ...base,
      durationMs: 60_000,
      probes: false,
      channel: { ...CLEAN_LAN, lossRate: 0.3, relay: false, streamRtoMs },
      onDeliver: d => {
        if (d.kind !== 'hb' || d.at > 55_000) return
        received++
        const link = `${d.from}>${d.to}`
        const prev = last.get(link)
        if (prev !== undefined && d.seq < prev.seq) reordered++
        if (prev !== undefined && d.at - prev.at > 700) late++
        last.set(link, d)
      }
    })
    return { received, sent: r.messages, reordered, late }
  }
  const datagram = heard()
  const stream = heard(200)
  t.ok(datagram.received < 0.75 * datagram.sent, `datagrams: ${datagram.received} of ${datagram.sent} arrived`)
  t.ok(stream.received > 0.9 * stream.sent, `stream: ${stream.received} of ${stream.sent} arrived (the rest still in flight at the end)`)
  t.equal(stream.reordered, 0, 'a link delivers in order')
  t.ok(stream.late > 50, `${stream.late} gaps over 700 ms on 500 ms heartbeats: retransmissions hold the link up`)
})
