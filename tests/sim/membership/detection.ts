/**
 * How fast a preset notices a kill -9, measured the only honest way short of
 * real hardware: many seeded simulated kills, each observed by every other
 * node, reported as a distribution. The benchmark prints this; the tests
 * hold the presets to their documented windows with it.
 */
import { mulberry32 } from '../../../controller/random/index.ts'
import { nominalWindow } from '../../../daemon/membership/settings.ts'
import { simulate } from './sim.ts'
import type { DetectorSettings } from '../../../daemon/membership/settings.ts'
import type { ChannelOptions, Verdict } from './sim.ts'
import type { StallOptions } from './sim-stalls.ts'

/** The simulated grid the kills happen in. */
export interface DetectionOptions {
  channel: ChannelOptions
  /** Kills to simulate, one per seed (default 200). */
  runs?: number
  /** Seeds are firstSeed, firstSeed + 1, … (default 1). */
  firstSeed?: number
  /** Grid size (default 5). */
  nodes?: number
  /** Time before the kill for the detectors to learn their peers (ms, default 60 s). */
  warmupMs?: number
  /** Busy nodes, by index; node 0 is the one killed, so use others. */
  busy?: Array<{ node: number, stalls: StallOptions }>
}

/** A false verdict, with the seed that reproduces it. */
export interface SeededVerdict extends Verdict {
  seed: number
}

/** Detection times over all (kill, observer) pairs, in ms after the kill. */
export interface DetectionReport {
  preset: string
  runs: number
  /** Observations: runs × surviving observers. */
  samples: number
  min: number
  p50: number
  p99: number
  max: number
  mean: number
  /** Every observation, by seed, so a test can name the run that broke a bound. */
  detections: Array<{ seed: number, observer: string, afterMs: number }>
  /** (seed, observer) pairs that never declared the dead node down. */
  undetected: Array<{ seed: number, observer: string }>
  /** Live nodes declared down in these runs; should be empty. */
  falseDowns: SeededVerdict[]
}

/** The value at quantile q (0–1) of sorted values, by nearest rank. */
export function quantile (sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil(q * sorted.length)))
  return sorted[rank - 1]
}

/**
 * Kills node 0 once per seed, at a random point after the warm-up, and
 * reports how long every other node took to declare it down.
 */
export function detectionDistribution (settings: DetectorSettings, options: DetectionOptions): DetectionReport {
  const runs = options.runs ?? 200
  const firstSeed = options.firstSeed ?? 1
  const warmup = options.warmupMs ?? 60_000
  // Long enough for the slowest observer many times over; a miss then means a real miss.
  const grace = Math.max(30_000, 10 * nominalWindow(settings).downAfterMs)
  const times: number[] = []
  const detections: DetectionReport['detections'] = []
  const undetected: DetectionReport['undetected'] = []
  const falseDowns: SeededVerdict[] = []
  for (let seed = firstSeed; seed < firstSeed + runs; seed++) {
    // Spread the kill over a whole heartbeat period and more, never in step with a send.
    const atMs = warmup + mulberry32(seed ^ 0x5bd1e995)() * 10 * settings.heartbeatMs
    const r = simulate({
      seed,
      settings,
      nodes: options.nodes ?? 5,
      durationMs: atMs + grace,
      channel: options.channel,
      busy: options.busy,
      kill: { node: 0, atMs }
    })
    for (const d of r.detections) {
      times.push(d.afterMs)
      detections.push({ seed, ...d })
    }
    for (const observer of r.undetected) undetected.push({ seed, observer })
    for (const v of r.falseDowns) falseDowns.push({ ...v, seed })
  }
  times.sort((a, b) => a - b)
  const mean = times.reduce((a, b) => a + b, 0) / times.length
  return {
    preset: settings.name,
    runs,
    samples: times.length,
    min: times[0] ?? NaN,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
    max: times.at(-1) ?? NaN,
    mean,
    detections,
    undetected,
    falseDowns
  }
}
