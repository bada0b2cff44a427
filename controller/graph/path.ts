import type { GraphIssue } from './types.ts'

/** One step into a document: a map key or a sequence index. */
export type PathSegment = string | number

/** Joins segments into the dotted form issues carry: `components.web.constraints[1]`. */
export function joinPath (segments: readonly PathSegment[]): string {
  let out = ''
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`
    else out += out === '' ? s : `.${s}`
  }
  return out
}

/** The inverse of joinPath, for finding a path in a YAML document again. */
export function splitPath (path: string): PathSegment[] {
  const out: PathSegment[] = []
  for (const part of path.split('.')) {
    if (part === '') continue
    const m = /^([^[]*)((?:\[\d+\])*)$/.exec(part)
    if (m === null) { out.push(part); continue }
    if (m[1] !== '') out.push(m[1] as string)
    for (const idx of (m[2] as string).matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]))
  }
  return out
}

/** Records one issue; validators take one of these rather than returning lists from every helper. */
export type Report = (code: string, path: readonly PathSegment[], message: string) => void

/** A Report that appends to a list, dropping repeats of one code at one path; `add` takes ready-made issues. */
export function collector (): { issues: GraphIssue[], report: Report, add: (issue: GraphIssue) => void } {
  const issues: GraphIssue[] = []
  const seen = new Set<string>()
  const add = (issue: GraphIssue): void => {
    const key = `${issue.code}\u0000${issue.path}`
    if (seen.has(key)) return
    seen.add(key)
    issues.push(issue)
  }
  const report: Report = (code, path, message) => add({ path: joinPath(path), code, message })
  return { issues, report, add }
}

/** The value as a plain object, or undefined when it is anything else (the schema check reports that). */
export function asRecord (value: unknown): Record<string, unknown> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined
  return value as Record<string, unknown>
}
