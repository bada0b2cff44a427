import { readFile } from 'node:fs/promises'
import { rolloutLine, waitForRollout } from './rollout.ts'
import { availableParallelism, totalmem } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadCatalog } from '../catalog/index.ts'
import type { TrellisClient } from '../client/index.ts'
import type { AppDetailView, GraphIssueView } from '../client/types.ts'
import { validateApp } from '../graph/index.ts'
import { ago, bytes, table, time } from './format.ts'

/** What a command prints and the exit code it wants. */
export interface Output {
  write (text: string): void
  error (text: string): void
}

export type Format = 'table' | 'json'

const BUNDLED_IMAGES = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'images')

/** Reads an app file, or standard input for "-". */
export async function readSource (file: string): Promise<string> {
  if (file !== '-') {
    try {
      return await readFile(file, 'utf8')
    } catch (err) {
      // A read of a directory fails without naming it; the message should.
      (err as NodeJS.ErrnoException).path ??= file
      throw err
    }
  }
  const chunks: Buffer[] = []
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export function printIssues (out: Output, file: string, issues: GraphIssueView[]): void {
  out.error(`${file}: ${issues.length} error${issues.length === 1 ? '' : 's'}`)
  for (const i of issues) {
    const where = i.line !== undefined ? `${file}:${i.line}${i.column !== undefined ? `:${i.column}` : ''}: ` : ''
    out.error(`  ${where}${i.path === '' ? '(document)' : i.path}: ${i.message} [${i.code}]`)
  }
}

export async function apply (client: TrellisClient, out: Output, file: string, format: Format, wait: number | undefined): Promise<number> {
  const source = await readSource(file)
  const result = await client.apply(source)
  if (format === 'json' && wait === undefined) { out.write(JSON.stringify(result, null, 2)); return 0 }
  if (format !== 'json') out.write(`app ${result.name} ${result.change} (${result.revision !== undefined ? `revision ${result.revision}, ` : ''}version ${result.version})`)
  if (wait === undefined) return 0
  const { done, app } = await waitForRollout(client, out, result.name, wait, process.stderr.isTTY === true)
  if (done) {
    if (format === 'json') out.write(JSON.stringify(app, null, 2))
    else out.write(`app ${app.name} version ${result.version} rolled out: ${app.healthy}/${app.instances} instances healthy${app.entries.length > 0 ? `, entries ${app.entries.join(' ')}` : ''}`)
    return 0
  }
  out.error(`app ${app.name} not rolled out after ${wait}s: ${rolloutLine(app)} (trellis describe app ${app.name})`)
  return 1
}

export async function getApps (client: TrellisClient, out: Output, format: Format): Promise<number> {
  out.write(await appsText(client, format))
  return 0
}

/** The apps as `get apps` prints them. */
export async function appsText (client: TrellisClient, format: Format): Promise<string> {
  const apps = await client.apps()
  if (format === 'json') return JSON.stringify(apps, null, 2)
  if (apps.length === 0) return 'no apps'
  return table(['NAME', 'STATUS', 'HEALTHY', 'UPDATED', 'REVISION', 'ENTRIES'],
    apps.map(a => [a.name, a.status, `${a.healthy}/${a.instances}`, `${a.updated}/${a.instances}`, a.revision, a.entries.join(' ') || '-']))
}

export async function describeApp (client: TrellisClient, out: Output, name: string, format: Format, events = 20): Promise<number> {
  const app = await client.app(name)
  if (format === 'json') { out.write(JSON.stringify(app, null, 2)); return 0 }
  out.write(describeText(app, events))
  return 0
}

function describeText (app: AppDetailView, events: number): string {
  const lines = [
    `Name:       ${app.name}`,
    `Status:     ${app.status} (${app.healthy}/${app.instances} healthy${app.updated < app.instances ? `, ${app.updated}/${app.instances} updated` : ''})`,
    `Version:    ${app.version}`,
    '',
    'Entries:',
    app.entryList.length === 0 ? '  none' : indent(table(['NAME', 'ADDRESS', 'TO', 'PUBLISHED'], app.entryList.map(e => [e.name, e.address, e.to, e.published ? 'yes' : `no: ${e.error ?? 'not yet'}`]))),
    '',
    'Instances:',
    indent(table(['INSTANCE', 'STATE', 'HEALTH', 'VERSION', 'PID', 'RESTARTS', 'NODE', 'SINCE', 'LAST EXIT'], app.instanceList.map(i => [
      i.id, i.state, i.health === 'none' ? '-' : i.health, i.current ? 'current' : i.state === 'pending' ? '-' : 'previous', i.pid ?? '-', i.restarts,
      i.nodeName ?? i.node.slice(-8), ago(i.since), i.lastExit === undefined ? '-' : exitText(i.lastExit)
    ]))),
    '',
    `Events${app.events.length > events ? ` (latest ${events} of ${app.events.length}; --events N for more)` : ''}:`,
    app.events.length === 0 ? '  none' : indent(table(['TIME', 'NODE', 'SUBJECT', 'EVENT', 'DETAIL'], app.events.slice(-events).map(e => [time(e.at), e.node ?? '-', e.instance, e.kind, e.detail])))
  ]
  return lines.join('\n')
}

function exitText (e: { code: number | null, signal: string | null, oomKilled: boolean }): string {
  if (e.oomKilled) return 'OOM killed'
  if (e.signal !== null) return `signal ${e.signal}`
  return e.code === null ? 'unknown' : `code ${e.code}`
}

function indent (text: string): string {
  return text.split('\n').map(l => '  ' + l).join('\n')
}

export async function deleteApp (client: TrellisClient, out: Output, name: string, format: Format): Promise<number> {
  const result = await client.deleteApp(name)
  out.write(format === 'json' ? JSON.stringify(result, null, 2) : `app ${name} deleted`)
  return 0
}

export async function nodes (client: TrellisClient, out: Output, format: Format): Promise<number> {
  out.write(await nodesText(client, format))
  return 0
}

/**
 * The nodes as `trellis nodes` prints them, notes under the table. `steady`
 * (for -w) leaves out what moves every second (load, disk use, last seen), so
 * a watch prints when something happens, not on every tick.
 */
export async function nodesText (client: TrellisClient, format: Format, steady = false): Promise<string> {
  const list = await client.nodes()
  if (format === 'json') return JSON.stringify(steady ? list.map(({ lastSeen: _l, cpu, disk: _d, memory: _m, ...n }) => ({ ...n, cpu: { cores: cpu.cores, allocated: cpu.allocated } })) : list, null, 2)
  const heads = ['NAME', 'STATE', 'ZONE', 'CPU', 'MEMORY', 'DISK', 'POWER', 'CAPABILITIES', 'LAST SEEN']
  const text = table(steady ? heads.filter(h => h !== 'DISK' && h !== 'LAST SEEN') : heads, list.map(n => [
    n.self ? `${n.name} *` : n.name,
    // A parked node that is down was powered off on purpose: off, not down.
    n.admin === undefined ? n.state : `${n.admin === 'parked' && (n.state === 'down' || n.state === 'left') ? 'off' : n.state},${n.admin}`,
    n.zone === '' ? '-' : n.zone,
    steady ? `${n.cpu.allocated}/${n.cpu.cores}` : `${n.cpu.allocated}/${n.cpu.cores} (load ${n.cpu.load1.toFixed(2)})`,
    `${bytes(n.memory.allocated)}/${bytes(n.memory.allocatable)}`,
    ...(steady ? [] : [`${bytes(n.disk.total - n.disk.free)}/${bytes(n.disk.total)}`]),
    power(n.power),
    n.capabilities.join(','),
    ...(steady ? [] : [ago(n.lastSeen)])
  ]))
  // What a node cannot do and why (limits advisory, no volume mounts, mDNS unusable): easy to miss in a column.
  const notes = list.flatMap(n => [
    ...n.notes.map(note => `  ${n.name}: ${note}`),
    // Heartbeats by gossip only ride TCP, where loss looks like death: UDP should carry them.
    ...(n.state === 'up' && n.heartbeats === 'gossip' ? [`  ${n.name}: its heartbeats reach this node by gossip only, no datagram lately (UDP to this node's mesh port blocked or lossy)`] : [])
  ])
  return notes.length > 0 ? [text, '', 'Notes:', ...notes].join('\n') : text
}

function power (p: { source: string, chargePercent?: number, charging: boolean }): string {
  if (p.source !== 'battery') return p.source
  return `battery ${p.chargePercent ?? '?'}%${p.charging ? ' charging' : ''}`
}

/** Validates a file against the bundled catalog and this machine's size, with no daemon. */
export async function validateLocal (out: Output, file: string, imagesDir: string | undefined, format: Format): Promise<number> {
  const source = await readSource(file)
  const { catalog, errors } = await loadCatalog(imagesDir ?? BUNDLED_IMAGES)
  if (errors.length > 0) { printIssues(out, join(imagesDir ?? BUNDLED_IMAGES, '*'), errors); return 1 }
  const result = validateApp(source, { catalog, nodes: [{ name: 'this machine', allocatable: { cpu: availableParallelism(), memory: totalmem(), disk: Number.MAX_SAFE_INTEGER } }] })
  const issues = result.ok ? [] : result.errors
  return report(out, file, issues, format)
}

export async function validateRemote (client: TrellisClient, out: Output, file: string, format: Format): Promise<number> {
  const result = await client.validate(await readSource(file))
  return report(out, file, result.issues, format)
}

function report (out: Output, file: string, issues: GraphIssueView[], format: Format): number {
  if (format === 'json') { out.write(JSON.stringify({ ok: issues.length === 0, issues }, null, 2)); return issues.length === 0 ? 0 : 1 }
  if (issues.length === 0) { out.write(`${file}: valid`); return 0 }
  printIssues(out, file, issues)
  return 1
}

export async function raftPeers (client: TrellisClient, out: Output, format: Format): Promise<number> {
  const raft = await client.raft()
  if (format === 'json') { out.write(JSON.stringify(raft, null, 2)); return 0 }
  out.write(table(['NODE', 'ID', 'SUFFRAGE', 'LEADER', 'STATE'], raft.peers.map(p => [p.name, p.id, p.suffrage, p.leader ? 'yes' : '', p.state])))
  out.write(`term ${raft.term}, commit ${raft.commit}, applied ${raft.applied} (as seen from ${raft.peers.find(p => p.id === raft.id)?.name ?? raft.id}, a ${raft.role})`)
  return 0
}

export async function raftRemovePeer (client: TrellisClient, out: Output, peer: string, format: Format): Promise<number> {
  // Only the leader can change membership: ask the node we know, then the leader it names.
  const raft = await client.raft()
  const result = await client.removePeer(peer).catch(async (err: { code?: string }) => {
    if (err.code !== 'ERR_NOT_LEADER' || raft.leader === null) throw err
    throw Object.assign(new Error(`this node is not the leader; run the command against the leader (${raft.peers.find(p => p.leader)?.name ?? raft.leader})`), { code: 'ERR_NOT_LEADER' })
  })
  out.write(format === 'json' ? JSON.stringify(result, null, 2) : `removed ${result.removed} from the replicated log`)
  return 0
}

export async function nodeAdmin (client: TrellisClient, out: Output, node: string, action: 'cordon' | 'uncordon' | 'drain', format: Format, wait: number | undefined): Promise<number> {
  const result = await client.nodeAdmin(node, action)
  if (format === 'json' && wait === undefined) { out.write(JSON.stringify(result, null, 2)); return 0 }
  out.write(`node ${result.node}: ${result.draining ? 'draining' : result.cordoned ? 'cordoned' : 'schedulable'}`)
  if (action !== 'drain' || wait === undefined) return 0
  const deadline = Date.now() + wait * 1000
  for (;;) {
    const apps = await client.apps()
    const details = await Promise.all(apps.map(async a => await client.app(a.name)))
    const left = details.flatMap(a => a.instanceList).filter(i => i.nodeName === result.node || i.node === node)
    if (left.length === 0) { out.write(`node ${result.node} is empty`); return 0 }
    if (Date.now() > deadline) { out.error(`node ${result.node} still runs ${left.length} instances after ${wait}s: ${left.map(i => i.id).join(' ')}`); return 1 }
    await new Promise(resolve => setTimeout(resolve, 1000))
  }
}

export async function rebalance (client: TrellisClient, out: Output, format: Format, rounds: number): Promise<number> {
  const all: Array<{ app: string, instances: string[] }> = []
  for (let i = 0; i < rounds; i++) {
    const { moved } = await client.rebalance()
    if (moved.length === 0) break
    all.push(...moved)
    // Let the moved instances come up before the next round moves more.
    if (i + 1 < rounds) await new Promise(resolve => setTimeout(resolve, 3000))
  }
  if (format === 'json') { out.write(JSON.stringify({ moved: all }, null, 2)); return 0 }
  out.write(all.length === 0 ? 'balanced: nothing to move' : all.map(m => `${m.app}: moved ${m.instances.join(' ')}`).join('\n'))
  return 0
}
