import { LineCounter, parseDocument, isMap, isScalar, isSeq } from 'yaml'
import type { Document } from 'yaml'
import { IssueCode } from './errors.ts'
import { joinPath, splitPath } from './path.ts'
import type { PathSegment } from './path.ts'
import type { GraphIssue } from './types.ts'

/** Decides what a repeated key means where it occurs; undefined means a plain ERR_DUPLICATE_KEY. */
export type DuplicateRule = (parent: readonly PathSegment[], key: string) => { code: string, message: string } | undefined

/** A 1-based place in the text. */
export interface Position { line: number, column: number }

/** YAML text read for validation. */
export interface YamlText {
  /** The document as plain data; undefined when the text has syntax errors. */
  value: unknown
  /** Syntax errors and repeated keys, each with its position. */
  issues: GraphIssue[]
  /** Where the node at a dotted path starts, or its nearest ancestor that is in the text. */
  position (path: string): Position | undefined
}

/**
 * Parses YAML without letting the library reject repeated keys: it would stop at
 * the first one and say nothing about where it sits in the graph, whereas walking
 * the Document lets `rule` give each repeat the meaning its place implies.
 */
export function readYaml (text: string, rule: DuplicateRule = () => undefined): YamlText {
  const lines = new LineCounter()
  // logLevel 'error': the library would print warnings (complex keys) to stderr; they are reported as issues instead.
  const doc = parseDocument(text, { uniqueKeys: false, lineCounter: lines, prettyErrors: true, logLevel: 'error' })
  const at = (offset: number | undefined): Position | undefined => offset === undefined ? undefined : toPosition(lines.linePos(offset))
  const position = (path: string): Position | undefined => at(offsetOf(doc, splitPath(path)))
  const issues: GraphIssue[] = []

  for (const err of doc.errors) {
    const pos = err.linePos === undefined ? at(err.pos[0]) : toPosition(err.linePos[0])
    // The library appends a caret drawing after a colon; the position travels in line/column instead.
    const first = (err.message.split('\n')[0] ?? err.message).replace(/:$/, '')
    const message = err.code === 'MULTIPLE_DOCS' ? 'the text holds more than one YAML document (a line of ---); give one' : first
    issues.push({ path: '', code: IssueCode.YAML_SYNTAX, message: `YAML syntax: ${message}`, ...pos })
  }
  if (issues.length > 0) return { value: undefined, issues, position }

  walk(doc.contents, [], {
    repeated: (parent, key, offset) => {
      const meant = rule(parent, key)
      const code = meant?.code ?? IssueCode.DUPLICATE_KEY
      const message = meant?.message ?? `key "${key}" appears more than once`
      issues.push({ path: joinPath([...parent, key]), code, message, ...at(offset) })
    },
    complex: (parent, offset) => {
      issues.push({ path: joinPath(parent), code: IssueCode.WRONG_TYPE, message: 'a key must be a plain name, not a list or a map', ...at(offset) })
    }
  })

  let value: unknown
  try {
    value = doc.toJS()
  } catch (err) {
    // toJS refuses alias bombs ("excessive alias count"); that is bad input, not a crash.
    const message = err instanceof Error ? err.message : String(err)
    return { value: undefined, issues: [...issues, { path: '', code: IssueCode.YAML_SYNTAX, message: `YAML: ${message}` }], position }
  }
  return { value, issues, position }
}

interface KeyFaults {
  repeated: (parent: readonly PathSegment[], key: string, offset: number | undefined) => void
  complex: (parent: readonly PathSegment[], offset: number | undefined) => void
}

function walk (node: unknown, path: PathSegment[], on: KeyFaults): void {
  if (isMap(node)) {
    const seen = new Set<string>()
    for (const pair of node.items) {
      if (pair.key !== null && !isScalar(pair.key)) on.complex(path, rangeStart(pair.key))
      const key = keyText(pair.key)
      if (seen.has(key)) on.repeated(path, key, rangeStart(pair.key))
      seen.add(key)
      walk(pair.value, [...path, key], on)
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => walk(item, [...path, i], on))
  }
}

function offsetOf (doc: Document, path: readonly PathSegment[]): number | undefined {
  let node: unknown = doc.contents
  let best = rangeStart(node)
  for (const seg of path) {
    if (isMap(node)) {
      // The last of repeated keys is the one toJS keeps, so point there.
      const pair = node.items.findLast(p => keyText(p.key) === String(seg))
      if (pair === undefined) break
      best = rangeStart(pair.key) ?? best
      node = pair.value
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg]
      if (item === undefined) break
      best = rangeStart(item) ?? best
      node = item
    } else {
      break
    }
  }
  return best
}

function toPosition (p: { line: number, col: number }): Position {
  return { line: p.line, column: p.col }
}

function keyText (key: unknown): string {
  if (isScalar(key)) return String(key.value)
  if (key !== null && typeof key === 'object' && 'toJSON' in key && typeof key.toJSON === 'function') {
    return JSON.stringify(key.toJSON())
  }
  return String(key)
}

function rangeStart (node: unknown): number | undefined {
  if (node === null || typeof node !== 'object' || !('range' in node)) return undefined
  const range = node.range
  return Array.isArray(range) && typeof range[0] === 'number' ? range[0] : undefined
}

/** `line:col` of a dotted path in YAML text (or of its nearest ancestor there); undefined if the text has no such place. */
export function lineColOf (text: string, path: string): string | undefined {
  const pos = readYaml(text).position(path)
  return pos === undefined ? undefined : `${pos.line}:${pos.column}`
}
