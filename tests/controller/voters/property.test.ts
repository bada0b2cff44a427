import t from 'tap'
import { applyConfChange, checkConfChange, quorum } from '../../../controller/raft/index.ts'
import type { ConfChange, ConfState } from '../../../controller/raft/index.ts'
import { nextMembershipChange, targetVoters } from '../../../controller/voters/index.ts'
import type { VoterCandidate } from '../../../controller/voters/index.ts'
import { mulberry32 } from '../../../controller/random/index.ts'

/** A failing seed replays exactly. */
const seeded = mulberry32

interface SimNode {
  zone: string
  state: VoterCandidate['state']
  downSince?: number
  /** Step at which it became a member; it is caught up from the next step on. */
  memberSince?: number
}

const REPLACE_AFTER_MS = 3000
const SELF = 'n00'

/** One seeded run: a random grid, random failures, the policy applied after every event; then a quiet period. */
function run (seed: number, maxVoters: number): { ok: true, converged: boolean } | { ok: false, why: string } {
  const rng = seeded(seed)
  const int = (n: number): number => Math.floor(rng() * n)
  const zones = 1 + int(4)
  const nodes = new Map<string, SimNode>()
  let next = 0
  const addNode = (): void => { nodes.set(`n${String(next++).padStart(2, '0')}`, { zone: `z${int(zones)}`, state: 'up' }) }
  const initial = 1 + int(8)
  for (let i = 0; i < initial; i++) addNode()
  let conf: ConfState = { voters: [SELF], learners: [] }
  nodes.get(SELF)!.memberSince = -1
  let now = 0
  let step = 0

  const candidates = (): VoterCandidate[] => [...nodes].map(([id, s]) => ({
    id,
    state: s.state,
    zone: s.zone,
    downForMs: s.downSince === undefined ? undefined : now - s.downSince,
    caughtUp: s.state === 'up' && s.memberSince !== undefined && s.memberSince < step
  }))
  const live = (id: string): boolean => nodes.get(id)?.state === 'up'
  const hasLiveQuorum = (c: ConfState): boolean => c.voters.filter(live).length >= quorum(c)

  /** Applies the policy once; returns the change, or a violation. */
  const decide = (): { change?: ConfChange, why?: string } => {
    step++
    // A leader without a live quorum commits nothing: no change can take effect.
    if (!hasLiveQuorum(conf)) return {}
    const d = nextMembershipChange({ conf, self: SELF, nodes: candidates(), maxVoters, replaceAfterMs: REPLACE_AFTER_MS, pendingChange: false })
    if (d === undefined) return {}
    const change: ConfChange = { type: d.type, node: d.node }
    const bad = checkConfChange(conf, change)
    if (bad !== null) return { why: `invalid change ${JSON.stringify(change)}: ${bad}` }
    const target = nodes.get(change.node)
    if (change.type === 'add-voter') return { why: 'added a voter directly, not through a learner' }
    if (change.type === 'add-learner' && target?.state !== 'up') return { why: `added ${change.node} in state ${target?.state}` }
    if (change.type === 'promote' && (target?.state !== 'up' || target.memberSince === undefined || target.memberSince >= step)) return { why: `promoted ${change.node} before it caught up` }
    if (change.type === 'remove' && change.node === SELF) return { why: 'removed the leader' }
    const after = applyConfChange(conf, change)
    if (change.type === 'remove' && conf.voters.includes(change.node) && !hasLiveQuorum(after)) {
      return { why: `removing ${change.node} leaves ${after.voters.filter(live).length} live of ${after.voters.length} voters` }
    }
    if (after.voters.length > maxVoters) return { why: `${after.voters.length} voters > ${maxVoters}` }
    conf = after
    if (change.type === 'add-learner') target!.memberSince = step
    if (change.type === 'remove') delete nodes.get(change.node)!.memberSince
    return { change }
  }

  for (let i = 0; i < 150; i++) {
    const others = [...nodes.keys()].filter(id => id !== SELF && nodes.get(id)!.state !== 'left')
    const pick = others[int(others.length)]
    const r = rng()
    if (r < 0.35) now += int(1500)
    else if (r < 0.45 && pick !== undefined && nodes.get(pick)!.state !== 'down') Object.assign(nodes.get(pick)!, { state: 'down', downSince: now })
    else if (r < 0.65 && pick !== undefined && nodes.get(pick)!.state !== 'up') Object.assign(nodes.get(pick)!, { state: 'up', downSince: undefined })
    else if (r < 0.7 && pick !== undefined && nodes.get(pick)!.state === 'up') nodes.get(pick)!.state = 'suspect'
    else if (r < 0.73 && pick !== undefined) Object.assign(nodes.get(pick)!, { state: 'left', downSince: undefined })
    else if (r < 0.85 && nodes.size < 14) addNode()
    const { why } = decide()
    if (why !== undefined) return { ok: false, why: `step ${i}: ${why}` }
  }

  // Quiet: suspects settle as up, the dead stay dead and their time runs out.
  for (const s of nodes.values()) if (s.state === 'suspect') s.state = 'up'
  now += REPLACE_AFTER_MS + 1
  if (!hasLiveQuorum(conf)) return { ok: true, converged: false }
  let quiet = 0
  for (let i = 0; i < 200 && quiet < 3; i++) {
    const { change, why } = decide()
    if (why !== undefined) return { ok: false, why: `quiet ${i}: ${why}` }
    quiet = change === undefined ? quiet + 1 : 0
  }
  if (quiet < 3) return { ok: false, why: 'did not converge in 200 decisions' }
  const up = [...nodes].filter(([, s]) => s.state === 'up')
  const want = targetVoters(up.length, maxVoters)
  if (conf.voters.length !== want) return { ok: false, why: `${conf.voters.length} voters, want ${want} of ${up.length} up` }
  if (!conf.voters.every(live)) return { ok: false, why: `a voter is not up: ${conf.voters}` }
  const upZones = new Set(up.map(([, s]) => s.zone)).size
  const voterZones = new Set(conf.voters.map(id => nodes.get(id)!.zone)).size
  if (voterZones !== Math.min(conf.voters.length, upZones)) return { ok: false, why: `voters span ${voterZones} zones, could span ${Math.min(conf.voters.length, upZones)}` }
  const members = new Set([...conf.voters, ...conf.learners])
  for (const [id, s] of up) if (!members.has(id)) return { ok: false, why: `${id} is up and not a member` }
  for (const id of members) if (nodes.get(id)!.state !== 'up') return { ok: false, why: `${id} (${nodes.get(id)!.state}) is still a member` }
  return { ok: true, converged: true }
}

t.test('random grids and failures: safe at every step, converges when quiet', async t => {
  const base = Number(process.env.VOTERS_SEED ?? 1)
  let converged = 0
  const runs = 400
  for (let i = 0; i < runs; i++) {
    const seed = base + i
    const maxVoters = [5, 5, 3, 7][i % 4]!
    const r = run(seed, maxVoters)
    if (!r.ok) {
      t.fail(`seed ${seed} (maxVoters ${maxVoters}): ${r.why} — replay with VOTERS_SEED=${seed}`)
      return
    }
    if (r.converged) converged++
  }
  t.pass(`${runs} runs, every step safe`)
  t.ok(converged > runs / 2, `${converged} of ${runs} kept a live quorum and converged (the rest lost it for good)`)
})
