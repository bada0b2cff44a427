/**
 * The app-graph model: the YAML form users write, its validation against the
 * image catalog and the grid's nodes, and the normalized AppSpec the rest of
 * Trellis works on. Reference: docs/app-graph.md.
 */
export type { AppSpec, ComponentSpec, ConnectionSpec, Constraint, EntrySpec, GraphIssue, Resources, VolumeSpec } from './types.ts'
export { validateApp, assertApp, MAX_APP_CHARS } from './validate.ts'
export type { ValidationContext, ValidationResult } from './validate.ts'
export type { NodeCapacity } from './fit.ts'
export { DEFAULT_REPLICAS } from './component.ts'
export { GraphValidationError, IssueCode } from './errors.ts'
export { formatIssues } from './format.ts'
export type { FormatOptions } from './format.ts'
export { parseConstraint, formatConstraint } from './constraint.ts'
export { parseBytes, parseCpu, parseDuration, formatBytes, formatCpu, quantityShaped } from './quantity.ts'
export type { Parsed } from './quantity.ts'
// Shared with the image catalog, which reads manifests the same way.
export { readYaml, lineColOf } from './yaml.ts'
export type { DuplicateRule, Position, YamlText } from './yaml.ts'
export { compileShapeCheck, describe } from './schema.ts'
export type { ShapeCheck } from './schema.ts'
export { joinPath, splitPath, collector, asRecord } from './path.ts'
export type { PathSegment, Report } from './path.ts'
export { didYouMean } from './suggest.ts'
export { instanceId, parseInstanceId, statefulInstanceId, volumeId, snapshotId, subjectId, appOf, componentOf } from './ids.ts'
export type { InstanceName } from './ids.ts'
