/** The uid range and who gets which uid: pure. */
import t from 'tap'
import { DEFAULT_INSTANCE_UIDS, parseUidRange } from '../../../../daemon/runtime/index.ts'
import { allocateUid, idsInDatabase, preferredUid } from '../../../../daemon/runtime/isolation/uid-range.ts'

t.test('ranges are read and checked', async t => {
  t.same(parseUidRange('1879048192-1879113727'), DEFAULT_INSTANCE_UIDS)
  t.same(parseUidRange(' 200000 - 200009 '), { first: 200000, last: 200009 })
  t.same(parseUidRange('70000-70000'), { first: 70000, last: 70000 }, 'one uid is a range')
  const bad: Array<[string, RegExp]> = [
    ['', /expected FIRST-LAST/],
    ['1000', /expected FIRST-LAST/],
    ['a-b', /expected FIRST-LAST/],
    ['-5-10', /expected FIRST-LAST/],
    ['200010-200000', /above the last/],
    ['1000-60000', /65536 or above/],
    ['0-70000', /65536 or above/],
    ['65535-70000', /65536 or above/],
    ['70000-4294967295', /2147483647 or below/]
  ]
  for (const [text, why] of bad) {
    const err = t.throws(() => parseUidRange(text), { code: 'ERR_INVALID_UID_RANGE' }, JSON.stringify(text)) as Error
    t.match(err.message, why)
  }
})

t.test('an instance prefers the uid its id hashes to, the same everywhere', async t => {
  const range = { first: 100000, last: 100999 }
  const a = preferredUid(range, 'shop.db.0')
  t.ok(a >= range.first && a <= range.last)
  t.equal(preferredUid(range, 'shop.db.0'), a, 'deterministic')
  t.equal(allocateUid(range, 'shop.db.0', new Set(), () => false), a, 'gets it when free')
  t.not(preferredUid(range, 'shop.db.1'), a, 'another id, another uid (for these two)')
})

t.test('allocation skips taken and system uids, wraps around, and says when the range is full', async t => {
  const range = { first: 100000, last: 100002 }
  const start = preferredUid(range, 'x')
  const next = (uid: number): number => uid === range.last ? range.first : uid + 1
  t.equal(allocateUid(range, 'x', new Set([start]), () => false), next(start), 'the next one when its own is taken')
  t.equal(allocateUid(range, 'x', new Set([start]), uid => uid === next(start)), next(next(start)), 'and past a uid the system uses, wrapping')
  t.equal(allocateUid(range, 'x', new Set([100000, 100001, 100002]), () => false), undefined, 'full')
})

t.test('ids of /etc/passwd and /etc/group', async t => {
  t.same([...idsInDatabase('root:x:0:0:root:/root:/bin/bash\n# comment:x:5:5\nalice:x:1000:1000::/home/alice:/bin/sh\nbroken\nempty:x::\n')].sort((a, b) => a - b), [0, 1000])
})
