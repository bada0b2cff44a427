/**
 * The last links of the pipeline: for one instance, walk the component's
 * candidates (statically feasible, in seeded-shuffle order), drop those the
 * dynamic checkers refuse, sum the rankers' scores and keep the maximum.
 *
 *   nodes ──static checks (once per component)──► candidates ──shuffle(seed, app, component)──►
 *     per instance: dynamic checks ──► rankers (sum) ──► max score, earliest wins a tie ──► reserve
 *
 * Every candidate is scored, not a sample as Nomad's limit iterator does:
 * at a thousand nodes a full walk is still well inside the benchmark target
 * and it packs measurably tighter.
 */
import type { ComponentContext } from './context.ts'
import { DYNAMIC_CHECKERS, firstReason, STATIC_CHECKERS, type FeasibilityChecker } from './feasible.ts'
import type { Reason } from './explain.ts'
import { RANKERS, type Ranker } from './rank.ts'
import { componentRandom, shuffle } from './rng.ts'
import type { Slot } from './slots.ts'

/** The links that apply to one component, chosen once so the per-node loop runs only those. */
export interface Pipeline {
  readonly static: readonly FeasibilityChecker[]
  readonly dynamic: readonly FeasibilityChecker[]
  readonly rankers: readonly Ranker[]
}

/** The component's pipeline: every checker and ranker that applies, in their fixed order. */
export function pipelineFor (ctx: ComponentContext): Pipeline {
  return {
    static: STATIC_CHECKERS.filter(c => c.applies(ctx)),
    dynamic: DYNAMIC_CHECKERS.filter(c => c.applies(ctx)),
    rankers: RANKERS.filter(r => r.applies(ctx))
  }
}

/**
 * The first reason an instance may not stay where it already runs. Staying is
 * not a new placement: a suspect node (not yet declared down) and a cordon
 * stop new instances only. A down or departed node, a drain, a dying
 * battery, a missing capability, a constraint and a lack of room still move it.
 */
export function reasonToLeave (slot: Slot, ctx: ComponentContext, pipeline: Pipeline): Reason | undefined {
  const { state, draining } = slot.node
  if (state === 'down' || state === 'left') return firstReason(slot, ctx, pipeline.static)
  const kept = pipeline.static.filter(c => c.name !== 'node-state' && (c.name !== 'admin-state' || draining))
  return firstReason(slot, ctx, kept) ?? firstReason(slot, ctx, pipeline.dynamic)
}

/** The first reason this node cannot take one more instance now, static or dynamic; what an explanation counts. */
export function reasonAgainst (slot: Slot, ctx: ComponentContext, pipeline: Pipeline): Reason | undefined {
  return firstReason(slot, ctx, pipeline.static) ?? firstReason(slot, ctx, pipeline.dynamic)
}

/**
 * The slots that pass the static checks, in id order. Components of one run
 * that need the same capabilities and constraints share the answer (`cache`),
 * since the static checks read nothing else of the component.
 */
export function staticallyFeasible (slots: readonly Slot[], ctx: ComponentContext, pipeline: Pipeline, cache: Map<string, readonly Slot[]>): readonly Slot[] {
  const key = JSON.stringify([ctx.requires, ctx.constraints, ctx.pinned])
  let passing = cache.get(key)
  if (passing === undefined) {
    const found: Slot[] = []
    for (const slot of slots) if (firstReason(slot, ctx, pipeline.static) === undefined) found.push(slot)
    passing = found
    cache.set(key, passing)
  }
  return passing
}

/** The candidates in the component's seeded order: equally good nodes are then chosen by the seed, not by their ids, and replayably. */
export function shuffled (passing: readonly Slot[], ctx: ComponentContext, seed: number | string): Slot[] {
  return shuffle([...passing], componentRandom(seed, ctx.app.name, ctx.component.name))
}

/**
 * Picks nodes for the instances of one component, one at a time. Scores are
 * kept between instances: when every ranker is local (see Ranker.local) and
 * the dynamic checkers read only the node itself, as they all do, a placement
 * changes the score of the node that took it and no other, so only that one is
 * scored again. That turns a component of n instances over m nodes from n·m
 * scorings into m + n.
 */
export class Selection {
  readonly #candidates: readonly Slot[]
  readonly #ctx: ComponentContext
  readonly #pipeline: Pipeline
  readonly #scores: Float64Array
  readonly #local: boolean
  #scored = false
  /** The candidate next() chose last, for landed(). */
  #last = -1

  constructor (candidates: readonly Slot[], ctx: ComponentContext, pipeline: Pipeline) {
    this.#candidates = candidates
    this.#ctx = ctx
    this.#pipeline = pipeline
    this.#scores = new Float64Array(candidates.length)
    this.#local = pipeline.rankers.every(r => r.local)
  }

  /** The best candidate for one more instance, or undefined when the dynamic checks refuse them all. */
  next (): Slot | undefined {
    if (!this.#scored || !this.#local) {
      for (let k = 0; k < this.#candidates.length; k++) this.#scores[k] = this.#score(this.#candidates[k] as Slot)
      this.#scored = true
    }
    let best = -1
    let bestScore = Number.NEGATIVE_INFINITY
    for (let k = 0; k < this.#scores.length; k++) {
      // Strictly greater: on a tie the earlier candidate in the shuffled order stays.
      if ((this.#scores[k] as number) > bestScore) { best = k; bestScore = this.#scores[k] as number }
    }
    if (best < 0) return undefined
    const slot = this.#candidates[best] as Slot
    this.#last = best
    return slot
  }

  /** Tells the selection that the instance it last chose has been reserved on that node. */
  landed (): void {
    if (this.#local && this.#last >= 0) this.#scores[this.#last] = this.#score(this.#candidates[this.#last] as Slot)
  }

  /** The sum of the rankers' scores, or -Infinity when a dynamic checker refuses the node. */
  #score (slot: Slot): number {
    const ctx = this.#ctx
    const { dynamic, rankers } = this.#pipeline
    if (firstReason(slot, ctx, dynamic) !== undefined) return Number.NEGATIVE_INFINITY
    let score = 0
    for (let r = 0; r < rankers.length; r++) score += (rankers[r] as Ranker).score(slot, ctx)
    return score
  }
}
