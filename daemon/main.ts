#!/usr/bin/env node
/**
 * trellisd: flags → createNode() → run until SIGINT/SIGTERM. `init` and
 * `join` first make the data dir a member of a grid (daemon/commands).
 */
import { resolve } from 'node:path'
import { Command, InvalidArgumentError, Option } from 'commander'
import { defaultConfig, DEFAULT_API_PORT, type NodeConfig } from './config.ts'
import { DEFAULT_MESH_PORT, initGrid, joinGrid, readJoinToken, recoverGrid } from './commands/index.ts'
import { withConfigFile } from './config-file.ts'
import { createNode } from './node.ts'
import { defaultDataDir } from '../controller/client/index.ts'
import { versionLine } from '../controller/version/index.ts'
import { DEFAULT_INSTANCE_UIDS, parseUidRange, type UidRange } from './runtime/index.ts'
import { DEFAULT_LOG_FILES, DEFAULT_LOG_MAX_BYTES } from './logs/index.ts'
import { normalizeMac } from './power/index.ts'

function hostPort (value: string): { host: string, port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value)
  const port = Number(m?.[3])
  if (m === null || port > 65535) throw new InvalidArgumentError(`expected host:port, e.g. 127.0.0.1:${DEFAULT_API_PORT}`)
  return { host: m[1] ?? m[2]!, port }
}

function uidRange (value: string): UidRange {
  try {
    return parseUidRange(value)
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message)
  }
}

function collect (value: string, previous: string[] = []): string[] {
  return [...previous, value]
}

function label (value: string, previous: Record<string, string> = {}): Record<string, string> {
  const m = /^([a-z0-9][a-z0-9._/-]{0,62})=(.{0,256})$/i.exec(value)
  if (m === null) throw new InvalidArgumentError('expected key=value, e.g. rack=r1')
  return { ...previous, [m[1]!]: m[2]! }
}

interface RunOptions {
  dataDir: string
  api: { host: string, port: number }
  logLevel: string
  name?: string
  images?: string
  entryHost: string
  keepInstances?: boolean
  stopGrace: number
  cgroupParent: string
  instanceUids: UidRange
  listen?: string[]
  bootstrap?: string[]
  mdns?: boolean
  profile?: string
  detector?: string
  zone?: string
  label?: Record<string, string>
  replicaReplace: number
  imageReplicas: number
  rebuildRate: number
  linkShare: number
  vmAccel: 'auto' | 'kvm' | 'tcg'
  vmProbeKernel?: string
  instanceLogMax: number
  instanceLogFiles: number
  metricsAuth?: boolean
  wakeMac?: string
  powerOffCommand?: string
  bulkPort?: number | 'off'
}

/** The flags every command that starts the node takes. */
function nodeOptions (command: Command): Command {
  return command
    .option('--config <file>', 'a YAML file of these settings by flag name (data-dir: /var/lib/trellis); flags given here win; also $TRELLISD_CONFIG')
    .option('--data-dir <dir>', 'where the node keeps its identity, state, logs and volumes', defaultDataDir())
    .option('--api <host:port>', 'admin API listen address (loopback by default)', hostPort, { host: '127.0.0.1', port: DEFAULT_API_PORT })
    .option('--log-level <level>', 'trace, debug, info, warn, error', 'info')
    .option('--name <name>', 'node name (default: the host name)')
    .option('--images <dir>', 'image folders imported into the grid\'s catalog at start when it lacks them (default: the bundled images/)')
    .option('--entry-host <host>', 'address app entries are published on', '0.0.0.0')
    .option('--keep-instances', 'leave instances running on a clean shutdown (they are re-adopted on the next start)')
    .option('--stop-grace <ms>', 'ms between SIGTERM and SIGKILL when stopping an instance', v => Number(v), 5000)
    .option('--cgroup-parent <name>', 'cgroup that instances are placed under (as root)', 'trellis')
    .option('--instance-uids <first-last>', 'uids instances run as, one each (as root); see docs/isolation.md', uidRange, DEFAULT_INSTANCE_UIDS)
    .option('--listen <multiaddr>', `mesh listen address, repeatable (default /ip4/0.0.0.0/tcp/${DEFAULT_MESH_PORT})`, collect)
    .option('--bootstrap <multiaddr>', 'a grid member to dial at start (…/p2p/<id>), repeatable', collect)
    .option('--no-mdns', 'do not look for grid members on the LAN by mDNS')
    .addOption(new Option('--profile <name>', 'timings of the whole node: lan, or field for slow, lossy radio links (docs/field.md); default lan').choices(['lan', 'field']))
    // The old name of --profile, when it chose only the failure detector.
    .addOption(new Option('--detector <preset>', 'same as --profile (its old name)').choices(['lan', 'field']).hideHelp())
    .option('--zone <zone>', 'failure zone of this node (rack, site)')
    .option('--label <key=value>', 'a node label, repeatable', label)
    .option('--replica-replace <ms>', 'ms a volume replica\'s node may be down before the replica is rebuilt elsewhere', positiveInt('--replica-replace'), 60_000)
    .option('--image-replicas <n>', 'copies of every image the grid keeps on its nodes', positiveInt('--image-replicas'), 2)
    .option('--rebuild-rate <MiB/s>', 'ceiling on volume rebuild, catch-up and image fetch copying, MiB/s (0: none)', v => mib('--rebuild-rate', v), 64 * 1024 * 1024)
    .option('--link-share <percent>', 'share of a peer link\'s measured rate that rebuild, catch-up and image copying may use, percent (0: do not measure; only --rebuild-rate holds)', linkShare, 50)
    .option('--vm-accel <mode>', 'VM acceleration: auto (KVM when a probe boot succeeds), kvm or tcg', vmAccel, 'auto')
    .option('--vm-probe-kernel <file>', 'the kernel the KVM probe boots (default /boot/vmlinuz-<running release>)')
    .option('--instance-log-max <MiB>', 'size at which an instance\'s stdout or stderr file is rotated, MiB', v => mib('--instance-log-max', v), DEFAULT_LOG_MAX_BYTES)
    .option('--instance-log-files <n>', 'files kept per instance stream, the live one included', positiveInt('--instance-log-files'), DEFAULT_LOG_FILES)
    .option('--metrics-auth', 'require the admin token for /metrics (open by default; see docs/metrics.md)')
    .option('--wake-mac <mac>', 'MAC address the grid wakes this node at with Wake-on-LAN when it is parked and off (default: the first IPv4 interface\'s)', wakeMac)
    .option('--bulk-port <port|off>', 'TCP port of the bulk data channel (TLS 1.3 straight to peers, for volume replication, terminal streams and images; docs/mesh-wire.md); default the mesh port + 1, 0 for any free port, off to carry bulk traffic over the mesh', bulkPort)
    .option('--power-off-command <command>', 'command (run by /bin/sh) that powers this node off once the grid has parked it; none by default (docs/field.md, Power)')
}

function positiveInt (flag: string): (v: string) => number {
  return v => {
    const n = Number(v)
    if (!Number.isSafeInteger(n) || n <= 0) throw new InvalidArgumentError(`${flag} wants a whole number above 0, not ${JSON.stringify(v)}`)
    return n
  }
}

function bulkPort (v: string): number | 'off' {
  if (v === 'off') return 'off'
  const n = Number(v)
  if (!Number.isSafeInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`--bulk-port wants a port from 0 to 65535, or off, not ${JSON.stringify(v)}`)
  return n
}

function wakeMac (v: string): string {
  try {
    return normalizeMac(v)
  } catch {
    throw new InvalidArgumentError(`--wake-mac wants a MAC address such as 52:54:00:12:34:56, not ${JSON.stringify(v)}`)
  }
}

function vmAccel (v: string): 'auto' | 'kvm' | 'tcg' {
  if (v !== 'auto' && v !== 'kvm' && v !== 'tcg') throw new InvalidArgumentError(`--vm-accel wants auto, kvm or tcg, not ${JSON.stringify(v)}`)
  return v
}

function linkShare (v: string): number {
  const n = Number(v)
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new InvalidArgumentError(`--link-share wants a percent in 0..100, not ${JSON.stringify(v)}`)
  return n
}

function mib (flag: string, v: string): number {
  const n = Number(v)
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError(`${flag} wants MiB/s, 0 or more, not ${JSON.stringify(v)}`)
  return Math.round(n * 1024 * 1024)
}

function profileOf (opts: RunOptions): string {
  if (opts.profile !== undefined && opts.detector !== undefined && opts.profile !== opts.detector) {
    throw new InvalidArgumentError(`--detector is the old name of --profile: give one, not --profile ${opts.profile} with --detector ${opts.detector}`)
  }
  return opts.profile ?? opts.detector ?? 'lan'
}

function configOf (opts: RunOptions): NodeConfig {
  const config = defaultConfig(resolve(opts.dataDir))
  Object.assign(config, {
    apiHost: opts.api.host,
    apiPort: opts.api.port,
    logLevel: opts.logLevel,
    name: opts.name,
    entryHost: opts.entryHost,
    stopInstancesOnExit: opts.keepInstances !== true,
    stopGraceMs: opts.stopGrace,
    cgroupParent: opts.cgroupParent,
    instanceUids: opts.instanceUids,
    listen: opts.listen,
    bootstrap: opts.bootstrap ?? [],
    // commander sets mdns true unless --no-mdns: only an explicit "no" overrides grid.json.
    mdns: opts.mdns === false ? false : undefined,
    profile: profileOf(opts),
    zone: opts.zone,
    labels: opts.label ?? {},
    replicaReplaceMs: opts.replicaReplace,
    imageReplicas: opts.imageReplicas,
    rebuildBytesPerSecond: opts.rebuildRate,
    ...(opts.bulkPort !== undefined ? { bulkPort: opts.bulkPort } : {}),
    linkShare: opts.linkShare / 100,
    vmAccel: opts.vmAccel,
    instanceLogMaxBytes: Math.max(1, opts.instanceLogMax),
    instanceLogFiles: opts.instanceLogFiles,
    metricsAuth: opts.metricsAuth === true,
    wakeMac: opts.wakeMac,
    powerOffCommand: opts.powerOffCommand
  })
  if (opts.images !== undefined) config.imagesDir = resolve(opts.images)
  if (opts.vmProbeKernel !== undefined) config.vmProbeKernel = resolve(opts.vmProbeKernel)
  return config
}

async function run (config: NodeConfig): Promise<void> {
  const node = await createNode(config)
  let stopping = false
  // Handled on every signal, not once: a Ctrl-C reaches a daemon started from
  // a terminal and then its supervisor's SIGTERM follows, and the default
  // action of that second signal would kill the daemon mid-stop, leaving its
  // instances running with nobody to stop them.
  const shutdown = (signal: string): void => {
    if (stopping) {
      node.logger.warn({ signal }, 'already stopping its instances; SIGKILL abandons them')
      return
    }
    stopping = true
    node.logger.info({ signal }, 'shutting down')
    node.stop().then(() => process.exit(0), err => {
      node.logger.error({ err }, 'shutdown failed')
      process.exit(1)
    })
  }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
}

const program = new Command('trellisd').description('The Trellis node daemon: runs this node\'s share of the grid.')
  .version(versionLine('trellisd'), '-V, --version', 'print the version and exit')

nodeOptions(program.command('run', { isDefault: true }).description('run the node (the default command)'))
  .action(async (opts: RunOptions) => { await run(configOf(opts)) })

nodeOptions(program.command('init').description('make a new grid: create its key and admin token, print the command that joins other nodes'))
  .option('--announce <host>', 'address other nodes reach this one at, for the printed join command')
  .action(async (opts: RunOptions & { announce?: string }) => {
    const out = await initGrid(configOf(opts), { announce: opts.announce })
    process.stdout.write(out)
  })

nodeOptions(program.command('join [address...]').description('join a grid through one or more of its members (or, with none, by mDNS on the LAN), then run the node'))
  .option('--token-file <file>', 'the join token\'s file (join.token from trellisd init); or --token-stdin, or $TRELLIS_JOIN_TOKEN')
  .option('--token-stdin', 'read the join token from standard input')
  .action(async (addresses: string[], opts: RunOptions & { tokenFile?: string, tokenStdin?: boolean }) => {
    const config = configOf(opts)
    const token = await readJoinToken({ tokenFile: opts.tokenFile, tokenStdin: opts.tokenStdin, env: process.env, stdin: process.stdin }, addresses)
    process.stdout.write(await joinGrid(config, token, addresses))
    await run(config)
  })

program.command('recover')
  .description('after the grid lost its quorum for good: make this node the only voter of the replicated log (the daemon must be stopped)')
  .requiredOption('--force-new-cluster', 'confirm: entries only the lost nodes held are gone; wipe the other old members before they rejoin')
  .option('--data-dir <dir>', 'the data dir of the most up-to-date surviving node', defaultDataDir())
  .action(async (opts: { dataDir: string }) => {
    process.stdout.write(await recoverGrid(resolve(opts.dataDir)))
  })

let argv: string[]
try {
  argv = withConfigFile(process.argv, program)
} catch (err) {
  process.stderr.write(`trellisd: ${(err as Error).message} [${(err as { code?: string }).code ?? 'ERR_CONFIG_FILE'}]\n`)
  process.exit(1)
}

program.parseAsync(argv).catch((err: Error & { code?: string }) => {
  process.stderr.write(`trellisd: ${err.message}${err.code !== undefined && !err.code.startsWith('commander.') ? ` [${err.code}]` : ''}\n`)
  process.exit(1)
})
