/**
 * What a simulated task does, read from its command. The sim driver runs
 * nothing, so a scenario says in argv how an instance behaves:
 *
 *   ['sim', 'run']                       runs until signalled; SIGTERM ends it
 *   ['sim', 'exit', code, afterMs?]      exits with `code` after afterMs (default 0)
 *   ['sim', 'crash-after', ms, code?]    exits with `code` (default 1) after ms
 *   ['sim', 'oom-after', ms]             killed by the kernel for memory after ms
 *   ['sim', 'ignore-term']               shrugs off SIGTERM; only SIGKILL ends it
 */
import { InvalidTaskConfigError } from '../errors.ts'

/** The first word of every sim command, so a real command given to the sim driver is refused, not silently faked. */
export const SIM_PROGRAM = 'sim'

/** A task's scripted life. `endAfterMs` undefined means it runs until signalled. */
export interface Behaviour {
  /** When the task ends on its own, ms after start; undefined when it never does. */
  endAfterMs?: number
  /** How it ends on its own. */
  exit: { code: number | null, signal: string | null, oomKilled: boolean }
  /** Whether SIGTERM (or any signal but SIGKILL) ends it. */
  honoursTerm: boolean
}

/** Parses a sim command; throws InvalidTaskConfigError (ERR_INVALID_TASK_CONFIG) on anything else. */
export function behaviourOf (id: string, command: readonly string[]): Behaviour {
  if (command[0] !== SIM_PROGRAM) throw new InvalidTaskConfigError(`task ${id}: the sim driver runs only ['sim', ...] commands, got ${JSON.stringify(command[0] ?? '')}`)
  const verb = command[1] ?? 'run'
  const num = (k: number, fallback?: number): number => {
    const raw = command[k]
    if (raw === undefined && fallback !== undefined) return fallback
    const v = Number(raw)
    if (raw === undefined || raw === '' || !Number.isFinite(v) || v < 0) throw new InvalidTaskConfigError(`task ${id}: ${verb} needs a non-negative number at argv[${k}], got ${JSON.stringify(raw)}`)
    return v
  }
  switch (verb) {
    case 'run': return { exit: { code: 0, signal: null, oomKilled: false }, honoursTerm: true }
    case 'exit': return { endAfterMs: num(3, 0), exit: { code: num(2), signal: null, oomKilled: false }, honoursTerm: true }
    case 'crash-after': return { endAfterMs: num(2), exit: { code: num(3, 1), signal: null, oomKilled: false }, honoursTerm: true }
    case 'oom-after': return { endAfterMs: num(2), exit: { code: null, signal: 'SIGKILL', oomKilled: true }, honoursTerm: true }
    case 'ignore-term': return { exit: { code: 0, signal: null, oomKilled: false }, honoursTerm: false }
    default: throw new InvalidTaskConfigError(`task ${id}: unknown sim behaviour ${JSON.stringify(verb)} (run, exit, crash-after, oom-after, ignore-term)`)
  }
}
