/**
 * schedule(): places every instance of one app or none. Pure: the same request
 * gives the same answer on every machine, so a decision can be replayed from
 * the state it was made in.
 *
 *   release the app's present instances ─► keep those still feasible ─► place the rest, component by component
 *   └─ any instance unplaceable ─► no placements; one explanation per failed component
 */
import { instanceId, parseInstanceId, type AppSpec, type ComponentSpec } from '../graph/index.ts'
import { contextOf, type ComponentContext } from './context.ts'
import { InvalidScheduleRequestError, UnschedulableError } from './errors.ts'
import { explainInfeasible, explainUnknownImage, ReasonTally } from './explain.ts'
import { pipelineFor, reasonAgainst, reasonToLeave, Selection, shuffled, staticallyFeasible, type Pipeline } from './select.ts'
import { release, reserve, slotsOf, type Slot } from './slots.ts'
import type { Placement, ScheduleRequest, ScheduleResult, Strategy } from './types.ts'

/** Charge below which a battery node takes nothing new, percent. */
export const DEFAULT_MIN_BATTERY_PERCENT = 20
/** Packing by default: empty nodes can then be powered down, which matters on generators. */
export const DEFAULT_STRATEGY: Strategy = 'binpack'

/** Places every instance of the request's app, or explains per component why not. */
export function schedule (request: ScheduleRequest): ScheduleResult {
  const { app } = request
  checkApp(app)
  const strategy = request.options?.strategy ?? DEFAULT_STRATEGY
  const minBatteryPercent = request.options?.minBatteryPercent ?? DEFAULT_MIN_BATTERY_PERCENT
  const seed = request.options?.seed ?? 0
  const slots = slotsOf(request.nodes)

  const explanations: Record<string, string> = {}
  const contexts: Array<ComponentContext | undefined> = app.components.map(component => {
    // The digest the app was applied with, when it has one: that is what its instances run.
    const image = request.images.get(component.digest ?? component.image)
    if (image === undefined) { explanations[component.name] = explainUnknownImage(component.name, component.image); return undefined }
    return contextOf(app, component, image, slots.length, { strategy, minBatteryPercent, pinned: request.pinned?.[component.name] })
  })
  const pipelines = contexts.map(ctx => ctx === undefined ? undefined : pipelineFor(ctx))
  // placed[c][k]: the slot of instance k of component c, once kept or placed.
  const placed: Array<Array<Slot | undefined>> = app.components.map(c => new Array<Slot | undefined>(c.count).fill(undefined))

  // The app's present instances are counted in `used`; give them all back first so
  // that keeping one is judged on the node as it would be without its old self.
  const present = presentInstances(app, request.existing ?? {}, slots)
  for (const { c, slot } of present) {
    const ctx = contexts[c]
    if (ctx !== undefined) release(slot, ctx.demand)
  }
  // Keep before placing anything new, so a newcomer never takes the room of an instance that could stay.
  for (const { c, k, slot } of present) {
    const ctx = contexts[c]
    const pipeline = pipelines[c]
    if (ctx === undefined || pipeline === undefined || k >= (app.components[c] as ComponentSpec).count) continue
    if (reasonToLeave(slot, ctx, pipeline) !== undefined) continue
    take(ctx, slot)
    ;(placed[c] as Array<Slot | undefined>)[k] = slot
  }

  const staticCache = new Map<string, readonly Slot[]>()
  // In spec order: the app's author lists what matters first, and the order is part of the replay.
  for (let c = 0; c < app.components.length; c++) {
    const ctx = contexts[c]
    const pipeline = pipelines[c]
    if (ctx === undefined || pipeline === undefined) continue
    const mine = placed[c] as Array<Slot | undefined>
    if (mine.every(s => s !== undefined)) continue
    const selection = new Selection(shuffled(staticallyFeasible(slots, ctx, pipeline, staticCache), ctx, seed), ctx, pipeline)
    for (let k = 0; k < mine.length; k++) {
      if (mine[k] !== undefined) continue
      const slot = selection.next()
      if (slot === undefined) {
        explanations[ctx.component.name] = explain(slots, ctx, pipeline)
        break
      }
      take(ctx, slot)
      selection.landed()
      mine[k] = slot
    }
  }

  if (Object.keys(explanations).length > 0) return { ok: false, explanations }
  const placements: Placement[] = []
  app.components.forEach((component, c) => {
    (placed[c] as Array<Slot | undefined>).forEach((slot, k) => {
      placements.push({ instance: instanceId(app.name, component.name, k), component: component.name, node: (slot as Slot).node.id })
    })
  })
  return { ok: true, placements }
}

/** The placements of a result, or an UnschedulableError carrying its explanations. */
export function assertScheduled (result: ScheduleResult): Placement[] {
  if (!result.ok) throw new UnschedulableError(result.explanations)
  return result.placements
}

/** Reserves an instance of the context's component on a slot and counts it where the checkers and rankers look. */
function take (ctx: ComponentContext, slot: Slot): void {
  reserve(slot, ctx.demand)
  ctx.onSlot[slot.i] = (ctx.onSlot[slot.i] as number) + 1
  ctx.inZone.set(slot.node.zone, (ctx.inZone.get(slot.node.zone) ?? 0) + 1)
  ctx.placed++
}

/** Why no node could take the component's next instance: every node's first reason, counted. */
function explain (slots: readonly Slot[], ctx: ComponentContext, pipeline: Pipeline): string {
  const tally = new ReasonTally()
  for (const slot of slots) {
    const why = reasonAgainst(slot, ctx, pipeline)
    if (why !== undefined) tally.add(why)
  }
  return explainInfeasible(ctx.component.name, slots.length, tally)
}

/**
 * The app's present instances on known nodes, as (component, index, slot), in
 * component then index order so keeping is replayable. Ids of components the
 * app no longer has, or not of this app, are dropped: nothing can be said of
 * their size, and the reconciler stops them.
 */
function presentInstances (app: AppSpec, existing: Readonly<Record<string, string>>, slots: readonly Slot[]): Array<{ c: number, k: number, slot: Slot }> {
  const entries = Object.entries(existing)
  if (entries.length === 0) return []
  const byId = new Map<string, Slot>()
  for (const slot of slots) byId.set(slot.node.id, slot)
  const componentIndex = new Map(app.components.map((component, c) => [component.name, c]))
  const found: Array<{ c: number, k: number, slot: Slot }> = []
  for (const [instance, nodeId] of entries) {
    const name = parseInstanceId(instance)
    if (name === undefined || name.app !== app.name) continue
    const c = componentIndex.get(name.component)
    const slot = byId.get(nodeId)
    if (c === undefined || slot === undefined) continue
    found.push({ c, k: name.index, slot })
  }
  return found.sort((a, b) => a.c - b.c || a.k - b.k)
}

/** Refuses what the validator should have: duplicate component names, counts or resources that are not non-negative numbers. */
function checkApp (app: AppSpec): void {
  const names = new Set<string>()
  for (const component of app.components) {
    if (names.has(component.name)) throw new InvalidScheduleRequestError(`component ${component.name} is listed twice`)
    names.add(component.name)
    if (!Number.isSafeInteger(component.count) || component.count < 0) {
      throw new InvalidScheduleRequestError(`component ${component.name}: count ${component.count} is not a non-negative integer`)
    }
    for (const dim of ['cpu', 'memory', 'disk'] as const) {
      const v = component.resources[dim]
      if (!Number.isFinite(v) || v < 0) throw new InvalidScheduleRequestError(`component ${component.name}: ${dim} ${v} is not a non-negative number`)
    }
  }
}
