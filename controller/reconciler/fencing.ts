/**
 * The timing contract between a node cut off from the quorum, which stops
 * its stateful instances itself, and the leader, which starts them elsewhere:
 * the leader waits longer than the cut-off node can take to stop them, so a
 * volume never has two live writers. Writes are safe whatever the timing (the
 * volume's generation fences an old primary); this keeps the old copy from
 * answering reads while the new one starts.
 *
 *   last quorum ──fenceAfterMs──▶ fence due ──≤ 2 checks──▶ stopped ──margin──▶ leader moves it
 *   └───────────────────────── statefulGraceMs (from the last heartbeat the leader heard) ───────┘
 *
 * The numbers come with the node's profile (daemon/profile); both sides must
 * run the same one.
 */

/** How often a node checks that it can still reach the quorum, and how long it waits for each answer, ms. */
export interface FenceSettings {
  /** A check every this often; a check that gets no answer gives up after as long. */
  quorumCheckMs: number
  /** How long without a confirmed quorum before a node fences itself. */
  fenceAfterMs: number
}

/** The timing both sides derive from FenceSettings. */
export interface FenceTiming extends FenceSettings {
  /** The latest a cut-off node has stopped its stateful instances, counted from its last confirmed quorum. */
  fencedWithinMs: number
  /** How long a down node's stateful instances wait before they move, counted from the last heartbeat the leader heard. */
  statefulGraceMs: number
}

/** For the kill itself and for the two nodes' clocks starting their counts a little apart. */
const FENCE_MARGIN_MS = 500

/**
 * The contract in numbers: the check that finds the fence due may start a
 * whole check after it came due and take a whole check to time out, and the
 * leader waits that long plus a margin. Pure.
 */
export function fenceTiming (s: FenceSettings): FenceTiming {
  const fencedWithinMs = s.fenceAfterMs + 2 * s.quorumCheckMs
  return { ...s, fencedWithinMs, statefulGraceMs: fencedWithinMs + FENCE_MARGIN_MS }
}

/** The `lan` profile's fencing (daemon/profile): a check every 500 ms, fenced after 4 s without a quorum. */
export const LAN_FENCE: Readonly<FenceTiming> = Object.freeze(fenceTiming({ quorumCheckMs: 500, fenceAfterMs: 4000 }))
/** How often a node checks that it can still reach the quorum (lan), ms. */
export const QUORUM_CHECK_MS = LAN_FENCE.quorumCheckMs
/** How long without a confirmed quorum before a node fences itself (lan), ms. */
export const FENCE_AFTER_MS = LAN_FENCE.fenceAfterMs
/** The latest a cut-off node has stopped its stateful instances (lan), ms. */
export const FENCED_WITHIN_MS = LAN_FENCE.fencedWithinMs
/** How long a down node's stateful instances wait before they move (lan), ms. */
export const STATEFUL_GRACE_MS = LAN_FENCE.statefulGraceMs
