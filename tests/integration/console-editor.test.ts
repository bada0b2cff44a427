/**
 * The console's editor in a real headless Chromium against a real node:
 * draw a new app (two components from the catalog, an output connected to
 * an input by clicking the ports, a property and a volume's replicas set in
 * the form), see its YAML and what Apply would change, apply it and watch it
 * run; then open it again, change a property and see the diff; break a
 * connection in the text and see the node's error at its line; import an
 * image while the editor is open and find it in the catalog. A
 * screenshot goes to $TRELLIS_CONSOLE_SHOTS when set (docs/images/console-editor.png).
 */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { packImage } from '../../controller/catalog/index.ts'
import { ROOT, startGrid, waitFor } from '../helpers/daemon.ts'
import { launchChromium, screenshotDir } from '../helpers/browser.ts'

/** The page's DOM as the functions handed to the browser use it (the project is type-checked without the DOM library). */
interface PageElement {
  textContent: string | null
  value: string
  getAttribute (name: string): string | null
}
declare const document: {
  querySelector (selector: string): PageElement | null
  querySelectorAll (selector: string): Iterable<PageElement> & { length: number }
}

/** A small image the node does not bundle, imported while the editor is open. */
const IDLE_IMAGE = join(ROOT, 'tests', 'fixtures', 'images', 'idle')

/** Waits on the page; the machine may be busy, so generous. */
const PAGE_WAIT_MS = 60_000

const { nodes } = await startGrid(fn => t.teardown(fn), 1)
const node = nodes[0]!
// The seed images (bundled at start) first: an editor opened before them offers web and db as example kinds
// the grid lacks (no properties, marked absent) until its next look at the catalog, up to 3 s later.
await waitFor('the seed images web and db in the catalog', 60_000, async () => {
  const names = new Set((await node.client.images()).map(i => i.name))
  return names.has('web') && names.has('db') ? true : undefined
}, 250)
const url = node.client.url
const adminToken = readFileSync(join(node.dataDir, 'admin.token'), 'utf8').trim()

const shots = await screenshotDir(fn => t.teardown(fn), 'trellis-editor-shots')
const browser = await launchChromium(fn => t.teardown(fn))
const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } })
t.teardown(() => context.close())
const page = await context.newPage()
page.setDefaultTimeout(PAGE_WAIT_MS)
/** Uncaught errors in the page's scripts: a bug even when every step passed. */
const pageErrors: string[] = []
page.on('pageerror', err => { pageErrors.push(err.message) })
/** Requests the node refused or failed after login (the session probe before it is expected to answer 401). */
const failedRequests: string[] = []
page.on('response', r => { if (r.status() >= 400 && !r.url().endsWith('/v1/session')) failedRequests.push(`${r.status()} ${r.url()}`) })
page.on('requestfailed', r => { failedRequests.push(`${r.failure()?.errorText ?? 'failed'} ${r.url()}`) })
await page.goto(`${url}/`)
await page.fill('#login-form input[name=token]', adminToken)
await page.click('#login-form button[type=submit]')
await page.waitForSelector('#top:not([hidden])')

/** The YAML the editor shows. */
const yamlText = async (): Promise<string> => await page.locator('#yaml').inputValue()

t.test('draw a new app from the catalog, connect it, set its properties, see the YAML and the diff, apply it and see it run', async t => {
  await page.goto(`${url}/#/apps`)
  await page.click('a[data-action=new]')
  await page.waitForSelector('#catalog [data-add=web]').catch(async (err: unknown) => {
    // Seen once under load and not since: say what the page showed and what it could not load.
    throw new Error(`no catalog: the page says ${JSON.stringify(await page.locator('#edit-status').textContent())}; failed requests ${JSON.stringify(failedRequests)}; script errors ${JSON.stringify(pageErrors)}`, { cause: err })
  })
  t.ok(await page.locator('#catalog li[data-kind=postgres].absent').count() === 1, 'the examples\' kinds the grid lacks are offered, marked')

  await page.click('#catalog button[data-add=web]')
  await page.click('#catalog button[data-add=db]')
  await page.waitForFunction(() => document.querySelectorAll('#edit-diagram g.component').length === 2)
  t.match(await yamlText(), /components:\n {2}web:\n {4}image: web\n {2}db:\n {4}image: db\n {4}volumes:\n {6}data:\n {8}size: 1Gi\n/, 'the YAML follows, with the volume db requires')
  // web's db output is mandatory: the node says so, at its line.
  await page.waitForSelector('#issues li[data-code=ERR_MANDATORY_OUTPUT]')
  t.equal(await page.locator('#apply').isDisabled(), true, 'no apply while invalid')

  // Connect by clicking the ports: web's output db, then db's input http.
  await page.click('#edit-diagram g[data-component=web] g.port.out[data-terminal=db] rect')
  await page.click('#edit-diagram g[data-component=db] g.port.in[data-terminal=http] rect')
  await page.waitForSelector('#edit-diagram path.edge[data-edge="p/web/db->p/db/http"]', { state: 'attached' })
  t.match(await yamlText(), /web:\n {4}image: web\n {4}connections:\n {6}db: db\.http\n/)

  await page.fill('#app-name', 'drawn')
  await page.press('#app-name', 'Tab')
  // The db was selected when added; set its volume's replicas (one node here).
  await page.fill('#inspector input[name="volumes.data.replicas"]', '1')
  await page.press('#inspector input[name="volumes.data.replicas"]', 'Tab')
  await page.click('#edit-diagram g[data-component=web] text.name')
  await page.fill('#inspector input[name="properties.title"]', 'Drawn by hand')
  await page.press('#inspector input[name="properties.title"]', 'Tab')
  await page.waitForFunction(() => document.querySelector('#verdict')?.textContent === 'valid')
  const text = await yamlText()
  t.match(text, /^name: drawn\n/)
  t.match(text, /title: Drawn by hand/)
  t.match(text, /replicas: 1/)
  await page.waitForFunction(() => document.querySelector('#diff .diff-summary')?.textContent?.startsWith('creates drawn') === true)
  t.match(await page.locator('#diff .diff-summary').textContent(), /starts web, db/)
  await page.screenshot({ path: join(shots, 'console-editor.png') })

  // Enabled once the page has its diff and verdict; under load a moment after the summary shows (red once in CI).
  await page.waitForFunction(() => (document.querySelector('#apply') as { disabled?: boolean } | null)?.disabled === false)
  t.equal(await page.locator('#apply').isDisabled(), false)
  await page.click('#apply')
  await page.locator('#dialog').getByText('creates drawn').waitFor()
  await page.click('#dialog button[data-role=confirm]')
  await page.waitForURL(/#\/apps\/drawn$/)
  await page.waitForFunction(() => document.querySelectorAll('#diagram g.instance').length === 2 &&
    [...document.querySelectorAll('#diagram g.instance')].every(i => i.getAttribute('data-health') === 'ok'), undefined, { timeout: 120_000 })
  const app = await node.client.app('drawn')
  t.equal(app.status, 'healthy')
  t.same(app.graph.connections, [{ from: 'web', output: 'db', to: 'db', input: 'http' }])
  t.equal(app.source, text, 'the grid runs the YAML the editor wrote')
})

t.test('edit the running app: a property changed in the form shows as a change; a connection to an unknown terminal shows the node\'s error at its line', async t => {
  await page.click('a[data-action=edit]')
  await page.waitForURL(/#\/edit\/drawn$/)
  await page.waitForFunction(() => document.querySelectorAll('#edit-diagram g.component').length === 2)
  await page.waitForFunction(() => document.querySelector('#diff .diff-summary')?.textContent === 'no changes to drawn')
  t.equal(await page.locator('#apply').isDisabled(), true, 'nothing to apply')

  await page.click('#edit-diagram g[data-component=web] text.name')
  await page.fill('#inspector input[name="properties.title"]', 'Redrawn')
  await page.press('#inspector input[name="properties.title"]', 'Tab')
  await page.waitForSelector('#diff ul.diff li.changed[data-path="components.web.properties.title"]')
  t.match(await page.locator('#diff ul.diff li.changed').textContent(), /"Drawn by hand" → "Redrawn"/)
  t.match(await page.locator('#diff .diff-summary').textContent(), /restarts web/)

  const broken = (await yamlText()).replace('db: db.http', 'db: db.nosuch')
  const line = broken.split('\n').findIndex(l => l.includes('db.nosuch')) + 1
  await page.fill('#yaml', broken)
  await page.waitForSelector(`#issues li[data-code=ERR_UNKNOWN_TERMINAL][data-line="${line}"]`)
  t.ok(await page.locator(`#gutter [data-line="${line}"].error`).count() === 1, `marked at line ${line}`)
  t.equal(await page.locator('#apply').isDisabled(), true, 'no apply while invalid')
  // The drawing follows the text: the wrong input is drawn where the node points.
  await page.waitForSelector('#edit-diagram g[data-component=db] g.port.in[data-terminal=nosuch]', { state: 'attached' })
  await page.screenshot({ path: join(shots, 'console-editor-error.png') })
  t.equal((await node.client.app('drawn')).graph.connections[0]?.input, 'http', 'nothing applied')
})

t.test('an image imported while the editor is open joins its catalog, and what was drawn stays', async t => {
  await page.goto(`${url}/#/apps`)
  await page.click('a[data-action=new]')
  await page.waitForSelector('#catalog [data-add=web]')
  t.equal(await page.locator('#catalog [data-add=idle]').count(), 0, 'no idle image before the import')
  await page.click('#catalog button[data-add=web]')
  await page.waitForFunction(() => document.querySelectorAll('#edit-diagram g.component').length === 1)
  const drawn = await yamlText()
  // The operator is typing in the form when the catalog changes: what the field holds stays.
  await page.click('#edit-diagram g[data-component=web] text.name')
  await page.fill('#inspector input[name="properties.title"]', 'Half typed')

  const imported = await node.client.importImage(await packImage(IDLE_IMAGE))
  t.equal(imported.change, 'created')
  await page.waitForSelector('#catalog li[data-kind=idle]:not(.absent) button[data-add=idle]')
  t.equal(await yamlText(), drawn, 'the YAML is as it was')
  t.equal(await page.locator('#inspector input[name="properties.title"]').inputValue(), 'Half typed', 'the field being typed in keeps its text')
  await page.press('#inspector input[name="properties.title"]', 'Tab')
  await page.waitForFunction(() => (document.querySelector('#yaml')?.value ?? '').includes('Half typed'))
  await page.click('#catalog button[data-add=idle]')
  await page.waitForFunction(() => document.querySelectorAll('#edit-diagram g.component').length === 2)
  t.match(await yamlText(), /\n {2}idle:\n {4}image: idle\n/, 'the new image is added like any other')
  t.match(await yamlText(), /title: Half typed/, 'and the property typed meanwhile is in the YAML')
})

t.test('no script errors on any page, and every request answered', async t => {
  t.same(pageErrors, [])
  t.same(failedRequests, [])
})

