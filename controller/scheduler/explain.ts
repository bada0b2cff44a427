/**
 * Why a component could not be placed, in one line people can act on:
 * `db: 0 of 5 nodes feasible: 3 lack 4 GiB free memory, 2 lack capability volume-mount`.
 * Each checker says no with a Reason; the explanation counts them over all nodes.
 */

// Every reason starts with one of these verbs so that "1 lacks" and "3 lack" both read right.
const SINGULAR = { lack: 'lacks', are: 'is', have: 'has', hold: 'holds', fail: 'fails' } as const

/** The verbs a reason may start with. */
export type Verb = keyof typeof SINGULAR

/** Why one node cannot take an instance, written for a count of nodes in front of it. */
export interface Reason {
  /** After a count above one: `lack 4 GiB free memory`. Also the key that reasons are counted by. */
  readonly many: string
  /** After a count of one: `lacks 4 GiB free memory`. */
  readonly one: string
}

/** Makes a reason from its verb and the rest: because('lack', 'capability volume-mount'). */
export function because (verb: Verb, rest: string): Reason {
  return { many: `${verb} ${rest}`, one: `${SINGULAR[verb]} ${rest}` }
}

/** Counts reasons by their text, so two checkers that word a reason alike count as one. */
export class ReasonTally {
  readonly #counts = new Map<string, { reason: Reason, count: number }>()

  add (reason: Reason): void {
    const entry = this.#counts.get(reason.many)
    if (entry === undefined) this.#counts.set(reason.many, { reason, count: 1 })
    else entry.count++
  }

  /** `3 lack 4 GiB free memory, 2 lack capability volume-mount`: most common first, then by text so the line is stable. */
  toString (): string {
    return [...this.#counts.values()]
      .sort((a, b) => b.count - a.count || (a.reason.many < b.reason.many ? -1 : a.reason.many > b.reason.many ? 1 : 0))
      .map(({ reason, count }) => `${count} ${count === 1 ? reason.one : reason.many}`)
      .join(', ')
  }
}

/** The explanation for a component no node could take: `web: 0 of 1 node feasible: 1 is down`. */
export function explainInfeasible (component: string, nodes: number, tally: ReasonTally): string {
  const head = `${component}: 0 of ${nodes} ${nodes === 1 ? 'node' : 'nodes'} feasible`
  const reasons = tally.toString()
  return reasons === '' ? head : `${head}: ${reasons}`
}

/** The explanation for a component whose image the catalog does not hold. */
export function explainUnknownImage (component: string, image: string): string {
  return `${component}: image ${image} is not in the catalog`
}
