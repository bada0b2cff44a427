/**
 * Images on a grid of real daemons: an image imported on one node runs on a
 * node that never had it; a fetch whose source is killed half-way completes
 * from the other holder; a holder whose copy rots on disk serves nothing of
 * it, nothing corrupt runs, and a re-import repairs it; an image an app uses
 * cannot be deleted; a newer version changes nothing until the app is
 * applied again.
 */
import t from 'tap'
import { createHash, randomBytes } from 'node:crypto'
import { chmod, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { packImage } from '../../controller/catalog/index.ts'
import { startGrid, waitFor, type TestDaemon } from '../helpers/daemon.ts'

/** Sixteen chunks: the fetch throttle charges each chunk as it lands, so it holds the rate once a burst and a window of requests are spent. */
const PAYLOAD_BYTES = 64 * 1024 * 1024
/** Slow enough that a fetch of the payload takes several seconds: there is time to kill its source. */
const RATE_MIB = '6'

/**
 * An image folder whose instance serves the sha256 of its payload, as read at start, on /sum.
 * Half a core: hashing 64 MiB and starting Node took longer than the health check's patience at
 * 5 % of one on a loaded machine, and the instance was restarted until it was given up.
 */
async function imageFolder (version: string, payload: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-image-'))
  await chmod(dir, 0o755)
  await writeFile(join(dir, 'manifest.yaml'), `name: blob
version: "${version}"
description: Serves the sha256 of the payload it was given.
resources:
  min: { cpu: 0.01, memory: 16Mi }
  default: { cpu: 0.5, memory: 64Mi }
terminals:
  http: { direction: in, protocol: http }
health:
  kind: http
  terminal: http
  path: /sum
start:
  command: [node, serve.ts]
`)
  await writeFile(join(dir, 'serve.ts'), `import { createHash } from 'node:crypto'
import { createReadStream } from 'node:fs'
import { createServer } from 'node:http'
const hash = createHash('sha256')
for await (const piece of createReadStream(new URL('./payload.bin', import.meta.url))) hash.update(piece)
const sum = hash.digest('hex')
const [host, port] = process.env.TRELLIS_IN_HTTP!.split(':')
createServer((req, res) => { res.end(JSON.stringify({ sum, version: ${JSON.stringify(version)} })) }).listen(Number(port), host)
`)
  await writeFile(join(dir, 'payload.bin'), payload)
  return dir
}

const app = (name: string, node: string, image = 'blob'): string =>
  `name: ${name}\ncomponents:\n  b:\n    image: ${image}\n    constraints: ["name == ${node}"]\n`

async function sumOf (d: TestDaemon, name: string): Promise<{ sum: string, version: string, node: string }> {
  try {
    return await waitFor(`${name} serving`, 120_000, async () => {
      const i = (await d.client.app(name)).instanceList[0]
      if (i?.ready !== true) return undefined
      const r = await fetch(`http://${i.addresses.http}/`, { signal: AbortSignal.timeout(5000) })
      return { ...(await r.json() as { sum: string, version: string }), node: i.nodeName ?? '' }
    }, 250)
  } catch (err) {
    // What the grid says of the app: a timeout alone says nothing of why.
    const view = await d.client.app(name).catch(() => undefined)
    throw new Error(`${(err as Error).message}; instances ${JSON.stringify(view?.instanceList)}; events ${JSON.stringify(view?.events.slice(-15))}`, { cause: err })
  }
}

async function holders (d: TestDaemon, ref: string): Promise<string[]> {
  return (await d.client.image(ref)).holders.map(h => h.name).sort()
}

t.test('images travel the grid', async t => {
  const { nodes } = await startGrid(fn => t.teardown(fn), 3, ['--image-replicas', '1', '--rebuild-rate', RATE_MIB])
  const [a, b, c] = nodes as [TestDaemon, TestDaemon, TestDaemon]
  const payload = randomBytes(PAYLOAD_BYTES)
  const want = createHash('sha256').update(payload).digest('hex')
  const folder = await imageFolder('1.0.0', payload)
  t.teardown(async () => await rm(folder, { recursive: true, force: true }))

  const imported = await a.client.importImage(await packImage(folder))
  t.equal(imported.change, 'created')
  t.same(imported.image.holders.map(h => h.name), ['node-0'], 'held by the node it was imported on')
  t.same((await c.client.images()).map(i => i.name).sort(), ['blob', 'db', 'lb', 'web'], 'every node lists it, and the bundled images')

  t.test('an image imported on one node runs on a node that never had it', async t => {
    await b.client.apply(app('one', 'node-1'))
    const served = await sumOf(b, 'one')
    t.same(served, { sum: want, version: '1.0.0', node: 'node-1' }, 'node-1 runs it, with its payload intact')
    t.same(await waitFor('node-1 to be a holder', 30_000, async () => (await holders(a, 'blob')).length === 2 ? await holders(a, 'blob') : undefined, 250), ['node-0', 'node-1'])
    const events = (await b.client.app('one')).events.map(e => e.kind)
    t.ok(events.includes('image-fetching') && events.includes('image-fetched'), `the app's events tell of the fetch: ${events.join(', ')}`)
    await b.client.deleteApp('one')
  })

  t.test('a fetch whose source is killed half-way completes from the other holder', async t => {
    await c.client.apply(app('two', 'node-2'))
    await waitFor('node-2 to be part-way through its fetch', 60_000, async () => {
      const f = (await c.client.image('blob')).fetching
      return f !== undefined && f.bytesDone > 12 * 1024 * 1024 ? true : undefined
    }, 100)
    await a.crash()
    const served = await sumOf(c, 'two')
    t.same(served, { sum: want, version: '1.0.0', node: 'node-2' }, 'node-2 runs it, intact, with node-0 dead')
    const fetched = (await c.client.app('two')).events.find(e => e.kind === 'image-fetched')
    t.match(fetched?.detail ?? '', /from 2 node\(s\); dropped node-0/, `both served, then the dead one was dropped: ${fetched?.detail ?? ''}`)
    await a.restart()
    await c.client.deleteApp('two')
  })

  t.test('a copy that rotted on disk serves nothing; nothing corrupt runs; a re-import repairs it', async t => {
    // Only node-0 holds version 2; one of its chunks is then damaged.
    const payload2 = randomBytes(PAYLOAD_BYTES)
    const folder2 = await imageFolder('2.0.0', payload2)
    t.teardown(async () => await rm(folder2, { recursive: true, force: true }))
    const importedAt = Date.now() - 1000
    const v2 = await waitFor('node-0 to take an import', 60_000, async () => await a.client.importImage(await packImage(folder2)).catch(() => undefined), 500)
    // Its payload is new random bytes, so the chunks written since the import began are its own.
    const chunkDir = join(a.dataDir, 'images', 'chunks')
    const files: string[] = []
    for (const d of await readdir(chunkDir)) for (const f of await readdir(join(chunkDir, d))) files.push(join(chunkDir, d, f))
    const fresh = (await Promise.all(files.map(async f => ({ f, st: await stat(f) })))).filter(x => x.st.mtimeMs >= importedAt && x.st.size === 4 * 1024 * 1024)
    t.ok(fresh.length >= 3, `version 2's full chunks found on node-0 (${fresh.length})`)
    const victim = fresh[0]!
    const bytes = await readFile(victim.f)
    bytes[1234] = bytes[1234]! ^ 0xff
    await writeFile(victim.f, bytes)

    await b.client.apply(app('three', 'node-1', 'blob@2.0.0'))
    await waitFor('node-0 to find the rot and give up its claim', 60_000, async () => (await holders(b, 'blob@2.0.0')).length === 0 ? true : undefined, 250)
    const three = await waitFor('the fetch to fail', 90_000, async () => {
      const view = await b.client.app('three')
      return view.events.some(e => e.kind === 'image-fetch-failed') ? view : undefined
    }, 500)
    t.not(three.instanceList[0]?.ready, true, 'the instance does not run')
    t.pass('its events say the fetch failed')

    // The same bundle imported again: node-0 is whole again, and node-1's fetch goes through.
    const again = await a.client.importImage(await packImage(folder2))
    t.equal(again.image.digest, v2.image.digest)
    const served = await sumOf(b, 'three')
    t.same(served, { sum: createHash('sha256').update(payload2).digest('hex'), version: '2.0.0', node: 'node-1' }, 'runs intact after the repair')
    await b.client.deleteApp('three')
  })

  t.test('an applied app pins its image; deleting a used image is refused', async t => {
    await a.client.apply(app('pinned', 'node-0', 'blob@1.0.0'))
    t.equal((await sumOf(a, 'pinned')).version, '1.0.0')
    await t.rejects(a.client.deleteImage('blob@1.0.0'), { code: 'ERR_CONFLICT', message: /used by app pinned/ }, 'the app is named')
    const loose = app('loose', 'node-0')
    await a.client.apply(loose)
    t.equal((await sumOf(a, 'loose')).version, '2.0.0', 'a bare name runs the newest version')
    const payload3 = randomBytes(1024)
    const folder3 = await imageFolder('3.0.0', payload3)
    t.teardown(async () => await rm(folder3, { recursive: true, force: true }))
    await a.client.importImage(await packImage(folder3))
    await new Promise(resolve => setTimeout(resolve, 2000))
    t.equal((await sumOf(a, 'loose')).version, '2.0.0', 'importing a newer version changes nothing')
    t.equal((await a.client.apply(loose)).change, 'updated', 'applying again resolves the name anew')
    await waitFor('loose to run version 3', 60_000, async () => (await sumOf(a, 'loose')).version === '3.0.0' ? true : undefined, 500)
    await a.client.deleteApp('pinned')
    await a.client.deleteApp('loose')
    t.same(await a.client.deleteImage('blob@1.0.0'), { name: 'blob', version: '1.0.0', deleted: true })
  })
})
