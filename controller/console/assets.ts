import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, extname, join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { parse } from 'yaml'

/** The folder holding the console's page, scripts and styles. */
export const CONSOLE_DIR = join(dirname(fileURLToPath(import.meta.url)), 'web')

/** The example apps, whose component kinds the editor's catalog offers. */
const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples')

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
  '.svg': 'image/svg+xml',
  '.json': 'application/json'
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
 * Folders of ES modules taken from npm packages, served under a prefix with
 * their relative imports intact: the YAML library the editor keeps an app's
 * text with (its comments survive an edit).
 */
const VENDOR_DIRS: Record<string, { pkg: string, dir: string }> = {
  yaml: { pkg: 'yaml', dir: 'browser/dist' }
}

/** A component kind an example app uses: its image, the example, and the image's manifest when the example ships it. */
export interface ExampleKind {
  image: string
  /** The example's file name under examples/. */
  example: string
  /** The example app's YAML, from which the editor reads how it wires this kind. */
  source: string
  /** examples/<image>/image/manifest.yaml, when there is one. */
  manifest?: string
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
  for (const [prefix, { pkg, dir }] of Object.entries(VENDOR_DIRS)) {
    const root = join(dirname(require.resolve(`${pkg}/package.json`)), dir)
    for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
      if (!entry.isFile()) continue
      const path = join(entry.parentPath, entry.name)
      add(`${prefix}/${relative(root, path).split(sep).join('/')}`, await readFile(path))
    }
  }
  add('example-kinds.json', Buffer.from(JSON.stringify(await exampleKinds(EXAMPLES_DIR))))
  return assets
}

/**
 * The component kinds the example apps use, each once (the first example
 * using it). A broken or missing examples folder gives none: the catalog
 * then holds the grid's images only.
 */
export async function exampleKinds (dir: string): Promise<ExampleKind[]> {
  const kinds = new Map<string, ExampleKind>()
  let files: string[]
  try {
    files = (await readdir(dir)).filter(f => f.endsWith('.yaml')).sort()
  } catch {
    return []
  }
  for (const file of files) {
    const source = await readFile(join(dir, file), 'utf8')
    let app: { components?: Record<string, { image?: unknown }> } | null
    try { app = parse(source) as typeof app } catch { continue }
    for (const c of Object.values(app?.components ?? {})) {
      const image = c?.image
      if (typeof image !== 'string' || kinds.has(image)) continue
      const manifest = await readFile(join(dir, image, 'image', 'manifest.yaml'), 'utf8').catch(() => undefined)
      kinds.set(image, { image, example: file, source, ...(manifest === undefined ? {} : { manifest }) })
    }
  }
  return [...kinds.values()]
}
