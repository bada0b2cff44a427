/** Membership-table transitions, by table. */
import t from 'tap'
import { MembershipTable } from '../../../daemon/membership/index.ts'
import { mulberry32 } from '../../../controller/random/index.ts'
import type { DetectorSettings, MembershipEvent, MembershipInput, ProbeRequest } from '../../../daemon/membership/index.ts'

/**
 * Round numbers: heartbeats every 1 s, sd floor 100 ms, no pause allowance.
 * From the last heartbeat, phi 3 is reached after 1306 ms and phi 8 after
 * 1523 ms, so on 100 ms ticks a silent peer turns suspect 1.4 s after its
 * last heartbeat and down 500 ms later (minSuspectMs outweighs phi 8).
 */
const settings: DetectorSettings = {
  name: 'test',
  heartbeatMs: 1_000,
  tickMs: 100,
  windowSize: 100,
  minStdDevMs: 100,
  acceptablePauseMs: 0,
  firstHeartbeatEstimateMs: 1_000,
  suspectPhi: 3,
  downPhi: 8,
  minSuspectMs: 500,
  probeIntervalMs: 1_000,
  indirectProbes: 2,
  maxLocalPauseMs: 0
}

function beats (peer: string, from: number, to: number, incarnation = 1, seq = false): MembershipInput[] {
  const out: MembershipInput[] = []
  for (let at = from, n = from / 1_000; at <= to; at += 1_000, n++) out.push(seq ? { type: 'heartbeat', peer, incarnation, at, seq: n } : { type: 'heartbeat', peer, incarnation, at })
  return out
}

function ticks (from: number, to: number, step = 100): MembershipInput[] {
  const out: MembershipInput[] = []
  for (let now = from; now <= to; now += step) out.push({ type: 'tick', now })
  return out
}

/** Interleaves inputs by time (ticks after other inputs of the same instant), as a driver would see them. */
function timeline (...parts: MembershipInput[][]): MembershipInput[] {
  const time = (i: MembershipInput): number => i.type === 'tick' ? i.now : i.at ?? 0
  return parts.flat().map((input, i) => ({ input, i })).sort((a, b) =>
    time(a.input) - time(b.input) || Number(a.input.type === 'tick') - Number(b.input.type === 'tick') || a.i - b.i
  ).map(x => x.input)
}

function run (inputs: MembershipInput[], options: { settings?: DetectorSettings, seed?: number } = {}): { table: MembershipTable, events: MembershipEvent[], probes: Array<ProbeRequest & { at: number }> } {
  const table = new MembershipTable({ settings: options.settings ?? settings, rng: mulberry32(options.seed ?? 1), self: 'me' })
  const events: MembershipEvent[] = []
  const probes: Array<ProbeRequest & { at: number }> = []
  for (const input of inputs) {
    const out = table.step(input)
    events.push(...out.events)
    for (const p of out.probes) probes.push({ ...p, at: input.type === 'tick' ? input.now : NaN })
  }
  return { table, events, probes }
}

const brief = (e: MembershipEvent): string => `${e.type} ${e.peer}@${Math.round(e.at)}` +
  (e.type === 'node-recovered' ? ` by ${e.by}` : '') + (e.type === 'node-rejoined' ? ` from ${e.from} #${e.incarnation}` : '')

t.test('transitions', async t => {
  // name, inputs → the events, in order (each exactly once), and the final state of peer a
  const table: Array<[string, MembershipInput[], string[], string]> = [
    ['first heartbeat: up', beats('a', 0, 0), ['node-up a@0'], 'up'],
    ['regular heartbeats: nothing more', timeline(beats('a', 0, 60_000), ticks(0, 60_000)), ['node-up a@0'], 'up'],
    ['up → suspect → down', timeline(beats('a', 0, 10_000), ticks(0, 30_000)),
      ['node-up a@0', 'node-suspect a@11400', 'node-down a@11900'], 'down'],
    ['suspect → recovered by a heartbeat', timeline(beats('a', 0, 10_000), ticks(0, 11_600), beats('a', 11_650, 20_000), ticks(11_700, 20_500)),
      ['node-up a@0', 'node-suspect a@11400', 'node-recovered a@11650 by heartbeat'], 'up'],
    ['suspect rescued by indirect-ack, then judged anew from the ack', timeline(beats('a', 0, 10_000), ticks(0, 20_000), [{ type: 'indirect-ack', peer: 'a', at: 11_750 }]),
      ['node-up a@0', 'node-suspect a@11400', 'node-recovered a@11750 by indirect-ack', 'node-suspect a@13100', 'node-down a@13600'], 'down'],
    ['acks keep a suspect from going down as long as they come', timeline(beats('a', 0, 10_000), ticks(0, 20_000), [11_500, 12_500, 13_500, 14_500, 15_500, 16_500, 17_500, 18_500, 19_500].map(at => ({ type: 'indirect-ack', peer: 'a', at }))),
      ['node-up a@0', 'node-suspect a@11400', 'node-recovered a@11500 by indirect-ack'], 'up'],
    ['down → rejoined with the same incarnation', timeline(beats('a', 0, 10_000), ticks(0, 30_000), beats('a', 30_000, 40_000), ticks(30_100, 40_000)),
      ['node-up a@0', 'node-suspect a@11400', 'node-down a@11900', 'node-rejoined a@30000 from down #1'], 'up'],
    ['down → rejoined with a higher incarnation', timeline(beats('a', 0, 10_000), ticks(0, 30_000), beats('a', 30_000, 40_000, 2), ticks(30_100, 40_000)),
      ['node-up a@0', 'node-suspect a@11400', 'node-down a@11900', 'node-rejoined a@30000 from down #2'], 'up'],
    ['down: a heartbeat from an older incarnation is stale', timeline(beats('a', 0, 10_000, 3), ticks(0, 30_000), beats('a', 30_000, 40_000, 2), ticks(30_100, 40_000)),
      ['node-up a@0', 'node-suspect a@11400', 'node-down a@11900'], 'down'],
    ['down: an ack does not undo the verdict', timeline(beats('a', 0, 10_000), ticks(0, 30_000), [{ type: 'indirect-ack', peer: 'a', at: 20_000 }]),
      ['node-up a@0', 'node-suspect a@11400', 'node-down a@11900'], 'down'],
    ['after rejoining, judged again from scratch', timeline(beats('a', 0, 10_000), ticks(0, 50_000), beats('a', 30_000, 40_000, 2)),
      ['node-up a@0', 'node-suspect a@11400', 'node-down a@11900', 'node-rejoined a@30000 from down #2', 'node-suspect a@41400', 'node-down a@41900'], 'down'],
    ['left never becomes down', timeline(beats('a', 0, 10_000), [{ type: 'left', peer: 'a', at: 10_500 }], ticks(0, 120_000)),
      ['node-up a@0', 'node-left a@10500'], 'left'],
    ['left while suspect', timeline(beats('a', 0, 10_000), [{ type: 'left', peer: 'a', at: 11_500 }], ticks(0, 60_000)),
      ['node-up a@0', 'node-suspect a@11400', 'node-left a@11500'], 'left'],
    ['left: a heartbeat of the same incarnation is stale', timeline(beats('a', 0, 10_000), [{ type: 'left', peer: 'a', at: 10_500 }], beats('a', 11_000, 12_000), ticks(0, 60_000)),
      ['node-up a@0', 'node-left a@10500'], 'left'],
    ['left, then back with a higher incarnation', timeline(beats('a', 0, 10_000), [{ type: 'left', peer: 'a', at: 10_500 }], beats('a', 20_000, 30_000, 2), ticks(0, 30_000)),
      ['node-up a@0', 'node-left a@10500', 'node-rejoined a@20000 from left #2'], 'up'],
    ['a leave from an older incarnation is stale', timeline(beats('a', 0, 10_000, 2), [{ type: 'left', peer: 'a', at: 10_500, incarnation: 1 }], ticks(0, 10_900)),
      ['node-up a@0'], 'up'],
    ['restarted while up: rejoined, not merely alive', timeline(beats('a', 0, 10_000), beats('a', 10_500, 20_000, 2), ticks(0, 20_000)),
      ['node-up a@0', 'node-rejoined a@10500 from up #2'], 'up'],
    ['a late packet of the old incarnation after a restart is ignored', timeline(beats('a', 0, 5_000, 2), [{ type: 'heartbeat', peer: 'a', incarnation: 1, at: 5_500 }], ticks(0, 5_900)),
      ['node-up a@0'], 'up'],
    ['a relayed duplicate (same seq) does not rescue a suspect', timeline(beats('a', 0, 10_000, 1, true), [{ type: 'heartbeat', peer: 'a', incarnation: 1, at: 11_600, seq: 10 }], ticks(0, 30_000)),
      ['node-up a@0', 'node-suspect a@11400', 'node-down a@11900'], 'down'],
    ['a fresh seq does', timeline(beats('a', 0, 10_000, 1, true), [{ type: 'heartbeat', peer: 'a', incarnation: 1, at: 11_600, seq: 11 }], ticks(0, 11_700)),
      ['node-up a@0', 'node-suspect a@11400', 'node-recovered a@11600 by heartbeat'], 'up'],
    ['its own heartbeats are not a peer', timeline(beats('me', 0, 10_000), ticks(0, 30_000)), [], 'unknown'],
    ['an ack or leave for an unknown peer changes nothing', [{ type: 'indirect-ack', peer: 'a', at: 5 }, { type: 'left', peer: 'a', at: 6 }, ...ticks(0, 10_000)], [], 'unknown']
  ]
  for (const [name, inputs, expected, state] of table) {
    const { table: m, events } = run(inputs)
    t.same(events.map(brief), expected, name)
    t.equal(m.state('a') ?? 'unknown', state, `${name}: state`)
  }
})

t.test('a down verdict says how long the peer was suspect', async t => {
  const { events } = run(timeline(beats('a', 0, 10_000), ticks(0, 30_000)))
  const down = events.find(e => e.type === 'node-down')
  t.equal(down?.type === 'node-down' ? down.suspectForMs : -1, 500)
  t.ok(down?.type === 'node-down' && down.phi >= 8)
})

t.test('peers are judged independently', async t => {
  const { table: m, events } = run(timeline(beats('a', 0, 30_000), beats('b', 0, 10_000), beats('c', 0, 20_000), ticks(0, 30_000)))
  t.same(events.filter(e => e.type === 'node-down').map(brief), ['node-down b@11900', 'node-down c@21900'])
  t.same(m.peers().map(p => [p.peer, p.state]), [['a', 'up'], ['b', 'down'], ['c', 'down']])
})

t.test('probes: k helpers among the up peers, re-asked while suspect', async t => {
  const inputs = timeline(beats('a', 0, 10_000), ...['b', 'c', 'd', 'e', 'f'].map(p => beats(p, 0, 30_000)), beats('g', 0, 5_000), ticks(0, 13_000))
  const { probes } = run(inputs, { settings: { ...settings, minSuspectMs: 2_000, downPhi: 30 } })
  // g is down by the time a turns suspect; a and me are never helpers
  t.ok(probes.length >= 1)
  const forA = probes.filter(p => p.peer === 'a')
  t.equal(forA[0].at, 11_400, 'the first round goes out with node-suspect')
  t.same(forA.map(p => p.at), [11_400, 12_400], 'a new round every probeIntervalMs')
  for (const p of forA) {
    t.equal(p.helpers.length, 2, 'k = indirectProbes')
    t.equal(new Set(p.helpers).size, 2, 'distinct')
    for (const h of p.helpers) t.ok(['b', 'c', 'd', 'e', 'f'].includes(h), `${h} is an up peer other than the suspect`)
  }
  const again = run(inputs, { settings: { ...settings, minSuspectMs: 2_000, downPhi: 30 } })
  t.same(again.probes, probes, 'the same seed chooses the same helpers')
  const chosen = new Set<string>()
  for (let seed = 1; seed <= 20; seed++) {
    for (const p of run(inputs, { settings: { ...settings, minSuspectMs: 2_000, downPhi: 30 }, seed }).probes) {
      if (p.peer === 'a') for (const h of p.helpers) chosen.add(h)
    }
  }
  t.same([...chosen].sort(), ['b', 'c', 'd', 'e', 'f'], 'other seeds spread the load over every candidate')
})

t.test('probes keep going out every interval until a verdict', async t => {
  const { probes, events } = run(timeline(beats('a', 0, 10_000), beats('b', 0, 20_000), ticks(0, 20_000)), { settings: { ...settings, probeIntervalMs: 100, indirectProbes: 5 } })
  t.same(probes.map(p => p.at), [11_400, 11_500, 11_600, 11_700, 11_800], 'one round a tick, none after down at 11900')
  t.same(probes[0].helpers, ['b'], 'no more helpers than up peers')
  t.ok(events.some(e => e.type === 'node-down' && e.at === 11_900))
})

t.test('a stalled observer judges nobody on the tick that ends its stall', async t => {
  const guarded = { ...settings, maxLocalPauseMs: 400 }
  // a heartbeats until 10 s; we tick until 10.9 s, then our event loop stalls until 12.5 s.
  // Node runs the late tick before reading the heartbeat that arrived at 11 s (stamped 12.5 s).
  const inputs: MembershipInput[] = [
    ...timeline(beats('a', 0, 10_000), ticks(0, 10_900)),
    { type: 'tick', now: 12_500 },
    { type: 'heartbeat', peer: 'a', incarnation: 1, at: 12_500 },
    ...timeline(beats('a', 13_000, 20_000), ticks(12_600, 20_000))
  ]
  t.same(run(inputs, { settings: guarded }).events.map(brief), ['node-up a@0'], 'guarded: no false suspicion')
  t.same(run(inputs).events.map(brief), ['node-up a@0', 'node-suspect a@12500', 'node-recovered a@12500 by heartbeat'], 'unguarded: a false suspicion')

  // An observer that is late on every tick still judges, every other tick.
  const late = timeline(beats('a', 0, 10_000), ticks(0, 10_000), ticks(10_500, 20_000, 500))
  const events = run(late, { settings: guarded }).events.map(brief)
  // ticks at 10.5, 11.5, 12.5 s are excused; 11, 12, 13 s judge
  t.same(events, ['node-up a@0', 'node-suspect a@12000', 'node-down a@13000'], 'a constantly late observer is slow, not blind')
})

t.test('time never runs backwards inside the table', async t => {
  const inputs = timeline(beats('a', 0, 10_000), ticks(0, 11_900))
  inputs.push({ type: 'tick', now: 5_000 }, { type: 'tick', now: 12_000 })
  const { events, table: m } = run(inputs)
  t.same(events.map(brief), ['node-up a@0', 'node-suspect a@11400', 'node-down a@11900'])
  t.equal(m.state('a'), 'down')
})

t.test('phi and peers() expose the view', async t => {
  const { table: m } = run(timeline(beats('a', 0, 10_000), ticks(0, 11_500)))
  t.ok(m.phi('a', 11_500) >= 3)
  t.equal(m.phi('zz', 11_500), 0)
  const [view] = m.peers()
  t.same(view, { peer: 'a', state: 'suspect', incarnation: 1, lastSeen: 10_000, suspectSince: 11_400 })
})

t.test('ticking only at nextJudgementAt gives the verdicts and probes of ticking every tickMs', async t => {
  // Jittery heartbeats from three peers, one going silent, one coming back, one leaving; seeded, so replayable.
  const lan: DetectorSettings = { ...settings, heartbeatMs: 500, minStdDevMs: 150, acceptablePauseMs: 1_000, firstHeartbeatEstimateMs: 500, minSuspectMs: 300, probeIntervalMs: 500, maxLocalPauseMs: 400 }
  for (const seed of [1, 2, 3, 4, 5]) {
    const rng = mulberry32(seed)
    const inputs: MembershipInput[] = []
    for (const peer of ['a', 'b', 'c']) {
      let at = Math.floor(rng() * 500)
      let seq = 0
      while (at < 30_000) {
        const silent = (peer === 'a' && at > 8_000) || (peer === 'b' && at > 5_000 && at < 12_000)
        if (!silent) inputs.push({ type: 'heartbeat', peer, incarnation: 1, at, seq: seq++ })
        at += 350 + Math.floor(rng() * 300)
      }
    }
    inputs.push({ type: 'left', peer: 'c', incarnation: 1, at: 20_000 })
    inputs.push({ type: 'indirect-ack', peer: 'b', at: 6_950 })
    const sorted = timeline(inputs)
    const every = run(timeline(sorted, ticks(0, 30_000)), { settings: lan, seed })

    // The lazy driver: a tick at the first 100 ms step at or after nextJudgementAt, checked after each input.
    const table = new MembershipTable({ settings: lan, rng: mulberry32(seed), self: 'me' })
    const events: MembershipEvent[] = []
    const probes: Array<ProbeRequest & { at: number }> = []
    let ticked = 0
    const tickUntil = (until: number): void => {
      for (;;) {
        const due = table.nextJudgementAt()
        if (due === undefined) return
        const at = Math.max(100, Math.ceil(Math.max(due, ticked + 1) / 100) * 100)
        if (at > until) return
        ticked = at
        const out = table.step({ type: 'tick', now: at, due: at })
        events.push(...out.events)
        for (const p of out.probes) probes.push({ ...p, at })
      }
    }
    for (const input of sorted) {
      const at = input.type === 'tick' ? input.now : input.at ?? 0
      // Ticks of an instant come after its other inputs, as in timeline().
      tickUntil(at - 1)
      const out = table.step(input)
      events.push(...out.events)
    }
    tickUntil(30_000)
    t.same(events, every.events, `seed ${seed}: the same transitions at the same times`)
    t.same(probes.map(p => [p.peer, p.at]), every.probes.map(p => [p.peer, p.at]), `seed ${seed}: the same probes`)
    t.ok(events.some(e => e.type === 'node-down'), `seed ${seed}: the run has a verdict to compare`)
  }
})

t.test('a tick given its due time counts a local pause from the tick before it in the rhythm', async t => {
  const paused = { ...settings, maxLocalPauseMs: 400 }
  const make = (): MembershipTable => {
    const table = new MembershipTable({ settings: paused, rng: mulberry32(1), self: 'me' })
    table.step({ type: 'heartbeat', peer: 'a', incarnation: 1, at: 0 })
    return table
  }
  t.equal(new MembershipTable({ settings: paused, rng: mulberry32(1), self: 'me' }).nextJudgementAt(), undefined, 'nothing due without peers')
  const due = make().nextJudgementAt()!
  t.ok(due > 1_000 && due < 3_000, `due where phi crosses suspectPhi (${due} ms)`)
  const at = Math.ceil(due / 100) * 100
  t.same(make().step({ type: 'tick', now: at - 100, due: at - 100 }).events, [], 'a tick before it finds nothing')
  // On time, though the table saw no tick for a long while: no pause.
  t.same(make().step({ type: 'tick', now: at, due: at }).events.map(e => e.type), ['node-suspect'], 'an on-time tick judges')
  // 600 ms late: the node itself stalled, its peers' heartbeats may be queued unread.
  const late = make()
  t.same(late.step({ type: 'tick', now: at + 600, due: at }).events, [], 'a late tick judges nobody')
  t.same(late.step({ type: 'tick', now: at + 700, due: at + 700 }).events.map(e => e.type), ['node-suspect'], 'the next tick does')
})
