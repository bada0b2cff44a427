import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, extname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

/** The folder holding the console's page, scripts and styles. */
export const CONSOLE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'web')

/** One file of the console, ready to send. */
export interface ConsoleAsset {
  /** Content-Type. */
  type: string
  body: Buffer
  /** The same bytes gzipped, sent to browsers that accept them. */
  gzip: Buffer
  /** Strong ETag of the body. */
  etag: string
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml'
}

/** Files taken from npm packages, served under these names. */
const VENDOR: Record<string, string> = {
  // The layout engine as one script that sets a global ELK (no worker: graphs here are small).
  'elk.bundled.js': 'elkjs/lib/elk.bundled.js',
  // The in-page terminal (terminal.js): xterm.js and its fit addon as ES modules, and xterm's sheet.
  'xterm.mjs': '@xterm/xterm/lib/xterm.mjs',
  'xterm.css': '@xterm/xterm/css/xterm.css',
  'addon-fit.mjs': '@xterm/addon-fit/lib/addon-fit.mjs'
}

/**
 * Reads every file of the console into memory once, with its gzipped form
 * and an ETag: a few hundred kilobytes, served many times.
 */
export async function loadConsoleAssets (): Promise<Map<string, ConsoleAsset>> {
  const assets = new Map<string, ConsoleAsset>()
  const add = (name: string, body: Buffer): void => {
    const type = TYPES[extname(name)]
    if (type === undefined) return
    assets.set(name, { type, body, gzip: gzipSync(body), etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` })
  }
  for (const entry of await readdir(CONSOLE_DIR, { withFileTypes: true })) {
    if (entry.isFile()) add(entry.name, await readFile(join(CONSOLE_DIR, entry.name)))
  }
  const require = createRequire(import.meta.url)
  for (const [name, specifier] of Object.entries(VENDOR)) add(name, await readFile(require.resolve(specifier)))
  return assets
}
