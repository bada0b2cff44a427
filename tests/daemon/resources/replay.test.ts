import t from 'tap'
import { acceptAdvert, stampOf, type AdvertStamp } from '../../../daemon/resources/index.ts'

t.test('only newer messages are accepted, by table', async t => {
  const cases: Array<[string, AdvertStamp | undefined, AdvertStamp, boolean]> = [
    ['first message from a node', undefined, { incarnation: 1, sequence: 1 }, true],
    ['first message, any stamp', undefined, { incarnation: 9, sequence: 400 }, true],
    ['next in sequence', { incarnation: 2, sequence: 10 }, { incarnation: 2, sequence: 11 }, true],
    ['a gap (lost messages) is fine', { incarnation: 2, sequence: 10 }, { incarnation: 2, sequence: 50 }, true],
    ['duplicate', { incarnation: 2, sequence: 10 }, { incarnation: 2, sequence: 10 }, false],
    ['replay of an older one', { incarnation: 2, sequence: 10 }, { incarnation: 2, sequence: 9 }, false],
    ['restart: sequence starts over', { incarnation: 2, sequence: 10 }, { incarnation: 3, sequence: 1 }, true],
    ['late message from before the restart', { incarnation: 3, sequence: 1 }, { incarnation: 2, sequence: 999 }, false],
    ['older incarnation, even with a higher sequence', { incarnation: 5, sequence: 2 }, { incarnation: 4, sequence: 3 }, false],
    ['large numbers compare exactly', { incarnation: 1_760_000_000_000, sequence: 2 ** 52 }, { incarnation: 1_760_000_000_000, sequence: 2 ** 52 + 1 }, true]
  ]
  for (const [name, last, next, want] of cases) t.equal(acceptAdvert(last, next), want, name)
})

t.test('a stream of deliveries keeps only the newest', async t => {
  const deliveries: AdvertStamp[] = [
    { incarnation: 1, sequence: 1 }, { incarnation: 1, sequence: 3 }, { incarnation: 1, sequence: 2 },
    { incarnation: 2, sequence: 1 }, { incarnation: 1, sequence: 4 }, { incarnation: 2, sequence: 1 }, { incarnation: 2, sequence: 2 }
  ]
  let last: AdvertStamp | undefined
  const accepted: string[] = []
  for (const d of deliveries) {
    if (!acceptAdvert(last, d)) continue
    last = stampOf({ ...d, nodeId: 'ignored' } as AdvertStamp)
    accepted.push(`${d.incarnation}.${d.sequence}`)
  }
  t.same(accepted, ['1.1', '1.3', '2.1', '2.2'])
  t.same(last, { incarnation: 2, sequence: 2 }, 'stampOf keeps only the stamp')
})
