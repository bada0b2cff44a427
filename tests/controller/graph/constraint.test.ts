import t from 'tap'
import { formatConstraint, parseConstraint } from '../../../controller/graph/index.ts'

t.test('the constraint forms', async t => {
  const good = [
    ['zone != field-a', { attribute: 'zone', operator: '!=', values: ['field-a'] }],
    ['label.rack == r1', { attribute: 'label.rack', operator: '==', values: ['r1'] }],
    ['label.rack==r1', { attribute: 'label.rack', operator: '==', values: ['r1'] }],
    ['zone in a,b', { attribute: 'zone', operator: 'in', values: ['a', 'b'] }],
    ['zone in a, b ,c', { attribute: 'zone', operator: 'in', values: ['a', 'b', 'c'] }],
    ['zone not-in a,b', { attribute: 'zone', operator: 'not-in', values: ['a', 'b'] }],
    ['label.gpu', { attribute: 'label.gpu', operator: 'exists', values: [] }],
    ['  label.example.com/gpu  ', { attribute: 'label.example.com/gpu', operator: 'exists', values: [] }]
  ] as const
  for (const [text, want] of good) {
    const parsed = parseConstraint(text)
    t.same(parsed, { ok: true, value: want }, text)
    if (parsed.ok) t.same(parseConstraint(formatConstraint(parsed.value)), parsed, `${text} round-trips`)
  }
})

t.test('bad constraints', async t => {
  for (const text of ['', 'zone = a', 'zone ==', '== a', 'zone == a b', 'zone == a,b', 'zone in', 'zone in a,', 'zone in ,a',
    'zone between a,b', 'Zone == a', '1zone == a', 'zone =! a', 'zone <> a', 5, null]) {
    const parsed = parseConstraint(text)
    t.notOk(parsed.ok, JSON.stringify(text))
    if (!parsed.ok) t.type(parsed.reason, 'string')
  }
})
