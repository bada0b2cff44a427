import { readFile } from 'node:fs/promises'
import { InvalidScenarioError } from './errors.ts'
import { scenarioNamed } from './scenarios.ts'
import type { Scenario } from './types.ts'

/** A built-in scenario by name, or one read from a JSON file (any argument ending in .json). */
export async function loadScenario (nameOrFile: string): Promise<Scenario> {
  if (!nameOrFile.endsWith('.json')) return scenarioNamed(nameOrFile)
  let parsed: unknown
  try {
    parsed = JSON.parse(await readFile(nameOrFile, 'utf8'))
  } catch (err) {
    throw new InvalidScenarioError(`${nameOrFile}: not a readable JSON scenario`, { cause: err })
  }
  const s = parsed as Partial<Scenario>
  // The shape is checked where it matters (worldOf, queueEvent); here only what every run needs.
  if (typeof s !== 'object' || s === null || typeof s.name !== 'string' || !Array.isArray(s.nodes) || !Array.isArray(s.apps) ||
    typeof s.images !== 'object' || !Array.isArray(s.events) || typeof s.durationMs !== 'number') {
    throw new InvalidScenarioError(`${nameOrFile}: a scenario needs name, nodes, apps, images, events and durationMs`)
  }
  return { description: '', ...s } as Scenario
}
