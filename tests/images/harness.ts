/**
 * Runs the real images as child processes for the image tests: free ports,
 * temp dirs, waiting on conditions, and a small HTTP client that opens a fresh
 * connection per call (so a killed server is seen at once, not through a
 * pooled socket). Everything started here is killed in the test's teardown.
 */
import { spawn } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { request } from 'node:http'
import type { IncomingHttpHeaders } from 'node:http'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Node 24 from node_modules: it strips the images' TypeScript itself. */
export const NODE = fileURLToPath(new URL('../../node_modules/.bin/node', import.meta.url))
const IMAGES = fileURLToPath(new URL('../../images/', import.meta.url))

/** The part of a tap Test the harness needs. */
export interface Teardown {
  teardown: (fn: () => unknown) => void
}

/** A port nobody listens on right now, found by binding port 0. */
export async function freePort (): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}

/** A fresh temp dir, removed in teardown. */
export async function tempDir (t: Teardown, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `trellis-${prefix}-`))
  t.teardown(async () => rm(dir, { recursive: true, force: true }))
  return dir
}

/** How a child process ended. */
export interface Exit {
  code: number | null
  signal: NodeJS.Signals | null
}

/** One running image. */
export class Instance {
  readonly proc: ChildProcess
  readonly exited: Promise<Exit>
  /** Parsed JSON lines the image wrote to stdout. */
  readonly events: Array<Record<string, unknown>> = []
  stderr = ''

  constructor (proc: ChildProcess) {
    this.proc = proc
    // 'close', not 'exit': by then stdout and stderr are fully read.
    this.exited = new Promise(resolve => proc.once('close', (code: number | null, signal: NodeJS.Signals | null) => resolve({ code, signal })))
    let rest = ''
    proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      const lines = (rest + chunk).split('\n')
      rest = lines.pop() ?? ''
      for (const line of lines) {
        try { this.events.push(JSON.parse(line) as Record<string, unknown>) } catch { this.events.push({ unparsed: line }) }
      }
    })
    proc.stderr?.setEncoding('utf8').on('data', (chunk: string) => { this.stderr += chunk })
  }

  get running (): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null
  }

  /** Sends `signal` and waits for the exit. */
  async kill (signal: NodeJS.Signals = 'SIGKILL'): Promise<Exit> {
    if (this.running) this.proc.kill(signal)
    return await this.exited
  }

  /** Events named `event`. */
  logged (event: string): Array<Record<string, unknown>> {
    return this.events.filter(e => e.event === event)
  }
}

/** Starts images/<image>/main.ts with exactly `env` (plus PATH), killed in teardown. */
export function startImage (t: Teardown, image: 'db' | 'web' | 'lb', env: Record<string, string>): Instance {
  const proc = spawn(NODE, ['main.ts'], {
    cwd: join(IMAGES, image),
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', ...env },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const instance = new Instance(proc)
  t.teardown(async () => { await instance.kill('SIGKILL') })
  return instance
}

/** Polls `check` until it returns true; throws naming `what` after `timeoutMs`. */
export async function waitFor (what: string, check: () => boolean | Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      if (await check()) return
    } catch {
      // Not yet: the thing polled may still be starting.
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 25))
  }
}

/** A whole HTTP response. */
export interface Reply {
  status: number
  headers: IncomingHttpHeaders
  body: Buffer
  text: string
  json: () => any
}

/** Options of `call`. */
export interface CallOptions {
  method?: string
  body?: string | Buffer
  headers?: Record<string, string>
  timeoutMs?: number
}

/** One HTTP request on a fresh connection; rejects on connection errors. */
export async function call (url: string, opts: CallOptions = {}): Promise<Reply> {
  return await new Promise((resolve, reject) => {
    const req = request(url, {
      method: opts.method ?? 'GET',
      headers: opts.headers,
      agent: false,
      signal: AbortSignal.timeout(opts.timeoutMs ?? 10000)
    }, res => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () => {
        const body = Buffer.concat(chunks)
        const text = body.toString('utf8')
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: () => JSON.parse(text) })
      })
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

/** The status of GET `url`, or 0 when it cannot connect. */
export async function statusOf (url: string): Promise<number> {
  try {
    return (await call(url, { timeoutMs: 2000 })).status
  } catch {
    return 0
  }
}

/** Starts a db on a fresh port and dir (or the given ones) and waits for /healthz. */
export async function startDb (t: Teardown, opts: { dir?: string, port?: number, env?: Record<string, string> } = {}): Promise<{ db: Instance, url: string, dir: string, port: number }> {
  const dir = opts.dir ?? await tempDir(t, 'db')
  const port = opts.port ?? await freePort()
  const db = startImage(t, 'db', { TRELLIS_IN_HTTP: `127.0.0.1:${port}`, TRELLIS_VOLUME_DATA: dir, ...opts.env })
  const url = `http://127.0.0.1:${port}`
  await waitFor('db /healthz', async () => (await statusOf(`${url}/healthz`)) === 200 || !db.running)
  if (!db.running) throw new Error(`db exited: ${db.stderr}`)
  return { db, url, dir, port }
}
