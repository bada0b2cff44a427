/** `trellis image import|list|describe|delete|export`: the grid's image catalog. */
import { createReadStream, createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { packImage } from '../catalog/index.ts'
import type { TrellisClient } from '../client/index.ts'
import type { ImageView } from '../client/types.ts'
import type { Format, Output } from './commands.ts'
import { bytes, table } from './format.ts'

/** Imports an image folder (packed here, links followed) or a tar file. */
export async function imageImport (client: TrellisClient, out: Output, path: string, format: Format): Promise<number> {
  const s = await stat(path)
  const bundle: Readable = s.isDirectory() ? await packImage(path) : createReadStream(path)
  const r = await client.importImage(bundle)
  if (format === 'json') { out.write(JSON.stringify(r, null, 2)); return 0 }
  const i = r.image
  out.write(r.change === 'created'
    ? `imported ${i.name}@${i.version} (${i.digest}, ${bytes(i.size)}); the grid keeps it on ${i.replicas} nodes`
    : `${i.name}@${i.version} is in the catalog already (${i.digest})`)
  return 0
}

export async function imageList (client: TrellisClient, out: Output, format: Format): Promise<number> {
  const images = await client.images()
  if (format === 'json') { out.write(JSON.stringify(images, null, 2)); return 0 }
  if (images.length === 0) { out.write('no images'); return 0 }
  out.write(table(['NAME', 'VERSION', 'DRIVER', 'SIZE', 'HELD BY', 'USED BY', 'DIGEST'], images.map(i => [
    i.name, i.version, i.driver, bytes(i.size), heldBy(i), i.usedBy.join(',') || '-', i.digest.slice(0, 19)
  ])))
  return 0
}

export async function imageDescribe (client: TrellisClient, out: Output, ref: string, format: Format): Promise<number> {
  const i = await client.image(ref)
  if (format === 'json') { out.write(JSON.stringify(i, null, 2)); return 0 }
  const lines = [
    `Image:        ${i.name}@${i.version}`,
    `Digest:       ${i.digest}`,
    `Description:  ${i.description || '-'}`,
    `Driver:       ${i.driver}`,
    `Size:         ${bytes(i.size)} in ${i.chunks} chunk${i.chunks === 1 ? '' : 's'}`,
    `Held by:      ${heldBy(i)} (the grid keeps ${i.replicas})`,
    `Used by:      ${i.usedBy.join(', ') || '-'}`
  ]
  if (i.fetching !== undefined) {
    const f = i.fetching
    lines.push(`Fetching:     ${bytes(f.bytesDone)} of ${bytes(f.bytesTotal)} (${Math.floor(100 * f.bytesDone / Math.max(1, f.bytesTotal))}%) at ${bytes(f.rate)}/s from ${f.sources.filter(s => s.state === 'active').map(s => s.node).join(', ') || '-'}`)
    const dropped = f.sources.filter(s => s.state === 'dropped')
    if (dropped.length > 0) lines.push(`Dropped:      ${dropped.map(s => s.node).join(', ')}`)
  }
  if (i.manifest !== undefined) lines.push('', 'Manifest:', ...i.manifest.trimEnd().split('\n').map(l => `  ${l}`))
  out.write(lines.join('\n'))
  return 0
}

export async function imageDelete (client: TrellisClient, out: Output, ref: string, format: Format): Promise<number> {
  const r = await client.deleteImage(ref)
  if (format === 'json') { out.write(JSON.stringify(r, null, 2)); return 0 }
  out.write(r.deleted ? `image ${r.name}@${r.version} deleted; its blobs go from every node` : `no image ${ref}`)
  return r.deleted ? 0 : 1
}

/** Writes an image's bundle to a file (or standard output with -). */
export async function imageExport (client: TrellisClient, out: Output, ref: string, file: string): Promise<number> {
  const { tar, digest, size } = await client.exportImage(ref)
  await pipeline(tar, file === '-' ? process.stdout : createWriteStream(file))
  if (file !== '-') out.write(`${file}: ${bytes(size)}, ${digest} (sha256sum of the file prints the same)`)
  return 0
}

function heldBy (i: ImageView): string {
  if (i.holders.length === 0) return '-'
  return i.holders.map(h => h.state === 'up' ? h.name : `${h.name} (${h.state})`).join(', ')
}
