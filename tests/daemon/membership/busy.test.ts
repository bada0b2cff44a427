/**
 * Long seeded runs with busy nodes: both cores loaded, event loops stalling
 * up to 1 s, in bursts, a good part of the time. Nobody may ever be declared
 * down, with either preset. A failure prints the seed and a line to replay it.
 */
import t from 'tap'
import type { Test } from 'tap'
import { FIELD_DETECTOR, LAN_DETECTOR } from '../../../daemon/membership/index.ts'
import { CLEAN_LAN, HEAVY_STALLS, LOSSY_FIELD, simulate } from '../../sim/membership/index.ts'
import type { DetectorSettings } from '../../../daemon/membership/index.ts'
import type { ChannelOptions, SimOptions } from '../../sim/membership/index.ts'
import { replay } from './replay.ts'

const HOUR = 3_600_000 // ms

function neverDown (t: Test, label: string, settings: DetectorSettings, channel: ChannelOptions, seeds: number, durationMs: number): void {
  let suspicions = 0
  for (let seed = 1; seed <= seeds; seed++) {
    const options: SimOptions = {
      seed, settings, nodes: 5, durationMs, channel,
      busy: [{ node: 1, stalls: HEAVY_STALLS }, { node: 3, stalls: HEAVY_STALLS }]
    }
    const r = simulate(options)
    suspicions += r.falseSuspects
    for (const v of r.falseDowns) t.fail(`${label}: seed ${seed}: ${v.observer} declared ${v.peer} down at ${v.at.toFixed(0)} ms; replay: ${replay(options)}`)
  }
  t.pass(`${label}: ${seeds} × ${durationMs / HOUR} h with n1 and n3 stalling, no node declared down (${suspicions} passing suspicions)`)
}

t.test('lan preset on a LAN: busy nodes are never declared down', async t => {
  neverDown(t, 'lan', LAN_DETECTOR, CLEAN_LAN, 6, HOUR)
})

t.test('field preset on the lossy mesh: busy nodes are never declared down', async t => {
  neverDown(t, 'field', FIELD_DETECTOR, LOSSY_FIELD, 6, HOUR)
  neverDown(t, 'field, no relay', FIELD_DETECTOR, { ...LOSSY_FIELD, relay: false }, 6, HOUR)
})
