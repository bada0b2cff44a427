/**
 * The web console in a real headless Chromium against a real 3-node grid:
 * log in, see three nodes, open the three-tier app's diagram, kill -9 the
 * node of one of its instances and watch that instance's node label change
 * on the page, apply a broken YAML and see the error at its line, and a
 * read-only token that cannot apply; cordon through a confirmation; a
 * console into an instance typed into, resized and exited; logout. Screenshots go to a temp dir (or to
 * $TRELLIS_CONSOLE_SHOTS, which is how docs/images/console-*.png are made).
 */
import t from 'tap'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { parseDocument } from 'yaml'
import { freePort, killNode, ROOT, startGrid, waitFor } from '../helpers/daemon.ts'
import { launchChromium, screenshotDir } from '../helpers/browser.ts'

/** The page's DOM as the functions handed to the browser use it (the project is type-checked without the DOM library). */
interface PageElement {
  textContent: string | null
  getAttribute (name: string): string | null
  querySelector (selector: string): PageElement | null
}
declare const document: {
  querySelector (selector: string): PageElement | null
  querySelectorAll (selector: string): Iterable<PageElement> & { length: number }
}
declare function getComputedStyle (element: PageElement): { color: string }

/** Waits on the page; the machine may be busy, so generous. */
const PAGE_WAIT_MS = 60_000

const { nodes } = await startGrid(fn => t.teardown(fn), 3)
const port = await freePort()
const doc = parseDocument(readFileSync(join(ROOT, 'examples', 'three-tier.yaml'), 'utf8'))
doc.setIn(['entries', 'http', 'port'], port)
for (const d of nodes) await waitFor('three voters', 60_000, async () => (await d.client.raft()).peers.filter(p => p.suffrage === 'voter').length === 3 ? true : undefined, 250)
await nodes[0]!.client.apply(doc.toString())
const placed = await waitFor('three-tier healthy and placed', 90_000, async () => {
  const a = await nodes[0]!.client.app('three-tier')
  return a.status === 'healthy' && a.events.some(e => e.kind === 'placed') ? a : undefined
}, 250)
// The node to kill runs a web instance but not the db: this is about the page following
// a move, and a db's move with its volume is the volume tests' business. The page is
// served by another node (node-0 unless it is the one).
const dbNode = placed.instanceList.find(i => i.component === 'db')!.nodeName
const victim = placed.instanceList.find(i => i.component === 'web' && i.nodeName !== dbNode)!
const victimNode = nodes.find((_, i) => `node-${i}` === victim.nodeName)!
const home = nodes.find(d => d !== victimNode)!
const url = home.client.url
const adminToken = readFileSync(join(home.dataDir, 'admin.token'), 'utf8').trim()

const shots = await screenshotDir(fn => t.teardown(fn), 'trellis-console-shots')
const browser = await launchChromium(fn => t.teardown(fn))

/** Uncaught errors in the page's scripts: a bug even when every step passed. */
const pageErrors: string[] = []

/** Each page's requests not yet answered, to say what a page that stopped changing waits for. */
const pending = new Map<Page, Set<string>>()
/** What went wrong on each page that an unanswered request would not show: failed requests, answers ≥ 400, console errors, script errors. */
const troubles = new Map<Page, string[]>()

/**
 * Waits on the page; past PAGE_WAIT_MS, fails saying what the page still
 * waits for, whether its node answers a new connection now, and the end of
 * the node's log (a flake under the whole suite's load left only a timeout).
 */
async function pageWait (page: Page, what: string, wait: () => Promise<unknown>): Promise<void> {
  try {
    await wait()
  } catch (err) {
    const probe = await fetch(`${url}/v1/session`, { signal: AbortSignal.timeout(5_000) }).then(r => `HTTP ${r.status}`, (e: Error) => e.message)
    // The page as it stands: whether its scripts ran as far as showing the login box or the top bar.
    const dom = await page.evaluate(() => ({
      readyState: (document as unknown as { readyState: string }).readyState,
      login: document.querySelector('#login')?.getAttribute('hidden') === null ? 'shown' : 'hidden',
      top: document.querySelector('#top')?.getAttribute('hidden') === null ? 'shown' : 'hidden',
      loginError: document.querySelector('#login-error')?.textContent ?? null
    }), undefined).catch((e: Error) => `not readable: ${e.message}`)
    throw new Error([
      `${what}: ${(err as Error).message.split('\n')[0] ?? ''}`,
      `the page's requests still unanswered: ${JSON.stringify([...pending.get(page) ?? []])}`,
      `what went wrong on the page: ${JSON.stringify(troubles.get(page) ?? [])}`,
      `the page now: ${JSON.stringify(dom)}`,
      `a fresh GET /v1/session from the test: ${probe}`,
      `the page's node's log:\n${home.logTail(40)}`
    ].join('\n'))
  }
}

/** A fresh browser context (no cookies) logged in with a token. */
async function loggedIn (token: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 860 } })
  const page = await context.newPage()
  page.setDefaultTimeout(PAGE_WAIT_MS)
  page.on('pageerror', err => { pageErrors.push(err.message) })
  const open = new Set<string>()
  pending.set(page, open)
  const trouble: string[] = []
  troubles.set(page, trouble)
  page.on('request', r => { open.add(`${r.method()} ${r.url()}`) })
  page.on('requestfinished', r => { open.delete(`${r.method()} ${r.url()}`) })
  page.on('requestfailed', r => { open.delete(`${r.method()} ${r.url()}`); trouble.push(`failed: ${r.method()} ${r.url()} (${r.failure()?.errorText ?? '?'})`) })
  page.on('response', r => { if (r.status() >= 400) trouble.push(`${r.status()}: ${r.request().method()} ${r.url()}`) })
  page.on('console', m => { if (m.type() === 'error' || m.type() === 'warning') trouble.push(`console ${m.type()}: ${m.text()}`) })
  page.on('pageerror', err => { trouble.push(`script error: ${err.message}`) })
  t.teardown(() => context.close())
  await page.goto(`${url}/`)
  await pageWait(page, 'no login form', () => page.waitForSelector('#login-form input[name=token]', { state: 'visible' }))
  await page.fill('#login-form input[name=token]', token)
  await page.click('#login-form button[type=submit]')
  await page.waitForSelector('#top:not([hidden])')
  return page
}

const viewer = await home.client.createToken('viewer', 'read-only')
const page = await loggedIn(adminToken)

t.test('log in with the admin token: a session cookie, and three nodes on the grid map', async t => {
  const cookies = await page.context().cookies()
  t.equal(cookies.length, 1, 'one cookie')
  t.match(cookies[0], { httpOnly: true, sameSite: 'Strict', name: /^trellis_session_/ })
  t.not(cookies[0]!.value, adminToken, 'the cookie is not the token')
  t.notMatch(page.url(), adminToken, 'no token in the URL')
  await page.waitForFunction(() => {
    const cards = [...document.querySelectorAll('#nodes [data-node]')]
    return cards.length === 3 && cards.every(c => c.querySelector('.badge.state')?.textContent === 'up')
  })
  const names = await page.$$eval('#nodes [data-node]', cards => cards.map(c => c.getAttribute('data-node')))
  t.same(names, ['node-0', 'node-1', 'node-2'])
  await page.waitForSelector('#nodes .badge.leader')
  t.equal(await page.locator('#nodes [data-node] .meter').count() >= 9, true, 'CPU, memory and disk for each node')
  await page.screenshot({ path: join(shots, 'console-grid.png') })
})

t.test('cordon and uncordon a node from its card, through the confirmation', async t => {
  const card = page.locator('#nodes [data-node="node-0"]')
  await card.locator('button[data-action=cordon]').click()
  await page.locator('#dialog button[data-role=cancel]').click()
  t.equal((await home.client.nodes()).find(n => n.name === 'node-0')?.admin, undefined, 'cancelled: nothing changed')
  await card.locator('button[data-action=cordon]').click()
  await page.locator('#dialog button[data-role=confirm]').click()
  await card.locator('.badge.admin.cordoned').waitFor()
  t.equal((await home.client.nodes()).find(n => n.name === 'node-0')?.admin, 'cordoned', 'committed')
  await card.locator('button[data-action=uncordon]').click()
  await page.locator('#dialog button[data-role=confirm]').click()
  await card.locator('.badge.admin').waitFor({ state: 'detached' })
  t.equal((await home.client.nodes()).find(n => n.name === 'node-0')?.admin, undefined, 'uncordoned')
})

t.test('a console into a process instance on another node: typed into, resized, exited', async t => {
  const homeName = `node-${nodes.indexOf(home)}`
  // Another node than the page's, so the bytes cross the mesh.
  const target = placed.instanceList.find(i => i.nodeName !== homeName && i.id !== victim.id) ?? placed.instanceList.find(i => i.nodeName !== homeName)!
  await page.goto(`${url}/#/apps/three-tier`)
  await page.locator(`#instances tr[data-instance="${target.id}"] button[data-action=console]`).click()
  const panel = page.locator(`#terminal[data-instance="${target.id}"]`)
  await panel.and(page.locator('[data-state=open]')).waitFor()
  t.match(await panel.locator('.where').textContent(), target.nodeName!, 'the panel says where the instance runs')
  // The shell's prompt first: keys typed before it are echoed twice (by the terminal's line discipline, then by the shell).
  await page.waitForFunction(() => (document.querySelector('#terminal .xterm-rows')?.textContent ?? '').trim() !== '')

  /** Types a line into the terminal and waits for the output matching `pattern`, which the typed line itself does not. */
  const run = async (line: string, pattern: RegExp): Promise<RegExpMatchArray> => {
    await panel.locator('.xterm').click()
    await page.keyboard.type(line)
    await page.keyboard.press('Enter')
    const found = await page.waitForFunction(p => new RegExp(p).exec(document.querySelector('#terminal .xterm-rows')?.textContent ?? '')?.slice(0), pattern.source, { timeout: 20_000 })
    return await found.jsonValue() as RegExpMatchArray
  }
  t.ok(await run('echo hello-$((6*7))', /hello-42/), 'the shell ran what was typed: hello-42')
  t.equal(await panel.locator('.xterm-rows').evaluate(e => getComputedStyle(e as unknown as PageElement).color), 'rgb(227, 235, 230)', 'xterm\'s own styles apply under the page\'s content security policy')
  await page.screenshot({ path: join(shots, 'console-terminal.png') })

  const [, rows, cols] = await run('echo size-$(stty size | tr " " x)-end', /size-(\d+)x(\d+)-end/)
  t.not(`${rows}x${cols}`, '24x80', `the terminal's size reached the shell: ${rows}x${cols}`)
  await page.setViewportSize({ width: 1000, height: 700 })
  const [, rows2, cols2] = await run('echo resized-$(stty size | tr " " x)-$((1+1))', /resized-(\d+)x(\d+)-2/)
  t.ok(Number(rows2) < Number(rows) && Number(cols2) < Number(cols), `a smaller window: ${rows2}x${cols2} after ${rows}x${cols}`)
  await page.setViewportSize({ width: 1400, height: 860 })

  await panel.locator('.xterm').click()
  await page.keyboard.type('exit 3')
  await page.keyboard.press('Enter')
  await panel.and(page.locator('[data-state=ended]')).waitFor()
  t.match(await panel.locator('.status').textContent(), /exited with code 3/, 'the end of the session is said, with the shell\'s code')
  await panel.locator('button[data-action=close-console]').click()
  t.equal(await page.locator('#terminal').count(), 0, 'closed')
})

t.test('the three-tier diagram, and an instance that moves on the page when its node is killed', async t => {
  await page.goto(`${url}/#/apps/three-tier`)
  await page.waitForFunction(() => document.querySelectorAll('#diagram g.component').length === 3 &&
    document.querySelectorAll('#diagram g.instance').length === 4 &&
    [...document.querySelectorAll('#diagram g.instance')].every(i => i.getAttribute('data-health') === 'ok'))
  t.equal(await page.locator('#diagram g.entry[data-entry=http]').count(), 1, 'the entry is drawn')
  t.equal(await page.locator('#diagram path.edge').count(), 3, 'entry → lb → web → db')
  t.equal(await page.locator('#diagram g[data-component=lb] g.port.out[data-terminal=backend]').count(), 1, 'terminals are ports')
  await page.waitForSelector('#events li.kind-placed')
  await page.screenshot({ path: join(shots, 'console-app.png') })

  const before = await page.locator(`#diagram g.instance[data-instance="${victim.id}"] .inode`).textContent()
  t.equal(before, victim.nodeName, `the page shows ${victim.id} on ${victim.nodeName}`)
  await victimNode.crash()
  const after = await page.waitForFunction(([id, from]) => {
    const row = document.querySelector(`#diagram g.instance[data-instance="${id}"]`)
    const on = row?.querySelector('.inode')?.textContent
    return row?.getAttribute('data-health') === 'ok' && on !== from ? on : undefined
  }, [victim.id, victim.nodeName] as const, { timeout: 120_000 }).catch(async (err: unknown) => {
    // Say whether the grid did not heal or the page did not follow it.
    const now = await home.client.app('three-tier').catch((e: Error) => e.message)
    const states = await home.client.nodes().then(ns => ns.map(n => `${n.name} ${n.state}`).join(', '), (e: Error) => e.message)
    const rows = await page.locator('#diagram g.instance').allTextContents().catch(() => [])
    throw new Error([
      `${victim.id} did not move on the page: ${(err as Error).message}`,
      `the API says: ${typeof now === 'string' ? now : JSON.stringify(now.instanceList.map(i => [i.id, i.nodeName, i.state, i.health]))}`,
      `its events: ${typeof now === 'string' ? '' : JSON.stringify(now.events.slice(-40).map(e => `${e.kind} ${e.instance} ${e.detail}`))}`,
      `the nodes: ${states}`,
      `the page says: ${JSON.stringify(rows)}; its freshness: ${await page.locator('#live').getAttribute('title').catch(() => '?') ?? ''}`,
      `the page's node's log:\n${home.logTail(40)}`
    ].join('\n'))
  })
  const moved = await after.jsonValue()
  t.not(moved, victim.nodeName, `${victim.id} now shows ${moved ?? ''}`)
  await page.waitForSelector(`#events li.kind-moved`)
  await page.screenshot({ path: join(shots, 'console-app-moved.png') })
})

t.test('a broken YAML: the error marked at its line, and no apply', async t => {
  await page.goto(`${url}/#/apply`)
  const broken = [
    'name: broken', // 1
    'components:', // 2
    '  db:', // 3
    '    image: db', // 4
    '    volumes:', // 5
    '      data: { size: 1Gi }', // 6
    '  cache:', // 7
    '    image: no-such-image', // 8
    ''
  ].join('\n')
  await page.fill('#yaml', broken)
  await page.waitForSelector('#gutter [data-line="8"].error')
  t.match(await page.locator('#issues li[data-line="8"]').textContent(), /line 8, column \d+.*components\.cache\.image/)
  t.equal(await page.locator('#issues li').count(), 1, 'one issue')
  t.equal(await page.locator('#gutter .error').count(), 1, 'marked at its line only')
  t.equal(await page.locator('#apply').isDisabled(), true, 'apply waits for a valid app')
  await page.screenshot({ path: join(shots, 'console-apply.png') })
  t.equal((await home.client.apps()).some(a => a.name === 'broken'), false, 'nothing applied')
})

/** A valid app on its own. */
const STAGING = 'name: staging\ncomponents:\n  db:\n    image: db\n    volumes:\n      data: { size: 1Gi }\n'

t.test('a read-only token: no write controls, the node refuses its writes; logout', async t => {
  const reader = await loggedIn(viewer.token)
  t.equal(await reader.locator('#whoami .badge.role').textContent(), 'read-only')
  await reader.waitForSelector('#nodes [data-node]')
  t.equal(await reader.locator('#nodes button[data-action]').first().isVisible(), false, 'no cordon or drain')
  await reader.goto(`${url}/#/apply`)
  await reader.waitForSelector('#read-only-note')
  await reader.fill('#yaml', STAGING)
  await reader.waitForFunction(() => document.querySelector('#verdict')?.textContent === 'valid')
  t.equal(await reader.locator('#apply').isVisible(), false, 'no apply button')
  // Past the page: the session itself cannot write, whatever a script sends.
  const answer = await reader.evaluate(async (body) => {
    const session = await (await fetch('/v1/session')).json() as { csrf: string }
    const r = await fetch('/v1/apps', { method: 'PUT', headers: { 'x-trellis-csrf': session.csrf }, body })
    return { status: r.status, code: (await r.json() as { error?: { code: string } }).error?.code }
  }, STAGING)
  t.same(answer, { status: 403, code: 'ERR_FORBIDDEN' })
  t.equal((await home.client.apps()).some(a => a.name === 'staging'), false, 'nothing applied')
  await reader.click('#logout')
  await reader.waitForSelector('#login:not([hidden])')
  t.equal(await reader.evaluate(async () => (await fetch('/v1/apps')).status), 401, 'logged out: the cookie opens nothing')
})

t.test('cut off from the quorum, the page says it shows what its node last knew', async t => {
  await page.goto(`${url}/#/apps`)
  await page.waitForSelector('#live:not(.stale)')
  t.equal(await page.locator('#island').isVisible(), false, 'no note while the grid has its quorum')
  // The node serving the page becomes an island: every other node dies.
  for (const d of nodes.filter(d => d !== home && d.process.exitCode === null && d.process.signalCode === null)) await killNode(d)
  await pageWait(page, 'no island note', () => page.waitForSelector('#island:not([hidden])'))
  t.match(await page.locator('#island').getAttribute('title'), /^no quorum/, 'the note gives the node\'s reason')
  t.match(await page.locator('#live').getAttribute('title'), /^as this node last knew it: no quorum/)
  t.equal(await page.locator('tr[data-app=three-tier]').count(), 1, 'the apps it knew are still listed')
  await page.screenshot({ path: join(shots, 'console-island.png') })
})

t.test('no script errors on any page', async t => {
  t.same(pageErrors, [])
})
