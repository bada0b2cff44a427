import { BadConfChangeError, applyConfChange, checkConfChange } from '../../controller/raft/index.ts'
import type { ConfChange, ConfState, Entry } from '../../controller/raft/index.ts'
import type { Store } from '../store/index.ts'
import { NothingToRecoverError } from './errors.ts'
import { LevelStorage } from './storage.ts'

/** What forceNewCluster did, for the operator's log. */
export interface ForcedCluster {
  /** The membership the log held before. */
  before: ConfState
  /** Members removed (every one but this node). */
  removed: string[]
  /** Commit index before: everything up to here was known committed. */
  previousCommit: number
  /** Last index now, all of it committed: entries in (previousCommit, lastIndex - changes] were adopted. */
  lastIndex: number
  /** The new term the forced log is written in. */
  term: number
}

/**
 * Recovers a group that has lost its quorum for good (etcd's
 * --force-new-cluster). Rewrites this node's persisted log so that it is the
 * only voter: appends, in a new term, membership changes that make it a voter
 * and remove every other member, and marks the whole log committed. Run it on
 * a STOPPED node (the store must not be in use by a RaftCommandLog), ideally the
 * survivor with the longest log; then start the RaftCommandLog as usual — it elects
 * itself and the membership loop adds the others back as learners.
 *
 * What survives: everything this node had in its log, including entries it
 * had received but not yet seen committed (they are now committed). What is
 * lost: entries that only the dead nodes held, even acknowledged ones. The
 * old members must never come back with their old Raft storage: wipe it
 * first, or they could elect a second leader under the old membership.
 */
export async function forceNewCluster (store: Store, selfId: string, init: { storageName?: string } = {}): Promise<ForcedCluster> {
  const storage = await LevelStorage.open(store, { name: init.storageName })
  if (storage.isEmpty) throw new NothingToRecoverError()
  const before = membership(storage)
  const changes = soleVoterChanges(before, selfId)
  const hard = storage.hardState
  // A new term: no leader of an old term can have written these indexes in it.
  const term = Math.max(hard.term, storage.term(storage.lastIndex())) + 1
  const first = storage.lastIndex() + 1
  const entries: Entry[] = changes.map((change, i) => ({ type: 'conf-change', term, index: first + i, change }))
  const lastIndex = first + entries.length - 1
  await storage.persist({ entries, hardState: { term, vote: null, commit: lastIndex }, mustSync: true })
  return { before, removed: changes.filter(c => c.type === 'remove').map(c => c.node), previousCommit: hard.commit, lastIndex, term }
}

/** The membership in force at the end of the stored log: the snapshot's, then every change after it. */
function membership (storage: LevelStorage): ConfState {
  let conf = storage.snapshot().conf
  const last = storage.lastIndex()
  if (last >= storage.firstIndex()) {
    for (const e of storage.entries(storage.firstIndex(), last + 1, Infinity)) {
      if (e.type === 'conf-change') conf = applyConfChange(conf, e.change)
    }
  }
  return conf
}

/** Changes that turn conf into {voters: [self], learners: []}: self a voter first, so no step empties the voters. */
export function soleVoterChanges (conf: ConfState, self: string): ConfChange[] {
  const changes: ConfChange[] = []
  if (conf.learners.includes(self)) changes.push({ type: 'promote', node: self })
  else if (!conf.voters.includes(self)) changes.push({ type: 'add-voter', node: self })
  for (const id of [...conf.voters, ...conf.learners].sort()) {
    if (id !== self) changes.push({ type: 'remove', node: id })
  }
  let c = conf
  for (const change of changes) {
    const bad = checkConfChange(c, change)
    if (bad !== null) throw new BadConfChangeError(`forced membership change ${change.type} ${change.node} does not apply: ${bad}`)
    c = applyConfChange(c, change)
  }
  return changes
}
