import t from 'tap'
import { watch } from '../../../controller/cli/watch.ts'

t.test('a watch prints when the text changes, says why a render failed, and ends on abort', async t => {
  const printed: string[] = []
  const out = { write: (s: string) => { printed.push(s.split('\n').slice(1).join('\n')) }, error: () => {} }
  const texts = ['a', 'a', 'b', new Error('connection refused'), 'b']
  const ac = new AbortController()
  let calls = 0
  const code = await watch(out, async () => {
    const next = texts[calls++]
    if (calls === texts.length) ac.abort()
    if (next instanceof Error) throw next
    return next ?? ''
  }, ac.signal)
  t.equal(code, 0)
  t.same(printed, ['a', 'b', '(connection refused)', 'b'], 'each change once, a failure as a line of its own')
  t.equal(calls, texts.length)
})
