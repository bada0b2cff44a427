/**
 * db image: a durable key-value database over HTTP on LevelDB.
 * Environment: TRELLIS_IN_HTTP, TRELLIS_VOLUME_DATA, TRELLIS_PROP_MAXVALUEBYTES.
 */
import { mkdirSync } from 'node:fs'
import { createServer } from 'node:http'
import { join } from 'node:path'
import {
  address, closeServer, createLog, describeError, formatAddress, integer, listen, loadConfig, required, stopOnSignal
} from './shared/index.ts'
import { createHandler } from './api.ts'
import { Store } from './store.ts'

/** 1 MiB, the manifest's default for maxValueBytes. */
const DEFAULT_MAX_VALUE_BYTES = 1024 * 1024

const config = loadConfig('db', () => ({
  listen: address('TRELLIS_IN_HTTP'),
  data: required('TRELLIS_VOLUME_DATA'),
  maxValueBytes: integer('TRELLIS_PROP_MAXVALUEBYTES', DEFAULT_MAX_VALUE_BYTES, 0, 512 * 1024 * 1024)
}))
const log = createLog({ image: 'db', instance: process.env.TRELLIS_INSTANCE })

const location = join(config.data, 'kv')
const store = new Store(location)
try {
  mkdirSync(config.data, { recursive: true })
  await store.open()
} catch (err) {
  log.error('open.failed', { location, ...describeError(err) })
  process.exit(1)
}
log('opened', { location })

const server = createServer({ keepAliveTimeout: 5000 }, createHandler({ store, maxValueBytes: config.maxValueBytes, log }))
stopOnSignal(log, async () => {
  await closeServer(server)
  await store.close()
})
try {
  await listen(server, config.listen)
} catch (err) {
  log.error('listen.failed', { addr: formatAddress(config.listen), ...describeError(err) })
  await store.close()
  process.exit(1)
}
log('listening', { addr: formatAddress(config.listen), maxValueBytes: config.maxValueBytes })
