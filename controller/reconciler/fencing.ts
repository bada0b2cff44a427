/**
 * The timing contract between a node cut off from the quorum, which stops
 * its stateful instances itself, and the leader, which starts them elsewhere:
 * the leader waits longer than the cut-off node can take to stop them, so a
 * volume never has two live writers. Writes are safe whatever the timing (the
 * volume's generation fences an old primary); this keeps the old copy from
 * answering reads while the new one starts.
 *
 *   last quorum ──FENCE_AFTER_MS──▶ fence due ──≤ 2 checks──▶ stopped ──margin──▶ leader moves it
 *   └──────────────────────── STATEFUL_GRACE_MS (from the last heartbeat the leader heard) ──────┘
 */

/** How often a node checks that it can still reach the quorum, ms; a check that gets no answer gives up after as long. */
export const QUORUM_CHECK_MS = 500
/** How long without a confirmed quorum before a node fences itself, ms. */
export const FENCE_AFTER_MS = 4000
/**
 * The latest a cut-off node has stopped its stateful instances, counted from
 * its last confirmed quorum: the check that finds the fence due may start a
 * whole check after it came due and take a whole check to time out.
 */
export const FENCED_WITHIN_MS = FENCE_AFTER_MS + 2 * QUORUM_CHECK_MS
/** For the kill itself and for the two nodes' clocks starting their counts a little apart. */
const FENCE_MARGIN_MS = 500
/**
 * How long a down node's stateful instances wait before they move, ms,
 * counted from the last heartbeat the leader heard from the node.
 */
export const STATEFUL_GRACE_MS = FENCED_WITHIN_MS + FENCE_MARGIN_MS
