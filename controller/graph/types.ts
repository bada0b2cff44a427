/**
 * The application graph as Trellis holds it after parsing and defaulting.
 * The YAML form users write is documented in docs/app-graph.md and checked
 * against controller/graph/app.schema.json before it becomes one of these.
 */

/** Resources one instance asks for. cpu in cores (0.25 = a quarter core), sizes in bytes. */
export interface Resources {
  cpu: number
  memory: number
  disk: number
}

/** A placement constraint, written `zone != field-a`, `label.rack == r1`, `label.gpu` (exists). */
export interface Constraint {
  attribute: string
  operator: '==' | '!=' | 'in' | 'not-in' | 'exists'
  values: string[]
}

/** A volume bound to a component; the name is one the image declares. */
export interface VolumeSpec {
  name: string
  size: number
  replicas: number
  mount: string
}

/** output terminal → target component's input terminal */
export interface ConnectionSpec {
  output: string
  component: string
  input: string
}

/** One appliance in an app, made from an image. */
export interface ComponentSpec {
  name: string
  /** The image as the app names it: `name` (its newest version) or `name@version`. */
  image: string
  /** The digest `image` resolved to when the app was applied: the app runs exactly that until applied again. */
  digest?: string
  count: number
  properties: Record<string, string | number | boolean>
  resources: Resources
  connections: ConnectionSpec[]
  volumes: VolumeSpec[]
  constraints: Constraint[]
  /** Instances of this component go on distinct nodes. */
  antiAffinity: boolean
}

/** A port the app publishes on every node, forwarded into an input terminal. */
export interface EntrySpec {
  name: string
  port: number
  component: string
  input: string
}

/** A whole application graph. */
export interface AppSpec {
  name: string
  components: ComponentSpec[]
  entries: EntrySpec[]
  constraints: Constraint[]
}

/**
 * One problem found in an app graph or an image manifest: where it is, a stable
 * code to match on, and words for a human. Validators return every issue they
 * find at once, so one round trip shows the author everything to fix.
 */
export interface GraphIssue {
  /** Dotted path into the document (`components.web.connections.db`, `constraints[1]`); '' means the whole document. */
  path: string
  /** Stable code (see IssueCode in errors.ts); match on this, never on the message. */
  code: string
  message: string
  /** 1-based line in the YAML text, when the input was text and the path could be found in it. */
  line?: number
  /** 1-based column, with line. */
  column?: number
  /** The file the issue was found in, for manifests read from disk. */
  file?: string
}
