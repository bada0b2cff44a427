/**
 * Many seeds, healthy grids: no live node is ever declared down, across
 * channels each preset is meant for. A failure prints the seed and a line to
 * replay it.
 */
import t from 'tap'
import { FIELD_DETECTOR, LAN_DETECTOR } from '../../../daemon/membership/index.ts'
import { CLEAN_LAN, LOSSY_FIELD, simulate } from '../../sim/membership/index.ts'
import type { DetectorSettings } from '../../../daemon/membership/index.ts'
import type { ChannelOptions, SimOptions } from '../../sim/membership/index.ts'
import { replay } from './replay.ts'

const SEEDS = 40
const DURATION = 600_000 // ms per seed

const table: Array<[string, DetectorSettings, ChannelOptions]> = [
  ['lan, clean', LAN_DETECTOR, CLEAN_LAN],
  ['lan, 5 % loss, 50 ms jitter', LAN_DETECTOR, { ...CLEAN_LAN, lossRate: 0.05, jitterMs: 50 }],
  ['field, 5 % loss', FIELD_DETECTOR, { ...LOSSY_FIELD, lossRate: 0.05 }],
  ['field, 30 % loss, 500 ms jitter', FIELD_DETECTOR, LOSSY_FIELD],
  ['field, 30 % loss, 500 ms jitter, no relay', FIELD_DETECTOR, { ...LOSSY_FIELD, relay: false }],
  // over TCP a loss costs a doubling retransmission timeout and blocks the link behind it;
  // docs/failure-detection.md explains why 10 % is the most a stream transport tolerates
  ['field over TCP, 10 % loss, 500 ms jitter', FIELD_DETECTOR, { ...LOSSY_FIELD, lossRate: 0.1, streamRtoMs: 1_000 }],
  ['lan over TCP, 1 % loss', LAN_DETECTOR, { ...CLEAN_LAN, lossRate: 0.01, streamRtoMs: 200 }]
]

for (const [label, settings, channel] of table) {
  t.test(label, async t => {
    let verdicts = 0
    for (let seed = 1; seed <= SEEDS; seed++) {
      const options: SimOptions = { seed, settings, nodes: 5, durationMs: DURATION, channel }
      for (const v of simulate(options).falseDowns) {
        verdicts++
        t.fail(`seed ${seed}: ${v.observer} declared ${v.peer} down at ${v.at.toFixed(0)} ms; replay: ${replay(options)}`)
      }
    }
    t.equal(verdicts, 0, `${SEEDS} seeds × ${DURATION / 60_000} min: no false verdicts`)
  })
}
