import t from 'tap'
import { checkProfile, FIELD_PROFILE, LAN_PROFILE, nodeProfile, raftTimes, type NodeProfile } from '../../../daemon/profile/index.ts'
import { fenceTiming, STATEFUL_GRACE_MS } from '../../../controller/reconciler/index.ts'
import { nominalWindow } from '../../../daemon/membership/index.ts'

t.test('profiles by name; an unknown one is refused with its code', async t => {
  t.equal(nodeProfile('lan'), LAN_PROFILE)
  t.equal(nodeProfile('field'), FIELD_PROFILE)
  t.throws(() => nodeProfile('mars'), { code: 'ERR_UNKNOWN_PROFILE' })
})

t.test('lan keeps the timings trellisd always had', async t => {
  t.same(LAN_PROFILE.raft, { tickMs: 100, heartbeatTicks: 3, electionTicks: 10, timeoutMs: 5000 })
  t.equal(LAN_PROFILE.fence.statefulGraceMs, STATEFUL_GRACE_MS)
  t.equal(LAN_PROFILE.detector.name, 'lan')
})

t.test('both profiles hold every relation; field is slower at every timer that costs air time', async t => {
  for (const p of [LAN_PROFILE, FIELD_PROFILE]) t.equal(checkProfile(p), p, `${p.name} passes`)
  const lan = raftTimes(LAN_PROFILE)
  const field = raftTimes(FIELD_PROFILE)
  t.ok(field.heartbeatMs > lan.heartbeatMs, 'raft heartbeat')
  t.ok(FIELD_PROFILE.detector.heartbeatMs > LAN_PROFILE.detector.heartbeatMs, 'gossiped heartbeat')
  t.ok(FIELD_PROFILE.adverts.intervalMs > LAN_PROFILE.adverts.intervalMs, 'advert interval')
  t.ok(FIELD_PROFILE.adverts.minGapMs > LAN_PROFILE.adverts.minGapMs, 'advert gap')
  t.ok(FIELD_PROFILE.reportIntervalMs > LAN_PROFILE.reportIntervalMs, 'reports')
  t.ok(FIELD_PROFILE.fence.quorumCheckMs > LAN_PROFILE.fence.quorumCheckMs, 'quorum checks')
  t.ok(FIELD_PROFILE.mesh.connectionPingMs > LAN_PROFILE.mesh.connectionPingMs, 'connection pings')
  t.ok(LAN_PROFILE.mesh.bulkTerminals && !FIELD_PROFILE.mesh.bulkTerminals, 'terminal streams on the bulk channel only on a LAN (a TLS handshake each)')
  t.ok(FIELD_PROFILE.fence.fenceAfterMs >= nominalWindow(FIELD_PROFILE.detector).downAfterMs, 'field fences no sooner than its detector declares a silent node down')
})

t.test('each broken relation is refused', async t => {
  const broken = (change: (p: NodeProfile) => NodeProfile): unknown => {
    try { checkProfile(change(structuredClone(FIELD_PROFILE) as NodeProfile)) } catch (err) { return err }
    return undefined
  }
  const cases: Array<[string, (p: NodeProfile) => NodeProfile]> = [
    ['election timeout within 3 heartbeats', p => ({ ...p, raft: { ...p.raft, electionTicks: 3 * p.raft.heartbeatTicks - 1 } })],
    ['proposals that give up during a failover', p => ({ ...p, raft: { ...p.raft, timeoutMs: 1000 } })],
    ['a fence quicker than the detector', p => ({ ...p, raft: { ...p.raft, electionTicks: 24, tickMs: 100, timeoutMs: 20_000 }, fence: fenceTiming({ quorumCheckMs: 500, fenceAfterMs: 6000 }) })],
    ['a fence quicker than a failover', p => ({ ...p, fence: fenceTiming({ quorumCheckMs: 2000, fenceAfterMs: 9000 }) })],
    ['a fence on one failed check', p => ({ ...p, fence: fenceTiming({ quorumCheckMs: 10_000, fenceAfterMs: 15_000 }) })],
    ['a grace shorter than the fence', p => ({ ...p, fence: { ...p.fence, statefulGraceMs: p.fence.fencedWithinMs } })],
    ['adverts faster than heartbeats', p => ({ ...p, adverts: { ...p.adverts, intervalMs: 500, minGapMs: 500 } })]
  ]
  for (const [what, change] of cases) t.equal((broken(change) as { code?: string } | undefined)?.code, 'ERR_INVALID_PROFILE', what)
})
