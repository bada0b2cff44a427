import { Ajv2020 } from 'ajv/dist/2020.js'
import type { ErrorObject } from 'ajv/dist/2020.js'
import { IssueCode } from './errors.ts'
import { joinPath } from './path.ts'
import type { PathSegment } from './path.ts'
import type { GraphIssue } from './types.ts'
import { closest } from './suggest.ts'

/** Checks plain data against one schema and says what is wrong, in issue form. */
export type ShapeCheck = (value: unknown) => GraphIssue[]

// One Ajv for every schema Trellis ships. `x-code` and `x-message` are annotations a
// schema may put beside a keyword to give its failures a specific code and wording.
const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true })
ajv.addKeyword({ keyword: 'x-code', schemaType: 'string' })
ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' })

/** Compiles a JSON Schema (draft 2020-12) into a ShapeCheck whose issues carry dotted paths and stable codes. */
export function compileShapeCheck (schema: object): ShapeCheck {
  const validate = ajv.compile(schema)
  return (value) => {
    if (validate(value)) return []
    const issues: GraphIssue[] = []
    const seen = new Set<string>()
    for (const err of validate.errors ?? []) {
      const issue = toIssue(err)
      if (issue === undefined) continue
      const key = `${issue.code}\u0000${issue.path}`
      if (seen.has(key)) continue
      seen.add(key)
      issues.push(issue)
    }
    return issues
  }
}

function toIssue (err: ErrorObject): GraphIssue | undefined {
  // propertyNames reports twice: the wrapper and the inner failure naming the key; keep the inner one.
  if (err.keyword === 'propertyNames') return undefined
  const at = pointerToPath(err.instancePath)
  const parent = (err.parentSchema ?? {}) as Record<string, unknown>
  // The annotations speak for the value's constraints (pattern, range); a missing,
  // unknown or mistyped field keeps its generic code wherever it occurs.
  const structural = err.keyword === 'required' || err.keyword === 'additionalProperties' || err.keyword === 'type'
  const special = !structural && typeof parent['x-code'] === 'string' ? parent['x-code'] : undefined
  const wording = !structural && typeof parent['x-message'] === 'string' ? parent['x-message'] : undefined
  const named = (err as ErrorObject & { propertyName?: string }).propertyName
  if (named !== undefined) {
    return { path: joinPath([...at, named]), code: special ?? IssueCode.BAD_NAME, message: wording ?? `name "${named}" ${err.message ?? 'is not allowed'}` }
  }
  const p = err.params as Record<string, unknown>
  switch (err.keyword) {
    case 'required':
      return { path: joinPath([...at, String(p.missingProperty)]), code: special ?? IssueCode.MISSING_FIELD, message: wording ?? 'required field is missing' }
    case 'additionalProperties': {
      const field = String(p.additionalProperty)
      const known = Object.keys(asObject(parent.properties))
      const hint = closest(field, known)
      const also = hint === undefined ? (known.length > 0 ? `; known fields: ${known.join(', ')}` : '') : `; did you mean "${hint}"?`
      return { path: joinPath([...at, field]), code: special ?? IssueCode.UNKNOWN_FIELD, message: wording ?? `unknown field "${field}"${also}` }
    }
    case 'type':
      return { path: joinPath(at), code: special ?? IssueCode.WRONG_TYPE, message: wording ?? `must be ${typeWords(p.type)}, not ${describe(err.data)}` }
    case 'minimum': case 'exclusiveMinimum':
      return { path: joinPath(at), code: special ?? IssueCode.OUT_OF_RANGE, message: wording ?? `must be at least ${String(p.limit)}, not ${describe(err.data)}` }
    case 'maximum': case 'exclusiveMaximum':
      return { path: joinPath(at), code: special ?? IssueCode.OUT_OF_RANGE, message: wording ?? `must be at most ${String(p.limit)}, not ${describe(err.data)}` }
    case 'minProperties': case 'minItems': case 'minLength':
      return { path: joinPath(at), code: special ?? IssueCode.EMPTY, message: wording ?? 'must not be empty' }
    case 'enum':
      return { path: joinPath(at), code: special ?? IssueCode.OUT_OF_RANGE, message: wording ?? `must be one of ${(p.allowedValues as unknown[]).map(v => JSON.stringify(v)).join(', ')}` }
    case 'pattern':
      return { path: joinPath(at), code: special ?? IssueCode.SCHEMA, message: wording ?? `${describe(err.data)} ${err.message ?? 'does not match'}` }
    default:
      return { path: joinPath(at), code: special ?? IssueCode.SCHEMA, message: wording ?? err.message ?? 'is not valid' }
  }
}

// JSON Pointer (RFC 6901) → segments; indices of arrays come out as numbers.
function pointerToPath (pointer: string): PathSegment[] {
  if (pointer === '') return []
  return pointer.slice(1).split('/').map(s => {
    const key = s.replace(/~1/g, '/').replace(/~0/g, '~')
    return /^\d+$/.test(key) ? Number(key) : key
  })
}

function asObject (value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' ? value as Record<string, unknown> : {}
}

function typeWords (type: unknown): string {
  const types = Array.isArray(type) ? type as string[] : String(type).split(',')
  return types.map(t => t === 'object' ? 'a map' : t === 'array' ? 'a list' : t === 'integer' ? 'an integer' : `a ${t}`).join(' or ')
}

/** A short description of a value for messages: `"abc"`, `12`, `a list`, `a map`, `null`. */
export function describe (value: unknown): string {
  if (value === null || value === undefined) return 'empty'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a map'
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value)
  return String(value)
}
