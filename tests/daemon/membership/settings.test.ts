/** Detector settings: presets, validation, and where their thresholds fall. */
import t from 'tap'
import {
  DETECTOR_PRESETS, FIELD_DETECTOR, LAN_DETECTOR, MembershipTable, detectorPreset, nominalWindow, phiOf, validateSettings
} from '../../../daemon/membership/index.ts'
import { mulberry32 } from '../../../controller/random/index.ts'
import type { DetectorSettings } from '../../../daemon/membership/index.ts'

t.test('presets by name, as the --detector flag gives them', async t => {
  t.equal(detectorPreset('lan'), LAN_DETECTOR)
  t.equal(detectorPreset('field'), FIELD_DETECTOR)
  t.same(Object.keys(DETECTOR_PRESETS), ['lan', 'field'])
  for (const name of ['wan', '', 'LAN', 'toString', '__proto__']) {
    t.throws(() => detectorPreset(name), { code: 'ERR_UNKNOWN_DETECTOR_PRESET' }, `"${name}"`)
  }
  t.ok(Object.isFrozen(LAN_DETECTOR) && Object.isFrozen(FIELD_DETECTOR), 'presets cannot be changed in place')
})

t.test('presets are valid and say what the brief asks', async t => {
  for (const preset of [LAN_DETECTOR, FIELD_DETECTOR]) t.doesNotThrow(() => validateSettings(preset), preset.name)
  t.equal(LAN_DETECTOR.heartbeatMs, 500)
  t.equal(FIELD_DETECTOR.heartbeatMs, 1_000)
})

t.test('where the thresholds fall for a clockwork peer', async t => {
  // preset → silence (ms) to suspect and to down, ±5 ms; the design reasoning in docs/failure-detection.md
  const table: Array<[DetectorSettings, number, number]> = [
    [LAN_DETECTOR, 1_959, 2_284],
    [FIELD_DETECTOR, 4_141, 7_141]
  ]
  for (const [preset, suspect, down] of table) {
    const w = nominalWindow(preset)
    t.ok(Math.abs(w.suspectAfterMs - suspect) <= 5, `${preset.name}: suspect after ${w.suspectAfterMs.toFixed(0)} ms`)
    t.ok(Math.abs(w.downAfterMs - down) <= 5, `${preset.name}: down after ${w.downAfterMs.toFixed(0)} ms`)
  }
})

t.test('a busy peer\'s worst gap stays below suspicion even against a clockwork history', async t => {
  // heartbeat + a 1 s event-loop stall (+ for the field, a lost heartbeat and 500 ms of jitter)
  const table: Array<[DetectorSettings, number]> = [
    [LAN_DETECTOR, 500 + 1_000],
    [FIELD_DETECTOR, 1_000 + 1_000 + 1_000 + 500]
  ]
  for (const [preset, gap] of table) {
    const phi = phiOf(gap, preset.heartbeatMs + preset.acceptablePauseMs, preset.minStdDevMs)
    t.ok(phi < preset.suspectPhi, `${preset.name}: a ${gap} ms gap has phi ${phi.toFixed(2)} < ${preset.suspectPhi}`)
  }
})

t.test('validation names the field and carries a stable code', async t => {
  const table: Array<[Partial<DetectorSettings>, RegExp]> = [
    [{ heartbeatMs: 0 }, /^heartbeatMs/],
    [{ tickMs: -1 }, /^tickMs/],
    [{ windowSize: 1 }, /^windowSize/],
    [{ windowSize: 10.5 }, /^windowSize/],
    [{ suspectPhi: Number.NaN }, /^suspectPhi/],
    [{ downPhi: Infinity }, /^downPhi/],
    [{ downPhi: 2, suspectPhi: 3 }, /^downPhi/],
    [{ minStdDevMs: -5 }, /^minStdDevMs/],
    [{ acceptablePauseMs: -1 }, /^acceptablePauseMs/],
    [{ indirectProbes: 1.5 }, /^indirectProbes/],
    [{ maxLocalPauseMs: 50 }, /^maxLocalPauseMs/],
    [{ minSuspectMs: '3' as unknown as number }, /^minSuspectMs/]
  ]
  for (const [change, field] of table) {
    const bad = { ...LAN_DETECTOR, ...change }
    t.throws(() => validateSettings(bad), { code: 'ERR_INVALID_DETECTOR_SETTINGS', message: field }, JSON.stringify(change))
    t.throws(() => new MembershipTable({ settings: bad, rng: mulberry32(1) }), { code: 'ERR_INVALID_DETECTOR_SETTINGS' }, 'the table refuses it too')
  }
  t.doesNotThrow(() => validateSettings({ ...LAN_DETECTOR, maxLocalPauseMs: 0, indirectProbes: 0, minSuspectMs: 0, acceptablePauseMs: 0 }), 'zero disables the optional parts')
})
