/**
 * An app's entries on this node: each published on the node's entry host at
 * its port, forwarding to the input it names wherever its instances run. A
 * port that cannot be bound is tried again on every reconcile and reported
 * once per cause, so its app shows degraded with the reason.
 */
import type { Logger } from 'pino'
import { subjectId, type AppSpec } from '../../controller/graph/index.ts'
import type { Forwarder } from '../network/forwarder.ts'
import type { TerminalNetwork } from '../network/terminals.ts'
import { endpointsOf, type Placement } from './plan.ts'

/** An app's entry on this node: published, or why not. */
export interface EntryView {
  name: string
  address: string
  to: string
  published: boolean
  /** Why it could not be published (the port is taken, …); tried again on every reconcile. */
  error?: string
}

/** What the entries need: the network to listen on, the app as committed, and where to say what happened. */
export interface AppEntriesComponents {
  network: TerminalNetwork
  logger: Logger
  /** The app's present spec (the endpoints follow its counts). */
  spec: (app: string) => AppSpec | undefined
  place: Placement
  record: (subject: string, kind: string, detail: string) => void
}

/** This node's published entries, by `<app>.<entry>:<port>`. */
export class AppEntries {
  readonly #c: AppEntriesComponents
  readonly #host: string
  readonly #open = new Map<string, Forwarder>()
  /** Entries that could not be published, with why. */
  readonly #errors = new Map<string, string>()

  constructor (components: AppEntriesComponents, init: { host: string }) {
    this.#c = components
    this.#host = init.host
  }

  /** Entries of an app with the address each is published on here, and whether it could be. */
  of (app: AppSpec): EntryView[] {
    return app.entries.map(e => {
      const key = entryKey(app.name, e.name, e.port)
      const error = this.#errors.get(key)
      return { name: e.name, address: `${this.#host}:${e.port}`, to: `${e.component}.${e.input}`, published: this.#open.has(key), ...(error === undefined ? {} : { error }) }
    })
  }

  /** Publishes the apps' entries that are not yet, closes those no app has any more. */
  async reconcile (apps: AppSpec[]): Promise<void> {
    const wanted = new Map<string, { app: AppSpec, entry: AppSpec['entries'][number] }>()
    for (const app of apps) for (const entry of app.entries) wanted.set(entryKey(app.name, entry.name, entry.port), { app, entry })
    for (const [key, f] of this.#open) {
      if (wanted.has(key)) continue
      await f.close()
      this.#open.delete(key)
    }
    for (const key of this.#errors.keys()) if (!wanted.has(key)) this.#errors.delete(key)
    for (const [key, { app, entry }] of wanted) {
      if (this.#open.has(key)) continue
      const targets = (): ReturnType<typeof endpointsOf> => endpointsOf(this.#c.spec(app.name) ?? app, entry.component, entry.input, this.#c.place)
      const subject = subjectId(app.name, `entry.${entry.name}`)
      try {
        this.#open.set(key, await this.#c.network.listen(`entry ${key}`, { host: this.#host, port: entry.port }, targets))
        this.#errors.delete(key)
        this.#c.record(subject, 'entry-published', `${this.#host}:${entry.port}`)
      } catch (err) {
        const why = `port ${entry.port}: ${(err as Error).message}`
        // Said once per cause: the reconcile that tries again must not flood the events.
        if (this.#errors.get(key) !== why) {
          this.#c.logger.error({ err, app: app.name, entry: entry.name, port: entry.port }, 'entry could not be published')
          this.#c.record(subject, 'entry-failed', why)
        }
        this.#errors.set(key, why)
      }
    }
  }

  async close (): Promise<void> {
    await Promise.all([...this.#open.values()].map(async f => { await f.close() }))
  }
}

function entryKey (app: string, entry: string, port: number): string {
  return `${app}.${entry}:${port}`
}
