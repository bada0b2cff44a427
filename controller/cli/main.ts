#!/usr/bin/env node
/**
 * trellis: the command-line client. Reaches the grid only through the admin
 * API client. Exit codes: 0 success, 1 failure (invalid app, API error), 2 usage.
 */
import { resolve } from 'node:path'
import { defaultDataDir } from '../client/index.ts'
import { Command, InvalidArgumentError, Option } from 'commander'
import { stringify as stringifyYaml } from 'yaml'
import { ClientError, TrellisClient } from '../client/index.ts'
import * as cmd from './commands.ts'
import { versionLine } from '../version/index.ts'
import { logs, parseSince } from './logs.ts'
import { events } from './events.ts'
import { appClone, volumeDelete, volumeDescribe, volumeList, volumeSnapshot, volumeWait } from './volumes.ts'
import { imageDelete, imageDescribe, imageExport, imageImport, imageList } from './images.ts'
import { park, power } from './power.ts'
import { tokenCreate, tokenList, tokenRevoke } from './tokens.ts'
import { bashCompletion } from './completion.ts'
import { watch } from './watch.ts'
import { appHistory, appRollback, diff } from './revisions.ts'
import { consoleSession, execSession } from './sessions.ts'

const out: cmd.Output = {
  write: text => { process.stdout.write((globals().output === 'yaml' ? asYaml(text) : text) + '\n') },
  error: text => { process.stderr.write(text + '\n') }
}

interface Globals { dataDir: string, api?: string, tokenFile?: string, output: cmd.Format | 'yaml' }

/**
 * The format commands print in: YAML is their JSON, converted on the way out,
 * so every command that speaks JSON speaks YAML with no code of its own.
 */
function format (): cmd.Format {
  const o = globals().output
  return o === 'yaml' ? 'json' : o
}

function asYaml (text: string): string {
  let value: unknown
  try { value = JSON.parse(text) } catch { return text }
  return stringifyYaml(value).trimEnd()
}

const program = new Command('trellis')
  .description('Manage a Trellis grid: apply applications, inspect them, read their logs.')
  .version(versionLine('trellis'), '-V, --version', 'print the version and exit')
  .option('--data-dir <dir>', 'data dir of the local daemon (for its API address and admin token)', defaultDataDir())
  .option('--api <url>', 'admin API URL (default: $TRELLIS_API, else from the data dir, else http://127.0.0.1:7420)', process.env.TRELLIS_API === '' ? undefined : process.env.TRELLIS_API)
  .option('--token-file <file>', 'file holding the bearer token (default: $TRELLIS_TOKEN, else <data-dir>/admin.token); never a token as an argument, which ps shows to everyone')
  .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'yaml']).default('table'))
  .showHelpAfterError()
  .exitOverride()

function globals (): Globals {
  return program.opts<Globals>()
}

async function client (): Promise<TrellisClient> {
  const g = globals()
  const token = process.env.TRELLIS_TOKEN
  return await TrellisClient.fromDataDir(resolve(g.dataDir), { url: g.api, onStale: warnStale, ...(g.tokenFile !== undefined ? { tokenFile: g.tokenFile } : token !== undefined && token !== '' ? { token } : {}) })
}

let staleWarned = false
/** Once per command, on standard error so that -o json stays parseable. */
function warnStale (why: string): void {
  if (staleWarned) return
  staleWarned = true
  process.stderr.write(`warning: this node cannot reach the grid's quorum; showing what it last knew (${why})\n`)
}

let exitCode = 0
function run (fn: () => Promise<number>): () => Promise<void> {
  return async () => { exitCode = await fn() }
}

program.command('apply')
  .description('create or update an app from a YAML file')
  .requiredOption('-f, --file <file>', 'app file, or - for standard input')
  .option('--wait <seconds>', 'wait until every instance is healthy', v => Number(v))
  .action(async (o: { file: string, wait?: number }) => { await run(async () => await cmd.apply(await client(), out, o.file, format(), o.wait))() })

const get = program.command('get').description('list resources')
get.command('apps').description('list apps')
  .option('-w, --watch', 'print the list again whenever it changes, until Ctrl-C')
  .action(async (o: { watch?: boolean }) => {
    await run(async () => {
      const c = await client()
      return o.watch === true ? await watch(out, async () => await cmd.appsText(c, format()), interrupted()) : await cmd.getApps(c, out, format())
    })()
  })

const describe = program.command('describe').description('show one resource in detail')
describe.command('app <name>').description('an app: instances, entries, events')
  .option('--events <n>', 'the app\'s latest n events (the node keeps its last 1000)', v => wholeNumber('--events', v), 20)
  .action(async (name: string, o: { events: number }) => { await run(async () => await cmd.describeApp(await client(), out, name, format(), o.events))() })

const del = program.command('delete').description('delete a resource')
del.command('app <name>').description('delete an app, its instances and its volumes')
  .action(async (name: string) => { await run(async () => await cmd.deleteApp(await client(), out, name, format()))() })

program.command('logs <app> [instance]')
  .description('print the lines an app\'s instances wrote, read on whichever node runs them (instance: web.0, three-tier.web.0, or a component: web)')
  .option('--tail <n>', 'the last n lines of each instance (default 100 unless --since)', v => wholeNumber('--tail', v))
  .option('--since <duration|time>', 'lines since a time: 10m, 1h30m, or 2026-05-01T12:00:00Z', v => since(v))
  .option('-f, --follow', 'keep printing new lines, across restarts and moves to other nodes, until Ctrl-C')
  .option('-t, --timestamps', 'put the time each line was written before it')
  .addOption(new Option('--stream <stream>', 'which output').choices(['stdout', 'stderr', 'both']).default('both'))
  .action(async (app: string, instance: string | undefined, o: { tail?: number, since?: number, follow?: boolean, timestamps?: boolean, stream: 'stdout' | 'stderr' | 'both' }) => {
    await run(async () => await logs(await client(), out, app, instance, {
      tail: o.tail, since: o.since, stream: o.stream, follow: o.follow === true, timestamps: o.timestamps === true
    }, format(), o.follow === true ? interrupted() : undefined))()
  })

program.command('events').description('what happened in the grid: instances started, exited, moved; nodes up and down; apps applied')
  .option('--app <app>', 'only this app\'s events')
  .option('--since <duration|time>', 'events since a time: 10m, 1h30m, or 2026-05-01T12:00:00Z', v => since(v))
  .option('--tail <n>', 'the latest n events', v => wholeNumber('--tail', v), 50)
  .option('-f, --follow', 'after them, print each event as it happens, until Ctrl-C')
  .action(async (o: { app?: string, since?: number, tail: number, follow?: boolean }) => {
    await run(async () => await events(await client(), out, { app: o.app, since: o.since, tail: o.tail, follow: o.follow === true }, format(), o.follow === true ? interrupted() : undefined))()
  })

program.command('console <app> <instance>')
  .description('an interactive terminal in an instance (web.0 or three-tier.web.0): its image\'s console command or a shell, as its user, in its environment; a VM\'s serial console. Ctrl-] leaves')
  .action(async (app: string, instance: string) => { await run(async () => await consoleSession(await client(), out, app, instance))() })

program.command('exec <app> <instance> <command...>')
  .description('run one command in an instance and exit with its code: trellis exec APP INSTANCE -- CMD [ARGS…] (125: it could not run)')
  .option('-t, --tty', 'on a terminal (interactive programs); without it stdout and stderr stay apart')
  .action(async (app: string, instance: string, command: string[], o: { tty?: boolean }) => {
    await run(async () => await execSession(await client(), out, app, instance, command, o.tty === true))()
  })

program.command('nodes').description('list the grid\'s nodes and their resources')
  .option('-w, --watch', 'print the list again whenever it changes, until Ctrl-C')
  .action(async (o: { watch?: boolean }) => {
    await run(async () => {
      const c = await client()
      return o.watch === true ? await watch(out, async () => await cmd.nodesText(c, format(), true), interrupted()) : await cmd.nodes(c, out, format())
    })()
  })

const nodeCmd = program.command('node').description('operate one node of the grid')
nodeCmd.command('cordon <node>').description('place nothing new on the node')
  .action(async (node: string) => { await run(async () => await cmd.nodeAdmin(await client(), out, node, 'cordon', format(), undefined))() })
nodeCmd.command('uncordon <node>').description('let the node take instances again (ends a drain too)')
  .action(async (node: string) => { await run(async () => await cmd.nodeAdmin(await client(), out, node, 'uncordon', format(), undefined))() })
nodeCmd.command('drain <node>').description('move the node\'s instances elsewhere, one at a time per app, waiting for health')
  .option('--wait <seconds>', 'return once the node runs nothing', v => Number(v))
  .action(async (node: string, o: { wait?: number }) => { await run(async () => await cmd.nodeAdmin(await client(), out, node, 'drain', format(), o.wait))() })

nodeCmd.command('park <node>').description('empty the node like a drain, then keep it empty so it can be powered off (woken again when capacity is short)')
  .action(async (node: string) => { await run(async () => await park(await client(), out, node, 'park', format()))() })
nodeCmd.command('unpark <node>').description('let a parked node take instances again, waking it with Wake-on-LAN if it is off')
  .action(async (node: string) => { await run(async () => await park(await client(), out, node, 'unpark', format()))() })
program.command('power [consolidate] [state]').description('the grid\'s power policy and parked nodes; `power consolidate on|off` parks idle nodes or stops doing so')
  .option('--low <percent>', 'park a node only when the others would carry at most this load', v => wholeNumber('--low', v))
  .option('--high <percent>', 'wake a parked node when the active nodes carry this load', v => wholeNumber('--high', v))
  .option('--min-nodes <n>', 'never park below this many active nodes', v => wholeNumber('--min-nodes', v))
  .action(async (what: string | undefined, state: string | undefined, o: { low?: number, high?: number, minNodes?: number }) => {
    await run(async () => {
      if (what !== undefined && (what !== 'consolidate' || (state !== 'on' && state !== 'off'))) { out.error('trellis: power takes nothing, or consolidate on|off'); return 2 }
      const consolidate = what === undefined ? undefined : state as 'on' | 'off'
      return await power(await client(), out, { consolidate, lowPercent: o.low, highPercent: o.high, minActiveNodes: o.minNodes }, format())
    })()
  })

program.command('rebalance').description('even out load over the nodes, e.g. after nodes joined (moves one instance per app per round)')
  .option('--rounds <n>', 'rounds to run, 3 s apart', v => Number(v), 1)
  .action(async (o: { rounds: number }) => { await run(async () => await cmd.rebalance(await client(), out, format(), o.rounds))() })

const volume = program.command('volume').description('replicated volumes: where their replicas are, which are in sync')
volume.command('list').description('every volume with its state, in-sync replicas, primary and generation')
  .action(run(async () => await volumeList(await client(), out, format())))
volume.command('describe <volume>').description('one volume: each replica, whether it is in sync, catch-up progress')
  .action(async (id: string) => { await run(async () => await volumeDescribe(await client(), out, id, format()))() })

volume.command('snapshot <volume> <name>').description('copy the volume\'s present data into the snapshot <volume>@<name>')
  .option('--wait <seconds>', 'wait until the snapshot is copied and replicated', v => Number(v))
  .action(async (id: string, name: string, o: { wait?: number }) => { await run(async () => await volumeSnapshot(await client(), out, id, name, format(), o.wait))() })
volume.command('wait <volume>').description('wait until every replica of a volume is in sync (after a rebuild, a catch-up, a snapshot), showing progress')
  .option('--timeout <seconds>', 'give up after this long (exit 1)', v => Number(v), 600)
  .action(async (id: string, o: { timeout: number }) => { await run(async () => await volumeWait(await client(), out, id, o.timeout, format()))() })
volume.command('delete <snapshot>').description('delete a snapshot (an app\'s volumes go with the app)')
  .action(async (id: string) => { await run(async () => await volumeDelete(await client(), out, id, format()))() })

const image = program.command('image').description('the grid\'s image catalog: appliances any node can run')
image.command('import <path>').description('import an image folder (its manifest.yaml and files) or a bundle .tar into the grid')
  .action(async (path: string) => { await run(async () => await imageImport(await client(), out, path, format()))() })
image.command('list').description('every image: version, size, which nodes hold it, which apps use it')
  .action(run(async () => await imageList(await client(), out, format())))
image.command('describe <image>').description('one image (name, name@version or digest): holders, fetches under way, manifest')
  .action(async (ref: string) => { await run(async () => await imageDescribe(await client(), out, ref, format()))() })
image.command('delete <image>').description('delete an image version (refused while an app uses it)')
  .action(async (ref: string) => { await run(async () => await imageDelete(await client(), out, ref, format()))() })
image.command('export <image>').description('write an image\'s bundle as a tar file')
  .requiredOption('-f, --file <file>', 'where to write it, or - for standard output')
  .action(async (ref: string, o: { file: string }) => { await run(async () => await imageExport(await client(), out, ref, o.file))() })

const token = program.command('token').description('API tokens every node of the grid accepts (each node\'s own admin.token works on that node only)')
token.command('create <name>').description('make a token and print its secret, once')
  .option('--read-only', 'it may only read (get, describe, logs, list, validate)')
  .action(async (name: string, o: { readOnly?: boolean }) => { await run(async () => await tokenCreate(await client(), out, name, o.readOnly === true, format()))() })
token.command('list').description('the grid\'s tokens: name, role (never their secrets)')
  .action(run(async () => await tokenList(await client(), out, format())))
token.command('revoke <name>').description('revoke a token on every node')
  .action(async (name: string) => { await run(async () => await tokenRevoke(await client(), out, name, format()))() })

program.command('completion <shell>').description('print a shell completion script (bash): source <(trellis completion bash)')
  .action(async (shell: string) => {
    await run(async () => {
      if (shell !== 'bash') { out.error(`trellis: completion for ${shell} is not made; bash is`); return 2 }
      process.stdout.write(bashCompletion(program, 'trellis'))
      return 0
    })()
  })

const appCmd = program.command('app').description('operate whole apps')
appCmd.command('clone <app> <new-name>').description('a staging copy of an app: the same graph, with a copy of each volume\'s data')
  .option('--port <entry=port>', 'publish the clone\'s entry on this port, repeatable (entries without one are left out)', entryPort, {})
  .option('--wait <seconds>', 'wait until its volumes are copied and it runs, healthy', v => Number(v))
  .action(async (app: string, name: string, o: { port: Record<string, number>, wait?: number }) => {
    await run(async () => await appClone(await client(), out, app, name, o.port, format(), o.wait))()
  })

appCmd.command('history <app>').description('the app\'s kept revisions (the last 10), what each changed and restarted')
  .action(async (app: string) => { await run(async () => await appHistory(await client(), out, app, format()))() })
appCmd.command('rollback <app>').description('apply a kept revision again, exactly as it ran (images by digest); by default the one before the present')
  .option('--to-revision <n>', 'the revision to go back to', v => wholeNumber('--to-revision', v))
  .option('--wait <seconds>', 'wait until it has rolled out', v => Number(v))
  .action(async (app: string, o: { toRevision?: number, wait?: number }) => { await run(async () => await appRollback(await client(), out, app, o.toRevision, o.wait, format()))() })

program.command('diff').description('what applying a file would change: differences, restarts; exit 1 when there are some')
  .requiredOption('-f, --file <file>', 'app file, or - for standard input')
  .action(async (o: { file: string }) => { await run(async () => await diff(await client(), out, o.file, format()))() })

function wholeNumber (flag: string, v: string): number {
  const n = Number(v)
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`${flag} wants a whole number above 0, not ${JSON.stringify(v)}`)
  return n
}

function since (v: string): number {
  try {
    return parseSince(v, Date.now())
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message)
  }
}

/** Aborts on Ctrl-C, so a follow ends cleanly with exit 0. */
function interrupted (): AbortSignal {
  const ac = new AbortController()
  process.once('SIGINT', () => { ac.abort() })
  return ac.signal
}

function entryPort (v: string, acc: Record<string, number>): Record<string, number> {
  const [entry, port] = v.split('=', 2)
  const n = Number(port)
  if (entry === undefined || entry === '' || !Number.isInteger(n) || n < 1 || n > 65535) throw new InvalidArgumentError(`--port wants <entry>=<port>, not ${JSON.stringify(v)}`)
  return { ...acc, [entry]: n }
}

const operator = program.command('operator').description('operate the grid itself')
const raft = operator.command('raft').description('the grid\'s replicated log')
raft.command('list-peers').description('members of the replicated log: voters, learners, the leader')
  .action(run(async () => await cmd.raftPeers(await client(), out, format())))
raft.command('remove-peer <node>').description('remove a member (id or name) from the replicated log; run against the leader')
  .action(async (node: string) => { await run(async () => await cmd.raftRemovePeer(await client(), out, node, format()))() })

program.command('validate <file>')
  .description('check an app file without applying it (offline against the bundled catalog, or --remote)')
  .option('--remote', 'ask the daemon, which also checks against the grid\'s nodes')
  .option('--images <dir>', 'catalog folder for offline checks')
  .action(async (file: string, o: { remote?: boolean, images?: string }) => {
    await run(async () => o.remote === true
      ? await cmd.validateRemote(await client(), out, file, format())
      : await cmd.validateLocal(out, file, o.images, format()))()
  })

/** A file the command could not read, in words: which file, and why. */
function fileError (e: NodeJS.ErrnoException): string {
  const why: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EISDIR: 'it is a directory', ENOTDIR: 'a part of the path is not a directory' }
  return `cannot ${e.syscall === 'open' || e.syscall === 'read' ? 'read' : e.syscall ?? 'use'} ${e.path ?? 'a file'}: ${why[e.code ?? ''] ?? e.code ?? e.message}`
}

try {
  await program.parseAsync()
  process.exitCode = exitCode
} catch (err) {
  const e = err as Error & { code?: string, exitCode?: number, details?: unknown }
  if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') {
    process.exitCode = 0
  } else if (e.code?.startsWith('commander.') === true) {
    process.exitCode = 2
  } else if (err instanceof ClientError && err.code === 'ERR_INVALID_APP' && Array.isArray(err.details)) {
    cmd.printIssues(out, 'app', err.details as Parameters<typeof cmd.printIssues>[2])
    process.exitCode = 1
  } else if (typeof (err as NodeJS.ErrnoException).syscall === 'string') {
    out.error(`trellis: ${fileError(err as NodeJS.ErrnoException)}`)
    process.exitCode = 1
  } else {
    out.error(`trellis: ${e.message}${e.code !== undefined ? ` [${e.code}]` : ''}`)
    process.exitCode = 1
  }
}
