#!/usr/bin/env node
/**
 * trellis: the command-line client. Reaches the grid only through the admin
 * API client. Exit codes: 0 success, 1 failure (invalid app, API error), 2 usage.
 */
import { resolve } from 'node:path'
import { defaultDataDir } from '../client/index.ts'
import { Command, InvalidArgumentError, Option } from 'commander'
import { ClientError, TrellisClient } from '../client/index.ts'
import * as cmd from './commands.ts'
import { versionLine } from '../version/index.ts'
import { logs, parseSince } from './logs.ts'
import { events } from './events.ts'
import { appClone, volumeDelete, volumeDescribe, volumeList, volumeSnapshot } from './volumes.ts'
import { imageDelete, imageDescribe, imageExport, imageImport, imageList } from './images.ts'

const out: cmd.Output = {
  write: text => { process.stdout.write(text + '\n') },
  error: text => { process.stderr.write(text + '\n') }
}

interface Globals { dataDir: string, api?: string, token?: string, output: cmd.Format }

const program = new Command('trellis')
  .description('Manage a Trellis grid: apply applications, inspect them, read their logs.')
  .version(versionLine('trellis'), '-V, --version', 'print the version and exit')
  .option('--data-dir <dir>', 'data dir of the local daemon (for its API address and admin token)', defaultDataDir())
  .option('--api <url>', 'admin API URL (default: from the data dir, else http://127.0.0.1:7420)', process.env.TRELLIS_API)
  .option('--token <token>', 'admin bearer token (default: <data-dir>/admin.token)', process.env.TRELLIS_TOKEN)
  .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json']).default('table'))
  .showHelpAfterError()
  .exitOverride()

function globals (): Globals {
  return program.opts<Globals>()
}

async function client (): Promise<TrellisClient> {
  const g = globals()
  return await TrellisClient.fromDataDir(resolve(g.dataDir), { url: g.api, token: g.token })
}

let exitCode = 0
function run (fn: () => Promise<number>): () => Promise<void> {
  return async () => { exitCode = await fn() }
}

program.command('apply')
  .description('create or update an app from a YAML file')
  .requiredOption('-f, --file <file>', 'app file, or - for standard input')
  .option('--wait <seconds>', 'wait until every instance is healthy', v => Number(v))
  .action(async (o: { file: string, wait?: number }) => { await run(async () => await cmd.apply(await client(), out, o.file, globals().output, o.wait))() })

const get = program.command('get').description('list resources')
get.command('apps').description('list apps').action(run(async () => await cmd.getApps(await client(), out, globals().output)))

const describe = program.command('describe').description('show one resource in detail')
describe.command('app <name>').description('an app: instances, entries, events')
  .option('--events <n>', 'the app\'s latest n events (the node keeps its last 1000)', v => wholeNumber('--events', v), 20)
  .action(async (name: string, o: { events: number }) => { await run(async () => await cmd.describeApp(await client(), out, name, globals().output, o.events))() })

const del = program.command('delete').description('delete a resource')
del.command('app <name>').description('delete an app, its instances and its volumes')
  .action(async (name: string) => { await run(async () => await cmd.deleteApp(await client(), out, name, globals().output))() })

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
    }, globals().output, o.follow === true ? interrupted() : undefined))()
  })

program.command('events').description('what happened in the grid: instances started, exited, moved; nodes up and down; apps applied')
  .option('--app <app>', 'only this app\'s events')
  .option('--since <duration|time>', 'events since a time: 10m, 1h30m, or 2026-05-01T12:00:00Z', v => since(v))
  .option('--tail <n>', 'the latest n events', v => wholeNumber('--tail', v), 50)
  .option('-f, --follow', 'after them, print each event as it happens, until Ctrl-C')
  .action(async (o: { app?: string, since?: number, tail: number, follow?: boolean }) => {
    await run(async () => await events(await client(), out, { app: o.app, since: o.since, tail: o.tail, follow: o.follow === true }, globals().output, o.follow === true ? interrupted() : undefined))()
  })

program.command('nodes').description('list the grid\'s nodes and their resources')
  .action(run(async () => await cmd.nodes(await client(), out, globals().output)))

const nodeCmd = program.command('node').description('operate one node of the grid')
nodeCmd.command('cordon <node>').description('place nothing new on the node')
  .action(async (node: string) => { await run(async () => await cmd.nodeAdmin(await client(), out, node, 'cordon', globals().output, undefined))() })
nodeCmd.command('uncordon <node>').description('let the node take instances again (ends a drain too)')
  .action(async (node: string) => { await run(async () => await cmd.nodeAdmin(await client(), out, node, 'uncordon', globals().output, undefined))() })
nodeCmd.command('drain <node>').description('move the node\'s instances elsewhere, one at a time per app, waiting for health')
  .option('--wait <seconds>', 'return once the node runs nothing', v => Number(v))
  .action(async (node: string, o: { wait?: number }) => { await run(async () => await cmd.nodeAdmin(await client(), out, node, 'drain', globals().output, o.wait))() })

program.command('rebalance').description('even out load over the nodes, e.g. after nodes joined (moves one instance per app per round)')
  .option('--rounds <n>', 'rounds to run, 3 s apart', v => Number(v), 1)
  .action(async (o: { rounds: number }) => { await run(async () => await cmd.rebalance(await client(), out, globals().output, o.rounds))() })

const volume = program.command('volume').description('replicated volumes: where their replicas are, which are in sync')
volume.command('list').description('every volume with its state, in-sync replicas, primary and generation')
  .action(run(async () => await volumeList(await client(), out, globals().output)))
volume.command('describe <volume>').description('one volume: each replica, whether it is in sync, catch-up progress')
  .action(async (id: string) => { await run(async () => await volumeDescribe(await client(), out, id, globals().output))() })

volume.command('snapshot <volume> <name>').description('copy the volume\'s present data into the snapshot <volume>@<name>')
  .action(async (id: string, name: string) => { await run(async () => await volumeSnapshot(await client(), out, id, name, globals().output))() })
volume.command('delete <snapshot>').description('delete a snapshot (an app\'s volumes go with the app)')
  .action(async (id: string) => { await run(async () => await volumeDelete(await client(), out, id, globals().output))() })

const image = program.command('image').description('the grid\'s image catalog: appliances any node can run')
image.command('import <path>').description('import an image folder (its manifest.yaml and files) or a bundle .tar into the grid')
  .action(async (path: string) => { await run(async () => await imageImport(await client(), out, path, globals().output))() })
image.command('list').description('every image: version, size, which nodes hold it, which apps use it')
  .action(run(async () => await imageList(await client(), out, globals().output)))
image.command('describe <image>').description('one image (name, name@version or digest): holders, fetches under way, manifest')
  .action(async (ref: string) => { await run(async () => await imageDescribe(await client(), out, ref, globals().output))() })
image.command('delete <image>').description('delete an image version (refused while an app uses it)')
  .action(async (ref: string) => { await run(async () => await imageDelete(await client(), out, ref, globals().output))() })
image.command('export <image>').description('write an image\'s bundle as a tar file')
  .requiredOption('-f, --file <file>', 'where to write it, or - for standard output')
  .action(async (ref: string, o: { file: string }) => { await run(async () => await imageExport(await client(), out, ref, o.file))() })

const appCmd = program.command('app').description('operate whole apps')
appCmd.command('clone <app> <new-name>').description('a staging copy of an app: the same graph, with a copy of each volume\'s data')
  .option('--port <entry=port>', 'publish the clone\'s entry on this port, repeatable (entries without one are left out)', entryPort, {})
  .action(async (app: string, name: string, o: { port: Record<string, number> }) => {
    await run(async () => await appClone(await client(), out, app, name, o.port, globals().output))()
  })

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
  .action(run(async () => await cmd.raftPeers(await client(), out, globals().output)))
raft.command('remove-peer <node>').description('remove a member (id or name) from the replicated log; run against the leader')
  .action(async (node: string) => { await run(async () => await cmd.raftRemovePeer(await client(), out, node, globals().output))() })

program.command('validate <file>')
  .description('check an app file without applying it (offline against the bundled catalog, or --remote)')
  .option('--remote', 'ask the daemon, which also checks against the grid\'s nodes')
  .option('--images <dir>', 'catalog folder for offline checks')
  .action(async (file: string, o: { remote?: boolean, images?: string }) => {
    await run(async () => o.remote === true
      ? await cmd.validateRemote(await client(), out, file, globals().output)
      : await cmd.validateLocal(out, file, o.images, globals().output))()
  })

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
  } else if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
    out.error(`trellis: ${e.message}`)
    process.exitCode = 1
  } else {
    out.error(`trellis: ${e.message}${e.code !== undefined ? ` [${e.code}]` : ''}`)
    process.exitCode = 1
  }
}
