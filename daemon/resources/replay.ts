import type { AdvertStamp } from './types.ts'

/**
 * Whether a message from a node is newer than the last one accepted from it:
 * a higher incarnation (the node restarted), or the same incarnation and a
 * higher sequence. Equal is a duplicate, lower a replay or a late delivery;
 * both are dropped. Pure. Clocks are never compared: a node's clock may jump,
 * its counters only grow.
 */
export function acceptAdvert (lastSeen: AdvertStamp | undefined, advert: AdvertStamp): boolean {
  if (lastSeen === undefined) return true
  if (advert.incarnation !== lastSeen.incarnation) return advert.incarnation > lastSeen.incarnation
  return advert.sequence > lastSeen.sequence
}

/** The stamp to remember after accepting a message. */
export function stampOf (advert: AdvertStamp): AdvertStamp {
  return { incarnation: advert.incarnation, sequence: advert.sequence }
}
