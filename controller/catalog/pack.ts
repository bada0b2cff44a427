/**
 * Packs an image folder into a bundle: a tar of the folder's files with its
 * links followed (a link to code outside the folder brings that code in as
 * files, as `tar -h` does), and the npm packages its manifest's
 * `bundle.packages` names, with their dependencies, under `node_modules/`.
 * It only gathers; the node that imports the bundle checks it, refuses what
 * is unsafe and makes it canonical (daemon/images).
 */
import { createReadStream } from 'node:fs'
import { readdir, readFile, realpath, stat } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { pack as tarPack, type Pack } from 'tar-stream'
import { readYaml } from '../graph/index.ts'
import { MANIFEST_FILE } from './load.ts'

/** Thrown when a folder cannot be packed: no manifest, a package not found, a link that loops. */
export class PackError extends Error {
  readonly code = 'ERR_PACK'
  override name = 'PackError'
  constructor (message: string, options?: ErrorOptions) {
    super(message, options)
  }
}

interface PackFile {
  /** Path in the bundle, `/`-separated. */
  name: string
  /** Where its bytes are. */
  source: string
  size: number
  mode: number
}

/** The files of a bundle made from `dir`, in the order they will be written. */
export async function bundleFiles (dir: string): Promise<PackFile[]> {
  const manifestText = await readFile(join(dir, MANIFEST_FILE), 'utf8').catch((err: unknown) => {
    throw new PackError(`${dir} has no ${MANIFEST_FILE}: an image folder holds its manifest and its files`, { cause: err })
  })
  const files: PackFile[] = []
  await walk(dir, '', files, new Set([await realpath(dir)]))
  for (const pkg of await packageClosure(dir, packagesOf(manifestText))) {
    // One the folder installs itself is packed already, with the folder.
    if (!relative(dir, pkg.dir).startsWith('..')) continue
    await walk(pkg.dir, `node_modules/${pkg.name}`, files, new Set([await realpath(pkg.dir)]))
  }
  return files
}

/** A tar stream of the bundle made from `dir`. */
export async function packImage (dir: string): Promise<Readable> {
  const files = await bundleFiles(dir)
  const pack: Pack = tarPack()
  void (async () => {
    for (const f of files) {
      const entry = pack.entry({ name: f.name, size: f.size, mode: f.mode, type: 'file' })
      await pipeline(createReadStream(f.source), entry as unknown as NodeJS.WritableStream)
    }
    pack.finalize()
  })().catch((err: unknown) => { pack.destroy(err as Error) })
  return Readable.from(pack as unknown as AsyncIterable<Buffer>)
}

/** The package names the manifest asks to bundle; the importing node checks the rest of it. */
function packagesOf (manifestText: string): string[] {
  const value = readYaml(manifestText).value as { bundle?: { packages?: unknown } } | undefined
  const packages = value?.bundle?.packages
  return Array.isArray(packages) ? packages.filter((p): p is string => typeof p === 'string') : []
}

async function walk (dir: string, prefix: string, out: PackFile[], seen: Set<string>): Promise<void> {
  const entries = (await readdir(dir)).sort()
  for (const name of entries) {
    const path = join(dir, name)
    const st = await stat(path).catch((err: unknown) => { throw new PackError(`cannot read ${path}: ${(err as Error).message}`, { cause: err }) })
    const inBundle = prefix === '' ? name : `${prefix}/${name}`
    if (st.isDirectory()) {
      const real = await realpath(path)
      if (seen.has(real)) throw new PackError(`${path} links back to ${real}, which is packed already: a loop`)
      await walk(path, inBundle, out, new Set([...seen, real]))
    } else if (st.isFile()) {
      out.push({ name: inBundle, source: path, size: st.size, mode: (st.mode & 0o111) !== 0 ? 0o755 : 0o644 })
    }
    // Sockets, fifos and devices are not part of a program.
  }
}

/** An npm package found for a bundle: its name and the folder it is installed in. */
interface FoundPackage {
  name: string
  dir: string
}

/** The named packages and everything they depend on, each found as Node would find it from its importer. */
async function packageClosure (dir: string, names: string[]): Promise<FoundPackage[]> {
  const found = new Map<string, FoundPackage>()
  const queue = names.map(name => ({ name, from: dir }))
  while (queue.length > 0) {
    const { name, from } = queue.shift()!
    if (found.has(name)) continue
    const pkgDir = await findPackage(name, from)
    if (pkgDir === undefined) throw new PackError(`package ${name} (for ${relative(dir, from) || 'the image'}) is not installed in any node_modules above ${from}`)
    found.set(name, { name, dir: pkgDir })
    const json = JSON.parse(await readFile(join(pkgDir, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> }
    for (const dep of Object.keys(json.dependencies ?? {})) queue.push({ name: dep, from: await realpath(pkgDir) })
  }
  return [...found.values()]
}

/** node_modules/<name> in `from` or the nearest folder above it that has one. */
async function findPackage (name: string, from: string): Promise<string | undefined> {
  for (let d = from; ; d = dirname(d)) {
    const candidate = join(d, 'node_modules', name)
    if ((await stat(join(candidate, 'package.json')).catch(() => undefined))?.isFile() === true) return candidate
    if (dirname(d) === d) return undefined
  }
}
