/**
 * web image: an HTML page and a JSON API keeping a visit counter and notes in
 * the db behind the `db` output.
 * Environment: TRELLIS_IN_HTTP, TRELLIS_OUT_DB, TRELLIS_PROP_TITLE, TRELLIS_INSTANCE.
 */
import { createServer } from 'node:http'
import { address, closeServer, createLog, describeError, formatAddress, listen, loadConfig, optional, stopOnSignal } from './shared/index.ts'
import { createHandler } from './app.ts'
import { DbClient } from './db-client.ts'

const config = loadConfig('web', () => ({
  listen: address('TRELLIS_IN_HTTP'),
  db: address('TRELLIS_OUT_DB'),
  title: optional('TRELLIS_PROP_TITLE') ?? 'Trellis',
  app: optional('TRELLIS_APP') ?? '',
  component: optional('TRELLIS_COMPONENT') ?? '',
  instance: optional('TRELLIS_INSTANCE') ?? 'web'
}))
const log = createLog({ image: 'web', instance: config.instance })

const db = new DbClient(config.db)
const server = createServer({ keepAliveTimeout: 5000 }, createHandler({
  db, dbAddress: config.db, title: config.title, app: config.app, component: config.component, instance: config.instance, log
}))
stopOnSignal(log, async () => {
  await closeServer(server)
  db.close()
})
try {
  await listen(server, config.listen)
} catch (err) {
  log.error('listen.failed', { addr: formatAddress(config.listen), ...describeError(err) })
  process.exit(1)
}
log('listening', { addr: formatAddress(config.listen), db: formatAddress(config.db) })
