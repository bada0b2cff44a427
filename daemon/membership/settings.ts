/**
 * Detector settings and the two presets the daemon's profiles use (`--profile
 * lan|field`, daemon/profile). docs/failure-detection.md gives the reasoning and the measured
 * detection windows; the simulator in sim.ts is how they were measured.
 */
import { InvalidDetectorSettingsError, UnknownDetectorPresetError } from './errors.ts'
import { elapsedForPhi } from './phi.ts'
import type { PhiOptions } from './phi.ts'

/** Everything the membership table needs to judge peers. All times in ms. */
export interface DetectorSettings extends PhiOptions {
  /** The preset's name, for logs. */
  name: string
  /** How often every node sends its heartbeat (in its gossip advert). */
  heartbeatMs: number
  /** How often the driver should feed `tick`; the granularity of every verdict. */
  tickMs: number
  /** phi at which an up peer becomes suspect and indirect probes start. */
  suspectPhi: number
  /** phi at which a suspect peer may be declared down. */
  downPhi: number
  /** A peer stays suspect at least this long before down, so indirect probes have time to answer. */
  minSuspectMs: number
  /** While a peer is suspect, ask a fresh set of helpers this often. */
  probeIntervalMs: number
  /** Helpers asked per probe round (SWIM's k). */
  indirectProbes: number
  /**
   * A gap between two ticks longer than this means this node's own event loop
   * stalled: the tick that ends it judges nobody (see table.ts).
   */
  maxLocalPauseMs: number
}

/** The preset names; each is the detector of the profile of the same name. */
export type DetectorPresetName = 'lan' | 'field'

/**
 * A switched LAN: sub-millisecond latency, loss that is rare, so silence
 * means death or a stalled process. Heartbeat every 500 ms. The allowance is
 * one full event-loop stall (1 s) on top of the usual interval, and the
 * floor on the deviation keeps a metronome-regular peer from being judged
 * to the millisecond. A kill -9 is declared down 1.8–2.4 s later; a busy
 * peer's worst gap (500 ms + a 1 s stall) is 0.8 s short of that.
 */
export const LAN_DETECTOR: Readonly<DetectorSettings> = Object.freeze({
  name: 'lan',
  heartbeatMs: 500,
  tickMs: 100,
  windowSize: 200,
  minStdDevMs: 150,
  acceptablePauseMs: 1_000,
  firstHeartbeatEstimateMs: 500,
  suspectPhi: 3,
  downPhi: 8,
  minSuspectMs: 300,
  probeIntervalMs: 500,
  indirectProbes: 3,
  maxLocalPauseMs: 400
})

/**
 * A lossy field mesh (5–30 % loss, hundreds of ms of jitter). Heartbeat
 * every second. The allowance (2.5 s) covers a 1 s stall on top of a lost
 * heartbeat; the deviation floor covers 500 ms of jitter at both ends of an
 * interval, and on links that lose more the learned deviation widens the
 * margin on its own. Suspicion comes early (phi 1) and lasts at least 3 s so
 * that six rounds of indirect probes, each taking up to four lossy hops, can
 * rescue a live peer whose heartbeats happened to be lost. A kill -9 is
 * declared down 5.4–8.6 s later when gossip relays heartbeats, within about
 * 11 s (p99) over a single lossy hop.
 */
export const FIELD_DETECTOR: Readonly<DetectorSettings> = Object.freeze({
  name: 'field',
  heartbeatMs: 1_000,
  tickMs: 200,
  windowSize: 200,
  minStdDevMs: 500,
  acceptablePauseMs: 2_500,
  firstHeartbeatEstimateMs: 1_000,
  suspectPhi: 1,
  downPhi: 8,
  minSuspectMs: 3_000,
  probeIntervalMs: 500,
  indirectProbes: 3,
  maxLocalPauseMs: 800
})

/** The presets by name. */
export const DETECTOR_PRESETS: Readonly<Record<DetectorPresetName, Readonly<DetectorSettings>>> = Object.freeze({
  lan: LAN_DETECTOR,
  field: FIELD_DETECTOR
})

/** The preset called `name`; throws UnknownDetectorPresetError (ERR_UNKNOWN_DETECTOR_PRESET) otherwise. */
export function detectorPreset (name: string): Readonly<DetectorSettings> {
  if (!Object.hasOwn(DETECTOR_PRESETS, name)) {
    throw new UnknownDetectorPresetError(`unknown detector preset "${name}" (known: ${Object.keys(DETECTOR_PRESETS).join(', ')})`)
  }
  return DETECTOR_PRESETS[name as DetectorPresetName]
}

/**
 * Returns the settings if they make sense; throws InvalidDetectorSettingsError
 * (ERR_INVALID_DETECTOR_SETTINGS) naming the first field that does not.
 */
export function validateSettings (settings: DetectorSettings): DetectorSettings {
  const positive: Array<keyof DetectorSettings> = ['heartbeatMs', 'tickMs', 'windowSize', 'firstHeartbeatEstimateMs', 'suspectPhi', 'downPhi', 'probeIntervalMs']
  const nonNegative: Array<keyof DetectorSettings> = ['minStdDevMs', 'acceptablePauseMs', 'minSuspectMs', 'indirectProbes', 'maxLocalPauseMs']
  for (const key of positive) {
    const v = settings[key]
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new InvalidDetectorSettingsError(`${key}: must be a finite number above 0, got ${String(v)}`)
  }
  for (const key of nonNegative) {
    const v = settings[key]
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new InvalidDetectorSettingsError(`${key}: must be a finite number of at least 0, got ${String(v)}`)
  }
  if (!Number.isInteger(settings.windowSize) || settings.windowSize < 2) throw new InvalidDetectorSettingsError(`windowSize: must be a whole number of at least 2, got ${settings.windowSize}`)
  if (!Number.isInteger(settings.indirectProbes)) throw new InvalidDetectorSettingsError(`indirectProbes: must be a whole number, got ${settings.indirectProbes}`)
  if (settings.downPhi < settings.suspectPhi) throw new InvalidDetectorSettingsError(`downPhi: must be at least suspectPhi (${settings.suspectPhi}), got ${settings.downPhi}`)
  if (settings.maxLocalPauseMs !== 0 && settings.maxLocalPauseMs <= settings.tickMs) throw new InvalidDetectorSettingsError(`maxLocalPauseMs: must exceed tickMs (${settings.tickMs}) or be 0 to disable, got ${settings.maxLocalPauseMs}`)
  return settings
}

/** Silences (ms since the last heartbeat) at which a peer turns suspect and down. */
export interface NominalWindow {
  suspectAfterMs: number
  downAfterMs: number
}

/**
 * Where the thresholds fall for a peer whose heartbeats arrive like
 * clockwork (deviation at the floor): the best case, and the figure to
 * reason about when tuning. Losses and jitter only move them later.
 */
export function nominalWindow (settings: DetectorSettings, meanMs = settings.heartbeatMs, stdDevMs = 0): NominalWindow {
  const mean = meanMs + settings.acceptablePauseMs
  const sd = Math.max(stdDevMs, settings.minStdDevMs, 1)
  const suspectAfterMs = elapsedForPhi(settings.suspectPhi, mean, sd)
  const downAfterMs = Math.max(elapsedForPhi(settings.downPhi, mean, sd), suspectAfterMs + settings.minSuspectMs)
  return { suspectAfterMs, downAfterMs }
}
