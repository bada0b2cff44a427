#!/usr/bin/env node
/**
 * trellisd: flags → createNode() → run until SIGINT/SIGTERM. Nothing else.
 */
import { homedir } from 'node:os'
import { resolve } from 'node:path'
import { Command, InvalidArgumentError } from 'commander'
import { defaultConfig, DEFAULT_API_PORT } from './config.ts'
import { createNode } from './node.ts'

function hostPort (value: string): { host: string, port: number } {
  const m = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(value)
  const port = Number(m?.[3])
  if (m === null || port > 65535) throw new InvalidArgumentError(`expected host:port, e.g. 127.0.0.1:${DEFAULT_API_PORT}`)
  return { host: m[1] ?? m[2]!, port }
}

const program = new Command('trellisd')
  .description('The Trellis node daemon: runs this node\'s share of the grid.')
  .option('--data-dir <dir>', 'where the node keeps its identity, state, logs and volumes', process.env.TRELLIS_DATA_DIR ?? resolve(homedir(), '.trellis'))
  .option('--api <host:port>', 'admin API listen address (loopback by default)', hostPort, { host: '127.0.0.1', port: DEFAULT_API_PORT })
  .option('--log-level <level>', 'trace, debug, info, warn, error', 'info')
  .option('--name <name>', 'node name (default: the host name)')
  .option('--images <dir>', 'image catalog folder (default: the bundled images/)')
  .option('--entry-host <host>', 'address app entries are published on', '0.0.0.0')
  .option('--keep-instances', 'leave instances running on a clean shutdown (they are re-adopted on the next start)')
  .option('--stop-grace <ms>', 'ms between SIGTERM and SIGKILL when stopping an instance', v => Number(v), 5000)
  .option('--cgroup-parent <name>', 'cgroup that instances are placed under (as root)', 'trellis')
  .action(async (opts: {
    dataDir: string, api: { host: string, port: number }, logLevel: string, name?: string, images?: string,
    entryHost: string, keepInstances?: boolean, stopGrace: number, cgroupParent: string
  }) => {
    const config = defaultConfig(resolve(opts.dataDir))
    Object.assign(config, {
      apiHost: opts.api.host,
      apiPort: opts.api.port,
      logLevel: opts.logLevel,
      name: opts.name,
      entryHost: opts.entryHost,
      stopInstancesOnExit: opts.keepInstances !== true,
      stopGraceMs: opts.stopGrace,
      cgroupParent: opts.cgroupParent
    })
    if (opts.images !== undefined) config.imagesDir = resolve(opts.images)
    const node = await createNode(config)
    const shutdown = (signal: string): void => {
      node.logger.info({ signal }, 'shutting down')
      node.stop().then(() => process.exit(0), err => {
        node.logger.error({ err }, 'shutdown failed')
        process.exit(1)
      })
    }
    process.once('SIGINT', shutdown)
    process.once('SIGTERM', shutdown)
  })

program.parseAsync().catch((err: Error) => {
  process.stderr.write(`trellisd: ${err.message}\n`)
  process.exit(1)
})
