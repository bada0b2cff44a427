import type { GraphIssue } from './types.ts'

/** How formatIssues writes each line. */
export interface FormatOptions {
  /** Prefix each line with `[file:]line:col: ` where known, as compilers do, so editors can jump there. */
  positions?: boolean
}

/** One line per issue, `path: message`; the whole document is written `(root)`. */
export function formatIssues (issues: readonly GraphIssue[], options: FormatOptions = {}): string {
  return issues.map(issue => {
    const where = issue.path === '' ? '(root)' : issue.path
    let prefix = ''
    if (options.positions === true) {
      const at = issue.line === undefined ? '' : `${issue.line}:${issue.column ?? 1}`
      prefix = [issue.file, at].filter(s => s !== undefined && s !== '').join(':')
      if (prefix !== '') prefix += ': '
    }
    // A message is one line by contract; fold any stray newline so the output stays line-per-issue.
    return `${prefix}${where}: ${issue.message.replace(/\s*\n\s*/g, ' ')}`
  }).join('\n')
}
