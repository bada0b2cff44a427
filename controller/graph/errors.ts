import type { GraphIssue } from './types.ts'

/**
 * Stable codes of the issues the app-graph and manifest validators report.
 * Clients and tests match on these; messages may be reworded at any time.
 */
export const IssueCode = {
  // Reading the text
  YAML_SYNTAX: 'ERR_YAML_SYNTAX',
  TOO_LARGE: 'ERR_TOO_LARGE',
  DUPLICATE_KEY: 'ERR_DUPLICATE_KEY',
  DUPLICATE_NAME: 'ERR_DUPLICATE_NAME',
  OUTPUT_CONNECTED_TWICE: 'ERR_OUTPUT_CONNECTED_TWICE',
  // Shape (JSON Schema)
  MISSING_FIELD: 'ERR_MISSING_FIELD',
  UNKNOWN_FIELD: 'ERR_UNKNOWN_FIELD',
  WRONG_TYPE: 'ERR_WRONG_TYPE',
  BAD_NAME: 'ERR_BAD_NAME',
  OUT_OF_RANGE: 'ERR_OUT_OF_RANGE',
  EMPTY: 'ERR_EMPTY',
  SCHEMA: 'ERR_SCHEMA',
  // Values
  BAD_QUANTITY: 'ERR_BAD_QUANTITY',
  BAD_DURATION: 'ERR_BAD_DURATION',
  BAD_CONSTRAINT: 'ERR_BAD_CONSTRAINT',
  BAD_REFERENCE: 'ERR_BAD_REFERENCE',
  BAD_MOUNT: 'ERR_BAD_MOUNT',
  // Against the catalog
  UNKNOWN_IMAGE: 'ERR_UNKNOWN_IMAGE',
  UNKNOWN_PROPERTY: 'ERR_UNKNOWN_PROPERTY',
  PROPERTY_TYPE: 'ERR_PROPERTY_TYPE',
  PROPERTY_NOT_IN_ENUM: 'ERR_PROPERTY_NOT_IN_ENUM',
  PROPERTY_REQUIRED: 'ERR_PROPERTY_REQUIRED',
  UNKNOWN_TERMINAL: 'ERR_UNKNOWN_TERMINAL',
  TERMINAL_DIRECTION: 'ERR_TERMINAL_DIRECTION',
  PROTOCOL_MISMATCH: 'ERR_PROTOCOL_MISMATCH',
  MANDATORY_OUTPUT: 'ERR_MANDATORY_OUTPUT',
  UNKNOWN_COMPONENT: 'ERR_UNKNOWN_COMPONENT',
  DUPLICATE_PORT: 'ERR_DUPLICATE_PORT',
  UNKNOWN_VOLUME: 'ERR_UNKNOWN_VOLUME',
  VOLUME_REQUIRED: 'ERR_VOLUME_REQUIRED',
  VOLUME_WITH_COUNT: 'ERR_VOLUME_WITH_COUNT',
  REPLICAS_RANGE: 'ERR_REPLICAS_RANGE',
  DUPLICATE_MOUNT: 'ERR_DUPLICATE_MOUNT',
  BELOW_MINIMUM: 'ERR_BELOW_MINIMUM',
  EXCEEDS_NODES: 'ERR_EXCEEDS_NODES'
} as const

/** One of the codes in IssueCode. */
export type IssueCode = typeof IssueCode[keyof typeof IssueCode]

/** Thrown when an application graph fails validation; `issues` lists every problem found. */
export class GraphValidationError extends Error {
  readonly code = 'ERR_INVALID_APP'
  readonly issues: GraphIssue[]
  constructor (issues: GraphIssue[], message?: string, options?: { cause?: unknown }) {
    super(message ?? defaultMessage(issues), options)
    this.name = 'GraphValidationError'
    this.issues = issues
  }
}

function defaultMessage (issues: GraphIssue[]): string {
  const n = issues.length
  const first = issues[0]
  if (first === undefined) return 'invalid application'
  const where = first.path === '' ? '' : `${first.path}: `
  const more = n > 1 ? ` (and ${n - 1} more)` : ''
  return `invalid application: ${where}${first.message}${more}`
}
