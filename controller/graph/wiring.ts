/**
 * Connections and entries: every reference resolves to a component of the app
 * and a terminal of its image, runs from an output to an input, and joins
 * terminals of one protocol. Runs after every component is normalized, since a
 * connection may point at any of them.
 */
import type { ImageManifest, TerminalSpec } from '../catalog/types.ts'
import { IssueCode } from './errors.ts'
import { asRecord } from './path.ts'
import type { PathSegment, Report } from './path.ts'
import { didYouMean } from './suggest.ts'
import type { ComponentSpec, EntrySpec } from './types.ts'

/** The app's components by name, each with its image when the catalog has it. */
export type ComponentTable = Map<string, { spec: ComponentSpec, image: ImageManifest | undefined }>

const TARGET = /^([a-z][-a-z0-9]*)\.([A-Za-z][A-Za-z0-9_-]*)$/

/** Resolves components.<name>.connections into each spec's `connections`, reporting what does not resolve. */
export function wireConnections (name: string, raw: unknown, table: ComponentTable, report: Report): void {
  const self = table.get(name)
  if (self === undefined) return
  const given = asRecord(raw) ?? {}
  const image = self.image
  for (const [output, target] of Object.entries(given)) {
    const at: PathSegment[] = ['components', name, 'connections', output]
    let from: TerminalSpec | undefined
    if (image !== undefined) {
      from = image.terminals.find(t => t.name === output)
      if (from === undefined) {
        const outputs = image.terminals.filter(t => t.direction === 'out').map(t => t.name)
        report(IssueCode.UNKNOWN_TERMINAL, at, `no such output terminal "${output}" on image ${image.name}${didYouMean(output, outputs)}; ${listOf('outputs', outputs)}`)
      } else if (from.direction === 'in') {
        report(IssueCode.TERMINAL_DIRECTION, at, `"${output}" is an input terminal of image ${image.name}; a connection starts at an output`)
        from = undefined
      }
    }
    if (typeof target !== 'string') continue
    const to = resolveInput(target, table, at, report)
    if (to === undefined) continue
    if (from !== undefined && from.protocol !== to.terminal.protocol) {
      report(IssueCode.PROTOCOL_MISMATCH, at,
        `output "${output}" speaks ${from.protocol} but ${target} speaks ${to.terminal.protocol}; a connection joins terminals of one protocol`)
      continue
    }
    if (from !== undefined) self.spec.connections.push({ output, component: to.component, input: to.terminal.name })
  }
  // Connections that are not a map at all were reported by the schema; "unconnected" would only repeat it.
  const shaped = raw === undefined || asRecord(raw) !== undefined
  for (const t of shaped ? image?.terminals ?? [] : []) {
    if (t.direction === 'out' && t.mandatory && !Object.hasOwn(given, t.name)) {
      report(IssueCode.MANDATORY_OUTPUT, ['components', name, 'connections', t.name],
        `output "${t.name}" of image ${image?.name ?? ''} must be connected (to an input speaking ${t.protocol})`)
    }
  }
}

/** Resolves entries.<name> into an EntrySpec, or undefined after reporting why it cannot be one. */
export function resolveEntry (name: string, raw: unknown, table: ComponentTable, ports: Map<number, string>, report: Report): EntrySpec | undefined {
  const entry = asRecord(raw)
  if (entry === undefined) return undefined
  const port = entry.port
  let portOk = Number.isInteger(port) && (port as number) >= 1 && (port as number) <= 65535
  if (portOk) {
    const other = ports.get(port as number)
    if (other !== undefined) {
      report(IssueCode.DUPLICATE_PORT, ['entries', name, 'port'], `port ${String(port)} is already published by entry "${other}"`)
      portOk = false
    } else {
      ports.set(port as number, name)
    }
  }
  if (typeof entry.to !== 'string') return undefined
  const to = resolveInput(entry.to, table, ['entries', name, 'to'], report)
  if (to === undefined || !portOk) return undefined
  return { name, port: port as number, component: to.component, input: to.terminal.name }
}

// `<component>.<input terminal>` → the terminal, reporting at `at` whatever is wrong with it.
function resolveInput (target: string, table: ComponentTable, at: PathSegment[], report: Report): { component: string, terminal: TerminalSpec } | undefined {
  const m = TARGET.exec(target)
  if (m === null) {
    report(IssueCode.BAD_REFERENCE, at, `"${target}" is not <component>.<input terminal> (e.g. db.http)`)
    return undefined
  }
  const component = m[1] as string
  const name = m[2] as string
  const found = table.get(component)
  if (found === undefined) {
    report(IssueCode.UNKNOWN_COMPONENT, at, `no component "${component}" in this app${didYouMean(component, table.keys())}`)
    return undefined
  }
  // Its image is unknown: that is reported on the component itself.
  if (found.image === undefined) return undefined
  const terminal = found.image.terminals.find(t => t.name === name)
  if (terminal === undefined) {
    const inputs = found.image.terminals.filter(t => t.direction === 'in').map(t => t.name)
    report(IssueCode.UNKNOWN_TERMINAL, at,
      `no such input terminal "${name}" on component ${component} (image ${found.image.name})${didYouMean(name, inputs)}; ${listOf('inputs', inputs)}`)
    return undefined
  }
  if (terminal.direction === 'out') {
    report(IssueCode.TERMINAL_DIRECTION, at, `"${name}" is an output terminal of component ${component}; a connection ends at an input`)
    return undefined
  }
  return { component, terminal }
}

function listOf (what: string, names: string[]): string {
  return names.length === 0 ? `it has no ${what}` : `its ${what}: ${names.join(', ')}`
}
