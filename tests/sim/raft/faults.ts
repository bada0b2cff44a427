import { isMember } from '../../../controller/raft/index.ts'
import type { ConfChange, NodeId } from '../../../controller/raft/index.ts'
import type { Host } from './host.ts'
import type { Simulation } from './simulate.ts'

/**
 * The faulty phase's misfortunes, drawn from the run's rng each tick:
 * partitions (the leader alone, random groups, one-way cuts), crashes (some
 * inside a Ready), stalls, and the operator's membership changes, leadership
 * transfers and compactions.
 */
export function injectFaults (sim: Simulation, t: number): void {
  const f = sim.faults
  const rng = sim.rng
  if (sim.partitionEnds >= 0 && t >= sim.partitionEnds) {
    sim.net.heal()
    sim.partitionEnds = -1
    sim.log('partition heals')
  } else if (sim.partitionEnds < 0 && rng.chance(f.partitionRate)) {
    partition(sim)
    sim.partitionEnds = t + rng.between(...f.partitionTicks)
  }
  if (rng.chance(f.crashRate)) crash(sim, rng.pick(sim.live()))
  if (rng.chance(f.leaderCrashRate)) crash(sim, sim.leader())
  if (rng.chance(f.pauseRate)) {
    // Half the time the leader: the stalled leader is the dangerous one.
    const h = rng.chance(0.5) ? sim.leader() : rng.pick(sim.live())
    if (h !== undefined) {
      sim.pausedUntil.set(h.id, t + rng.between(...f.pauseTicks))
      sim.log(`${h.id} stalls`)
    }
  }
  if (rng.chance(f.membershipRate)) changeMembership(sim)
  if (rng.chance(f.transferRate)) transfer(sim)
  if (rng.chance(f.compactRate)) compact(sim, rng.pick(sim.live()))
}

function partition (sim: Simulation): void {
  const ids = [...sim.hosts.keys()]
  const rng = sim.rng
  const kind = rng.int(4)
  const leader = sim.leader()
  if (kind === 0 && leader !== undefined) {
    // The leader alone: the majority must elect a new one, the old one must step down.
    sim.net.partition([ids.filter(id => id !== leader.id), [leader.id]])
  } else if (kind === 3) {
    // Asymmetric: a few one-way cuts.
    for (let i = rng.between(1, 3); i > 0; i--) sim.net.cut(rng.pick(ids)!, rng.pick(ids)!)
  } else {
    const groups: NodeId[][] = Array.from({ length: kind === 1 ? 2 : 3 }, () => [])
    for (const id of ids) rng.pick(groups)!.push(id)
    sim.net.partition(groups)
  }
  sim.log(`partition ${kind}`)
}

function crash (sim: Simulation, h: Host | undefined): void {
  if (h === undefined || !h.up) return
  if (sim.rng.chance(sim.faults.midReadyCrash)) {
    h.armedCrash = sim.rng.chance(0.5) ? 'before-persist' : 'after-persist'
    return
  }
  h.crash()
  sim.crashed(h)
}

function changeMembership (sim: Simulation): void {
  const leader = sim.leader()
  if (leader === undefined) return
  const conf = leader.node!.status().conf
  const outsiders = [...sim.hosts.keys()].filter(id => !isMember(conf, id))
  const options: ConfChange[] = []
  for (const id of outsiders) options.push({ type: sim.rng.chance(0.2) ? 'add-voter' : 'add-learner', node: id })
  for (const id of conf.learners) options.push({ type: 'promote', node: id }, { type: 'remove', node: id })
  if (conf.voters.length > 3) for (const id of conf.voters) options.push({ type: 'remove', node: id })
  if (conf.voters.length >= 5) { for (let i = options.length - 1; i >= 0; i--) if (options[i]!.type === 'add-voter' || options[i]!.type === 'promote') options.splice(i, 1) }
  if (options.length === 0) return
  const change = sim.rng.pick(options)!
  try {
    leader.node!.proposeConfChange(change)
    sim.confChanges++
    sim.trace.add(7e6 + leader.n)
    sim.log(`${leader.id} proposes ${change.type} ${change.node}`)
  } catch (err) {
    sim.countError(err)
  }
}

function transfer (sim: Simulation): void {
  const leader = sim.leader()
  if (leader === undefined) return
  const others = leader.node!.status().conf.voters.filter(id => id !== leader.id)
  if (others.length === 0) return
  try {
    const to = sim.rng.pick(others)!
    leader.node!.transferLeadership(to)
    sim.transfers++
    sim.log(`${leader.id} transfers leadership to ${to}`)
  } catch (err) {
    sim.countError(err)
  }
}

function compact (sim: Simulation, h: Host | undefined): void {
  if (h === undefined) return
  const machine = h.machine!
  if (machine.index - (h.disk.firstIndex() - 1) < 8) return
  try {
    h.node!.compact(machine.index, machine.snapshot())
    sim.drain(h)
  } catch (err) {
    sim.countError(err)
  }
}
