/**
 * The grid simulator: the real state machine, reconcile loop, planner,
 * scheduler and failure detector over hundreds of simulated nodes on one
 * VirtualClock, seeded and replayable. docs/simulator.md.
 */
export { simulate, rerunLine, ROUND_MS, CONVERGE_BOUND_MS } from './simulate.ts'
export { sweep } from './sweep.ts'
export type { SweepFailure, SweepResult } from './sweep.ts'
export { SCENARIOS, scenarioNamed } from './scenarios.ts'
export { loadScenario } from './load.ts'
export { formatResult, formatSummary } from './format.ts'
export { Grid, STARTUP_MS } from './grid.ts'
export { worldOf } from './world.ts'
export type { NodeFacts, World } from './world.ts'
export { InvalidScenarioError, UnknownScenarioError } from './errors.ts'
export type {
  AppTemplate, ComponentTemplate, Distribution, NodeGroup, NodeSelector, Scenario, SimEvent, SimOptions, SimResult, TimelineEntry
} from './types.ts'
