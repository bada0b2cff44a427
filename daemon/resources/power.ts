import type { Power } from './types.ts'

/** The part of systeminformation's BatteryData the probe reads. */
export interface BatteryReading {
  hasBattery: boolean
  isCharging: boolean
  acConnected: boolean
  percent: number | null
  /** Minutes; systeminformation reports null when it cannot tell. */
  timeRemaining: number | null
}

/**
 * Power state from a battery reading; `undefined` (the reading failed) is
 * `unknown`. No battery means mains: a server on a generator looks the same
 * as one on the grid, and both can be relied on as long as they run.
 */
export function powerFrom (reading: BatteryReading | undefined): Power {
  if (reading === undefined) return { source: 'unknown', charging: false }
  if (!reading.hasBattery) return { source: 'mains', charging: false }
  // A charging battery implies external power even where no AC adapter is visible.
  const onMains = reading.acConnected || reading.isCharging
  const power: Power = { source: onMains ? 'mains' : 'battery', charging: reading.isCharging }
  const percent = reading.percent
  if (typeof percent === 'number' && Number.isFinite(percent)) power.chargePercent = Math.min(100, Math.max(0, percent))
  const minutes = reading.timeRemaining
  // Linux reports a time on mains too (time to full or nonsense); only a discharging battery's matters.
  if (!onMains && typeof minutes === 'number' && Number.isFinite(minutes) && minutes >= 0) power.timeRemainingMinutes = Math.floor(minutes)
  return power
}
