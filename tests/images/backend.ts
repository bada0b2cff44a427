/**
 * Small in-process HTTP backends for the lb tests. Being in the test process,
 * they can be stopped and restarted on the same port, hold a response open
 * until the test releases it, and report what reached them.
 *
 *   GET  /healthz   200 while healthy
 *   GET  /whoami    { name } and the headers seen
 *   POST /echo      the request body streamed back
 *   GET  /stream    "first\n", then the rest once `release()` is called
 *   POST /upload    counts body bytes; `firstChunk` resolves on the first
 */
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, Server } from 'node:http'
import type { Teardown } from './harness.ts'

/** One test backend. */
export class TestBackend {
  readonly name: string
  readonly server: Server
  port = 0
  /** Headers of the last /whoami request. */
  seen: IncomingHttpHeaders = {}
  /** False: /healthz answers 503 (alive but not ready, e.g. its own backend is away), everything else as usual. */
  ready = true
  #release: () => void = () => {}
  #released: Promise<void>
  #firstChunk: Promise<void> = Promise.resolve()
  #onFirstChunk: () => void = () => {}

  constructor (name: string) {
    this.name = name
    this.#released = new Promise(resolve => { this.#release = resolve })
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0]
      if (path === '/healthz') {
        res.writeHead(this.ready ? 200 : 503, { 'content-type': 'application/json' }).end(`{"ok":${String(this.ready)}}`)
      } else if (path === '/whoami') {
        this.seen = req.headers
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: this.name }))
      } else if (path === '/echo') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' })
        req.pipe(res)
      } else if (path === '/stream') {
        res.writeHead(200, { 'content-type': 'text/plain' })
        res.write('first\n')
        void this.#released.then(() => res.end('rest\n'))
      } else if (path === '/upload') {
        let size = 0
        req.on('data', (c: Buffer) => { if (size === 0) this.#onFirstChunk(); size += c.length })
        req.on('end', () => res.writeHead(200).end(JSON.stringify({ size })))
      } else {
        res.writeHead(404).end()
      }
    })
    this.armUpload()
  }

  /** Resolves when the next /upload receives its first body bytes. */
  get firstChunk (): Promise<void> {
    return this.#firstChunk
  }

  /** Lets held /stream responses finish. */
  release (): void {
    this.#release()
  }

  /** Prepares `firstChunk` for the next upload. */
  armUpload (): void {
    this.#firstChunk = new Promise(resolve => { this.#onFirstChunk = resolve })
  }

  /** Listens on its port (a fresh one the first time). */
  async start (): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject)
      this.server.listen(this.port, '127.0.0.1', () => { this.server.off('error', reject); resolve() })
    })
    this.port = (this.server.address() as { port: number }).port
  }

  /** Stops like a killed process: refuses connections and cuts open ones. */
  async stop (): Promise<void> {
    const closed = new Promise<void>(resolve => this.server.close(() => resolve()))
    this.server.closeAllConnections()
    await closed
  }
}

/** `n` started backends named b0.., stopped in teardown. */
export async function startBackends (t: Teardown, n: number): Promise<TestBackend[]> {
  const backends = Array.from({ length: n }, (_, i) => new TestBackend(`b${i}`))
  for (const b of backends) await b.start()
  t.teardown(async () => {
    for (const b of backends) {
      b.release()
      if (b.server.listening) await b.stop()
    }
  })
  return backends
}
