import type { Constraint } from './types.ts'
import type { Parsed } from './quantity.ts'

// `zone`, `name`, `label.rack`, `label.example.com/gpu`: a word, then optionally a dot and a key.
const ATTRIBUTE = String.raw`[a-z][A-Za-z0-9_-]*(?:\.[A-Za-z0-9][A-Za-z0-9_./-]*)?`
// A value is one token; commas are kept out so `zone == a,b` cannot pass for a list.
const VALUE = String.raw`[^\s,]+`

const EXISTS = new RegExp(`^(${ATTRIBUTE})$`)
const COMPARE = new RegExp(`^(${ATTRIBUTE})\\s*(==|!=)\\s*(${VALUE})$`)
const SET = new RegExp(`^(${ATTRIBUTE})\\s+(in|not-in)\\s+(${VALUE}(?:\\s*,\\s*${VALUE})*)$`)

const HINT = 'write "attr == value", "attr != value", "attr in a,b", "attr not-in a,b" or "label.key" alone (exists)'

/** Parses one placement constraint: `zone != field-a`, `label.rack == r1`, `zone in a,b`, `zone not-in a,b`, `label.gpu`. */
export function parseConstraint (input: unknown): Parsed<Constraint> {
  if (typeof input !== 'string') return { ok: false, reason: `must be a string; ${HINT}` }
  const text = input.trim()
  let m = EXISTS.exec(text)
  if (m !== null) return { ok: true, value: { attribute: m[1] as string, operator: 'exists', values: [] } }
  m = COMPARE.exec(text)
  if (m !== null) {
    return { ok: true, value: { attribute: m[1] as string, operator: m[2] as '==' | '!=', values: [m[3] as string] } }
  }
  m = SET.exec(text)
  if (m !== null) {
    const values = (m[3] as string).split(',').map(v => v.trim())
    return { ok: true, value: { attribute: m[1] as string, operator: m[2] as 'in' | 'not-in', values } }
  }
  if (/[^=!]=[^=]/.test(text)) return { ok: false, reason: `"${input}": equality is written ==` }
  return { ok: false, reason: `"${input}" is not a constraint; ${HINT}` }
}

/** Writes a constraint back in the syntax parseConstraint reads. */
export function formatConstraint (c: Constraint): string {
  switch (c.operator) {
    case 'exists': return c.attribute
    case 'in': case 'not-in': return `${c.attribute} ${c.operator} ${c.values.join(',')}`
    default: return `${c.attribute} ${c.operator} ${c.values[0] ?? ''}`
  }
}
