import type { Logger } from 'pino'
import type { Catalog } from '../controller/catalog/types.ts'
import type { AppChangesView, AppRevisionView, ApplyView, DiffView } from '../controller/client/types.ts'
import { diffApps, GraphValidationError, validateApp, type AppSpec } from '../controller/graph/index.ts'
import { putApp, type CommandLog } from '../controller/state/index.ts'
import { componentPlan } from './agent/index.ts'
import { ApiError, notFound, type RevisionService } from './api/index.ts'
import type { GridNodes } from './membership/index.ts'

/**
 * An app's versions as people count them: its history (the last few
 * revisions, kept in the state), a rollback to one of them, and the
 * differences an apply would make, with what it would restart.
 */
export class AppRevisions implements RevisionService {
  readonly #c: { log: CommandLog, catalog: Catalog, nodes: GridNodes, nodeId: string, logger: Logger }

  constructor (components: { log: CommandLog, catalog: Catalog, nodes: GridNodes, nodeId: string, logger: Logger }) {
    this.#c = components
  }

  async history (name: string): Promise<AppRevisionView[]> {
    await this.#c.log.readBarrier?.()
    const record = this.#c.log.state.apps.get(name)
    if (record === undefined) throw notFound(`app ${name}`)
    const kept = record.history ?? [{ revision: record.revision ?? 1, version: record.version, spec: record.spec, source: record.source }]
    return kept.map((r, i) => ({
      revision: r.revision,
      version: r.version,
      current: r.revision === (record.revision ?? 1),
      ...(r.rollbackOf === undefined ? {} : { rollbackOf: r.rollbackOf }),
      // The oldest kept has nothing kept before it to compare with, unless it is the first.
      ...(i === 0 && r.revision !== 1 ? { changes: [], restarts: [], starts: [], stops: [] } : this.#changes(i === 0 ? undefined : kept[i - 1]!.spec, r.spec))
    }))
  }

  async rollback (name: string, revision: number | undefined): Promise<ApplyView> {
    const record = this.#c.log.state.apps.get(name)
    if (record === undefined) throw notFound(`app ${name}`)
    const kept = record.history ?? []
    const current = record.revision ?? 1
    const target = revision ?? kept.filter(r => r.revision < current).at(-1)?.revision
    const entry = kept.find(r => r.revision === target)
    if (entry === undefined) {
      const range = kept.length === 0 ? 'none' : `${kept[0]!.revision}..${kept.at(-1)!.revision}`
      throw new ApiError('ERR_NOT_FOUND', target === undefined ? `app ${name} has no earlier revision kept (kept: ${range})` : `revision ${target} of ${name} is not kept (kept: ${range})`)
    }
    // The spec exactly as it ran, its images pinned by digest: a rollback does not resolve `web` to a newer import.
    const applied = await this.#c.log.propose(putApp(entry.spec, entry.source, this.#c.nodeId, entry.revision))
    if (applied.kind !== 'app-put') throw new Error('rollback produced no put')
    if (applied.change === 'refused') throw new ApiError('ERR_CONFLICT', `cannot roll ${name} back to revision ${entry.revision}: ${applied.why ?? 'refused'}`)
    this.#c.logger.info({ app: name, to: entry.revision, revision: applied.revision }, 'app rolled back')
    return { name, version: applied.version, ...(applied.revision === undefined ? {} : { revision: applied.revision }), change: applied.change }
  }

  async diff (source: string): Promise<DiffView> {
    const result = validateApp(source, { catalog: this.#c.catalog, nodes: await this.#c.nodes.capacities() })
    if (!result.ok) throw new GraphValidationError(result.errors)
    await this.#c.log.readBarrier?.()
    const record = this.#c.log.state.apps.get(result.app.name)
    return {
      name: result.app.name,
      exists: record !== undefined,
      ...(record === undefined ? {} : { revision: record.revision ?? 1 }),
      ...this.#changes(record?.spec, result.app)
    }
  }

  /** The graph's differences, and which components start, restart (their instances' configuration changes) and stop. */
  #changes (before: AppSpec | undefined, after: AppSpec): AppChangesView {
    const names = (spec: AppSpec | undefined): Set<string> => new Set(spec?.components.map(c => c.name) ?? [])
    const was = names(before)
    const now = names(after)
    return {
      changes: diffApps(before, after),
      restarts: before === undefined
        ? []
        : after.components.filter(c => was.has(c.name) && componentPlan(before, c.name, this.#c.catalog) !== componentPlan(after, c.name, this.#c.catalog)).map(c => c.name),
      starts: [...now].filter(n => !was.has(n)),
      stops: [...was].filter(n => !now.has(n))
    }
  }
}
