/**
 * Ranking: among the nodes that may take an instance, which should? Each
 * ranker adds a score (about -1..1, higher is better) and the node with the
 * highest sum wins. Fit dominates; the others tilt near-ties.
 */
import type { ComponentContext } from './context.ts'
import type { Slot } from './slots.ts'

/** One link of the ranking chain. */
export interface Ranker {
  readonly name: string
  /**
   * True when a node's score changes only when that node takes an instance of
   * the component. Then between instances only that node is scored again.
   */
  readonly local: boolean
  /** Whether this ranker has anything to say about this component in this run. */
  applies (ctx: ComponentContext): boolean
  score (slot: Slot, ctx: ComponentContext): number
}

// Nomad's fit curve: 10^free on each of cpu and memory sums to 2 (full) .. 20 (empty).
const FIT_EMPTY = 20
const FIT_FULL = 2
const FIT_RANGE = FIT_EMPTY - FIT_FULL
const LN10 = Math.LN10

/**
 * 10^cpu-free + 10^memory-free after the instance lands, over 2..20. The
 * exponent rewards a node that ends up full on both at once over one that is
 * full on one and idle on the other, which strands capacity. Disk is left out:
 * it is rarely what runs out first, and counting it would blur the other two.
 */
function fitTotal (slot: Slot, ctx: ComponentContext): number {
  const cpuFree = slot.cpuCap > 0 ? 1 - (slot.cpuUsed + ctx.demand.cpu) / slot.cpuCap : 0
  const memFree = slot.memCap > 0 ? 1 - (slot.memUsed + ctx.demand.memory) / slot.memCap : 0
  // exp(x·ln 10) is 10^x, and quicker than ** in V8: this runs for every candidate.
  return Math.exp(LN10 * Math.min(1, Math.max(0, cpuFree))) + Math.exp(LN10 * Math.min(1, Math.max(0, memFree)))
}

/** Bin-pack: fuller nodes score higher, so load gathers and empty nodes can be powered down. 0..1. */
export const binpack: Ranker = {
  name: 'binpack',
  local: true, // reads only the node and its own count
  applies: ctx => ctx.strategy === 'binpack',
  score: (slot, ctx) => (FIT_EMPTY - fitTotal(slot, ctx)) / FIT_RANGE
}

/** Spread: emptier nodes score higher, so load evens out and one node's death costs less. 0..1. */
export const spreadFit: Ranker = {
  name: 'spread-fit',
  local: true, // reads only the node and its own count
  applies: ctx => ctx.strategy === 'spread',
  score: (slot, ctx) => (fitTotal(slot, ctx) - FIT_FULL) / FIT_RANGE
}

// Twice the whole fit range: losing a zone should cost as few instances as possible, so zone evenness outweighs node headroom.
const ZONE_WEIGHT = 2

/** Spread across zones: the more of the component a zone already holds, the lower; -2..0. */
export const zoneSpread: Ranker = {
  name: 'zone-spread',
  local: false, // reads the zone counts and the running total
  applies: ctx => ctx.strategy === 'spread' && ctx.component.count > 1,
  score: (slot, ctx) => -ZONE_WEIGHT * (ctx.inZone.get(slot.node.zone) ?? 0) / (ctx.placed + 1)
}

const UNKNOWN_POWER = -0.1
const BATTERY_BASE = -0.3
const BATTERY_BY_DRAIN = -0.2 // more as the charge falls: at 0 % a battery node scores -0.5

/** Mains over unknown over battery, and a fuller battery over an emptier one: instances should outlive their node's power. */
export const power: Ranker = {
  name: 'power',
  local: true, // reads only the node and its own count
  applies: () => true,
  score: ({ node }) => {
    if (node.power.source === 'mains') return 0
    if (node.power.source === 'unknown') return UNKNOWN_POWER
    const charge = node.power.chargePercent ?? 0
    return BATTERY_BASE + BATTERY_BY_DRAIN * (1 - Math.min(100, Math.max(0, charge)) / 100)
  }
}

const COLLOCATION_WEIGHT = 0.25

/**
 * A mild push apart for a component with several instances but no
 * anti-affinity: each sibling already on the node costs a share of the
 * weight, enough to break near-ties but not to open an empty node while
 * bin-packing.
 */
export const collocation: Ranker = {
  name: 'collocation',
  local: true, // reads only the node and its own count
  applies: ctx => !ctx.component.antiAffinity && ctx.component.count > 1,
  score: (slot, ctx) => -COLLOCATION_WEIGHT * (ctx.onSlot[slot.i] as number) / ctx.component.count
}

// A node holding the blob starts at once; elsewhere the start waits for a fetch, the longer the larger the image.
const IMAGE_LOCAL_MIN = 0.05 // a small image still breaks a tie
const IMAGE_LOCAL_MAX = 0.25 // a quarter of fit's range: locality tilts near-ties, it does not outweigh packing
const IMAGE_LARGE_BYTES = 1024 ** 3

/**
 * Image locality: a node that already holds the image's blob scores higher,
 * by more for a larger image. A node without it stays feasible: the fetch is
 * a delay, never a reason to refuse. 0..0.25.
 */
export const imageLocality: Ranker = {
  name: 'image-locality',
  local: true, // reads only the node
  applies: ctx => ctx.image !== undefined && ctx.image.holders.size > 0,
  score: ({ node }, ctx) => {
    const image = ctx.image
    if (image === undefined || !image.holders.has(node.id)) return 0
    return IMAGE_LOCAL_MIN + (IMAGE_LOCAL_MAX - IMAGE_LOCAL_MIN) * Math.min(1, image.size / IMAGE_LARGE_BYTES)
  }
}

/** The rankers in the order they are summed; the order changes nothing but the docs' reading of it. */
export const RANKERS: readonly Ranker[] = [
  binpack, // fit first: what the strategy asks for dominates the sum
  spreadFit, // the other strategy's fit; exactly one of binpack and spread-fit applies
  zoneSpread, // spread only: a zone lost costs at most its share
  power, // mains preferred, but only a tilt: it should not open an empty mains node over a half-full battery one
  imageLocality, // a start without a fetch, tilted by the image's size
  collocation // last and weakest: a near-tie breaker between siblings
]
