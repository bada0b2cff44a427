/**
 * Which nodes should fetch which blobs so that every image is held by at
 * least `replicas` nodes. Pure: the leader's reconcile loop calls it with the
 * images in the Raft state and what nodes advertise, and tells the chosen
 * nodes to fetch.
 *
 *   blobs (fewest copies first) ─▶ per blob: holders, fetches under way
 *     ─▶ candidates: up, accepting, not holding, a fetch slot free, room after the reserve
 *     ─▶ rank: a zone no copy is in · fewest fetches given in this plan · most free disk · id
 *     ─▶ fetches, or a shortfall saying why
 */

/** What the planner knows of a node. */
export interface ReplicationNode {
  id: string
  /** Bytes free on the disk that holds the blob store. */
  freeDisk: number
  /** Digests the node holds complete. */
  holds: readonly string[]
  /** Digests it is fetching now; they count as copies on their way. */
  fetching?: readonly string[]
  /** Failure domain (rack, site); copies are spread over zones first. */
  zone?: string
  /** A node that is down neither counts as a holder nor is given fetches. Default true. */
  up?: boolean
  /** False for a node that may serve but not take new blobs (draining, cordoned). Default true. */
  accepting?: boolean
}

/** An image's blob to keep replicated. */
export interface ReplicationBlob {
  digest: string
  size: number
}

/** Knobs of planReplication. */
export interface ReplicationOptions {
  /** Copies wanted of every blob. Default 2. */
  replicas?: number
  /** Bytes a node must still have free after the fetch. Default 1 GiB. */
  reserveBytes?: number
  /** Fetches a node may run at once, those under way included. Default 1. */
  maxFetchesPerNode?: number
}

/** One fetch to start: `node` fetches `digest` from `sources` (holders), sharing with `peers` (nodes also fetching it). */
export interface PlannedFetch {
  node: string
  digest: string
  sources: string[]
  peers: string[]
}

/** A blob that stays below its copy count, and why. */
export interface ReplicationShortfall {
  digest: string
  /** Copies held or on their way, counting this plan's fetches. */
  copies: number
  wanted: number
  reason: string
}

/** What planReplication decided. */
export interface ReplicationPlan {
  fetches: PlannedFetch[]
  shortfalls: ReplicationShortfall[]
}

/** Copies of every image the grid keeps unless configured otherwise. */
export const DEFAULT_IMAGE_REPLICAS = 2
/** Free disk a node keeps after taking a blob unless configured otherwise. */
export const DEFAULT_RESERVE_BYTES = 1024 ** 3 // bytes
const DEFAULT_MAX_FETCHES = 1

/** Reasons a node cannot take a blob, counted into a shortfall's reason. */
const Reason = {
  down: 'down',
  notAccepting: 'not accepting blobs',
  busy: 'already fetching',
  disk: 'short of disk'
} as const

/** Decides the fetches that bring every blob up to `replicas` copies; see the module comment for the order. */
export function planReplication (blobs: readonly ReplicationBlob[], nodes: readonly ReplicationNode[], options: ReplicationOptions = {}): ReplicationPlan {
  const replicas = options.replicas ?? DEFAULT_IMAGE_REPLICAS
  if (!Number.isSafeInteger(replicas) || replicas < 1) throw new RangeError(`replicas must be an integer >= 1, not ${replicas}`)
  const reserve = options.reserveBytes ?? DEFAULT_RESERVE_BYTES
  const maxFetches = options.maxFetchesPerNode ?? DEFAULT_MAX_FETCHES
  const up = nodes.filter(n => n.up !== false)
  const free = new Map(up.map(n => [n.id, n.freeDisk]))
  const slots = new Map(up.map(n => [n.id, maxFetches - (n.fetching?.length ?? 0)]))
  const given = new Map<string, number>()
  const holdersOf = (digest: string): ReplicationNode[] => up.filter(n => n.holds.includes(digest))
  const fetchersOf = (digest: string): ReplicationNode[] => up.filter(n => n.fetching?.includes(digest) === true && !n.holds.includes(digest))
  const copies = (b: ReplicationBlob): number => holdersOf(b.digest).length + fetchersOf(b.digest).length
  const order = [...blobs].sort((a, b) => copies(a) - copies(b) || (a.digest < b.digest ? -1 : a.digest > b.digest ? 1 : 0))

  const plan: ReplicationPlan = { fetches: [], shortfalls: [] }
  for (const blob of order) {
    const holders = holdersOf(blob.digest)
    const fetchers = fetchersOf(blob.digest)
    let have = holders.length + fetchers.length
    if (have >= replicas) continue
    if (holders.length === 0) {
      plan.shortfalls.push({ digest: blob.digest, copies: have, wanted: replicas, reason: 'no node that is up holds it' })
      continue
    }
    const zones = new Set([...holders, ...fetchers].map(n => n.zone ?? ''))
    const taken = new Set([...holders, ...fetchers].map(n => n.id))
    const peers = fetchers.map(n => n.id).sort()
    const sources = holders.map(n => n.id).sort()
    while (have < replicas) {
      const candidates = nodes.filter(n => !taken.has(n.id) && why(n, blob.size) === undefined)
      if (candidates.length === 0) break
      candidates.sort((a, b) =>
        Number(zones.has(a.zone ?? '')) - Number(zones.has(b.zone ?? '')) ||
        (given.get(a.id) ?? 0) - (given.get(b.id) ?? 0) ||
        (free.get(b.id) ?? 0) - (free.get(a.id) ?? 0) ||
        (a.id < b.id ? -1 : 1))
      const pick = candidates[0] as ReplicationNode
      plan.fetches.push({ node: pick.id, digest: blob.digest, sources, peers })
      taken.add(pick.id)
      zones.add(pick.zone ?? '')
      free.set(pick.id, (free.get(pick.id) ?? 0) - blob.size)
      slots.set(pick.id, (slots.get(pick.id) ?? 0) - 1)
      given.set(pick.id, (given.get(pick.id) ?? 0) + 1)
      have++
    }
    if (have < replicas) {
      const counts = new Map<string, number>()
      for (const n of nodes) {
        if (taken.has(n.id)) continue
        const r = why(n, blob.size) as string
        counts.set(r, (counts.get(r) ?? 0) + 1)
      }
      const detail = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([r, n]) => `${n} ${r}`).join(', ')
      plan.shortfalls.push({ digest: blob.digest, copies: have, wanted: replicas, reason: detail === '' ? 'every node already has a copy' : `no other node can take it: ${detail}` })
    }
  }
  return plan

  /** Why a node cannot take a blob of `size` now, or undefined when it can. */
  function why (n: ReplicationNode, size: number): string | undefined {
    if (n.up === false) return Reason.down
    if (n.accepting === false) return Reason.notAccepting
    if ((slots.get(n.id) ?? 0) <= 0) return Reason.busy
    if ((free.get(n.id) ?? 0) - size < reserve) return Reason.disk
    return undefined
  }
}
