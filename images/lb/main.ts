/**
 * lb image: an HTTP reverse proxy, round robin over the healthy instances
 * behind the `backend` output, with active health checks.
 * Environment: TRELLIS_IN_HTTP, TRELLIS_OUT_BACKEND_INSTANCES (or TRELLIS_OUT_BACKEND),
 * TRELLIS_PROP_HEALTHPATH, TRELLIS_PROP_HEALTHINTERVAL, TRELLIS_PROP_HEALTHFAILURES.
 */
import { createServer } from 'node:http'
import {
  ConfigError, address, addressList, closeServer, createLog, describeError, formatAddress, integer, listen, loadConfig,
  optional, sendJson, splitUrl, stopOnSignal
} from './shared/index.ts'
import type { Address } from './shared/index.ts'
import { Pool } from './pool.ts'
import { createProxy } from './proxy.ts'

const config = loadConfig('lb', () => ({
  listen: address('TRELLIS_IN_HTTP'),
  backends: backends(),
  healthPath: healthPath(),
  intervalMs: integer('TRELLIS_PROP_HEALTHINTERVAL', 1000, 10, 3_600_000),
  failures: integer('TRELLIS_PROP_HEALTHFAILURES', 2, 1, 1000)
}))
const log = createLog({ image: 'lb', instance: process.env.TRELLIS_INSTANCE })

const pool = new Pool({ ...config, log })
const proxy = createProxy({ pool, log })
const server = createServer({ keepAliveTimeout: 5000 }, (req, res) => {
  // The lb's own health is not proxied: it is ready when it has a backend to send to, alive while it answers.
  const path = splitUrl(req).path
  if ((path === '/healthz' || path === '/livez') && (req.method === 'GET' || req.method === 'HEAD')) {
    if (path === '/livez') sendJson(res, 200, { ok: true })
    else sendJson(res, pool.anyUp ? 200 : 503, { ok: pool.anyUp, backends: pool.snapshot() })
    return
  }
  proxy.handle(req, res)
})
stopOnSignal(log, async () => {
  pool.stop()
  await closeServer(server)
  proxy.close()
})
try {
  await listen(server, config.listen)
} catch (err) {
  log.error('listen.failed', { addr: formatAddress(config.listen), ...describeError(err) })
  process.exit(1)
}
pool.start()
log('listening', { addr: formatAddress(config.listen), backends: config.backends.map(formatAddress), healthPath: config.healthPath })

/** Every instance behind the output when the daemon lists them, else the one spreading address. */
function backends (): Address[] {
  const list = addressList('TRELLIS_OUT_BACKEND_INSTANCES')
  if (list !== undefined) return list
  if (optional('TRELLIS_OUT_BACKEND') === undefined) {
    throw new ConfigError('TRELLIS_OUT_BACKEND', 'required but not set (and TRELLIS_OUT_BACKEND_INSTANCES is not set either)')
  }
  return [address('TRELLIS_OUT_BACKEND')]
}

function healthPath (): string {
  const p = optional('TRELLIS_PROP_HEALTHPATH') ?? '/healthz'
  if (!p.startsWith('/')) throw new ConfigError('TRELLIS_PROP_HEALTHPATH', `"${p}" must start with /`)
  return p
}
