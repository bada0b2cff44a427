/**
 * Node killed → a database instance with its volume serving again: on a grid
 * of three real daemons running lb → web ×2 → db, where the db has a volume
 * replicated on two nodes, kill the node running the db (its daemon, its
 * instances and its mounts, as a machine dying would) while notes are being
 * written through the entries of the two surviving nodes, and time, from the
 * kill, (a) every survivor seeing the node down — the baseline: detection
 * alone, measured in the same kill —, (b) the db ready on another node (the
 * in-sync replica's), and (c) a note POSTed after the kill acknowledged.
 * Then check that every note ever acknowledged is stored, restart the node,
 * time until its replica is caught up (the volume healthy with it in sync
 * again; `--replica-replace` is set far beyond a round so that it is caught
 * up rather than replaced), and repeat: the db alternates between the two
 * volume nodes. The lb is pinned to the third node, which holds no replica,
 * so the db never runs there and it is never killed. (Replica placement does
 * not follow the db's constraints — a `name != node-0` on the db still got a
 * replica on node-0 —, so the lb's node is chosen after the volume's.)
 * Between kills it waits until every instance has run the supervisor's stable
 * period, and it works around an agent bug on the restarted node (see below);
 * docs/benchmarks.md has the figures and why.
 * `npm run bench -- db-heal` (env BENCH_KILLS, default 8)
 */
import { copyFileSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { cleanup, quantile, summary } from './stats.ts'
import { freePort, startGrid, taggedPids, waitFor, type TestDaemon } from '../helpers/daemon.ts'
import { releaseMounts } from '../helpers/mounts.ts'
import { detectorPreset } from '../../daemon/membership/index.ts'
import { STATEFUL_GRACE_MS } from '../../controller/reconciler/index.ts'
import { STABLE_PERIOD_MS } from '../../daemon/runtime/policy.ts'

const KILLS = Number(process.env.BENCH_KILLS ?? 8)
const NODES = 3
const POLL_MS = 25 // between probes of one condition
const WRITE_GAP_MS = 100 // a writer's pause after an acknowledged note; after a failed one it retries after POLL_MS
const REQUEST_TIMEOUT_MS = 3000
const BEFORE_KILL = 20 // notes acknowledged in a round before the kill
const AFTER_HEAL = 10 // notes acknowledged after the kill before the round's writing stops
const REPLICA_REPLACE_MS = 600_000 // far beyond a round: the returning replica is caught up, never replaced
const APP = 'db-heal-bench'
const VOLUME = `${APP}.db.data`
const NOTES_SHOWN = 100 // GET /api/notes lists the newest 100 (images/web/notes.ts)
const LIST_MAX = 1000 // the db's largest listing (images/db/api.ts)

process.stdout.write(`detector lan: ${JSON.stringify(detectorPreset('lan'))}; stateful grace ${STATEFUL_GRACE_MS} ms\n`)

/** The lb is pinned to `lbNode`, which is never killed; the db goes where its volume's replicas are. */
function appYaml (port: number, lbNode: string): string {
  return `name: ${APP}
components:
  lb:
    image: lb
    constraints: ["name == ${lbNode}"]
    connections:
      backend: web.http
  web:
    image: web
    count: 2
    antiAffinity: true
    connections:
      db: db.http
  db:
    image: db
    volumes:
      data: { size: 64Mi, replicas: 2 }
entries:
  http:
    port: ${port}
    to: lb.http
`
}

const sleep = async (ms: number): Promise<void> => { await new Promise(r => setTimeout(r, ms)) }
const alive = (d: TestDaemon): boolean => d.process.exitCode === null && d.process.signalCode === null

async function allUp (nodes: TestDaemon[]): Promise<void> {
  await Promise.all(nodes.map(async d => await waitFor(`${NODES} up`, 120_000, async () =>
    (await d.client.nodes()).filter(n => n.state === 'up').length === NODES ? true : undefined, 100)))
}

let port = 0

async function postNote (host: string, text: string): Promise<boolean> {
  const r = await fetch(`http://${host}:${port}/api/notes`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text }), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS)
  }).catch(() => undefined)
  await r?.text().catch(() => {})
  return r?.status === 201
}

/** The newest notes' texts, through the app (web → db). */
async function listedNotes (host: string): Promise<string[]> {
  const r = await fetch(`http://${host}:${port}/api/notes`, { signal: AbortSignal.timeout(5000) })
  if (r.status !== 200) throw new Error(`GET /api/notes: ${r.status}`)
  return ((await r.json()) as Array<{ text: string }>).map(n => n.text)
}

/**
 * Every note's text, straight from the db's own listing (at most 1000 a call,
 * and by prefix only: a full prefix is split on the next character of the
 * note ids, which are digits, hex and '-').
 */
async function storedNotes (dbAddress: string, prefix = 'note/'): Promise<string[]> {
  const r = await fetch(`http://${dbAddress}/kv?prefix=${encodeURIComponent(prefix)}&limit=${LIST_MAX}`, { signal: AbortSignal.timeout(10_000) })
  if (r.status !== 200) throw new Error(`db GET /kv: ${r.status}`)
  const entries = (await r.json()) as Array<{ key: string, value: string }>
  if (entries.length < LIST_MAX) return entries.map(e => (JSON.parse(e.value) as { text: string }).text)
  const out: string[] = []
  for (const ch of '0123456789abcdef-') out.push(...await storedNotes(dbAddress, prefix + ch))
  return out
}

interface Ack { text: string, sent: number, at: number }

/** One writer per host, each POSTing notes one at a time; `acked` fills as they are acknowledged. */
function startWriters (hosts: string[], round: number): { acked: Ack[], stop: () => Promise<void> } {
  const acked: Ack[] = []
  let on = true
  const loops = hosts.map(async (host, w) => {
    for (let i = 0; on; i++) {
      const text = `r${round}-w${w}-${i}`
      const sent = performance.now()
      if (await postNote(host, text)) {
        acked.push({ text, sent, at: performance.now() })
        await sleep(WRITE_GAP_MS)
      } else await sleep(POLL_MS)
    }
  })
  return { acked, stop: async () => { on = false; await Promise.all(loops) } }
}

const logSize = (d: TestDaemon): number => { try { return statSync(join(d.dataDir, 'trellisd.log')).size } catch { return 0 } }
const readLog = (d: TestDaemon, from: number): string => { try { return readFileSync(join(d.dataDir, 'trellisd.log')).subarray(from).toString('utf8') } catch { return '' } }

/** What the survivors say, printed before a failure's cleanup removes their data dirs. */
async function diagnose (survivors: TestDaemon[]): Promise<void> {
  for (const d of survivors) {
    try {
      const a = await d.client.app(APP)
      process.stdout.write(`-- as ${(await d.client.node()).name} sees it: volume ${JSON.stringify(await d.client.volume(VOLUME))}\n` +
        `instances ${JSON.stringify(a.instanceList.map(i => ({ id: i.id, node: i.nodeName ?? i.node, state: i.state, health: i.health })))}\n` +
        `events\n${a.events.slice(-15).map(e => `  ${new Date(e.at).toISOString()} ${e.instance} ${e.kind} ${e.detail}`).join('\n')}\n`)
    } catch (err) { process.stdout.write(`-- no answer: ${(err as Error).message}\n`) }
  }
  // The data dirs go with the cleanup: keep every node's log.
  const keep = mkdtempSync(join(tmpdir(), 'db-heal-logs-'))
  for (const d of allNodes) { try { copyFileSync(join(d.dataDir, 'trellisd.log'), join(keep, `node-${allNodes.indexOf(d)}.log`)) } catch {} }
  process.stdout.write(`-- daemon logs kept in ${keep}\n`)
}

const c = cleanup()
const detection: number[] = []
const ready: number[] = []
const healed: number[] = []
const catchUp: number[] = []
const apiUps: number[] = []
let ghostRestarts = 0
const settleMs: number[] = []
const lostPerRound: number[] = []
let totalAcked = 0
let stopWriting: (() => Promise<void>) | undefined
let allNodes: TestDaemon[] = []
try {
  const { nodes } = await startGrid(c.add, NODES, ['--profile', 'lan', '--replica-replace', String(REPLICA_REPLACE_MS)])
  allNodes = nodes
  await allUp(nodes)
  for (const d of nodes) await waitFor('voters', 60_000, async () => (await d.client.raft()).peers.filter(p => p.suffrage === 'voter').length >= 3 ? true : undefined, 250)
  port = await freePort()
  const ids = await Promise.all(nodes.map(async d => (await d.client.node()).id))
  const entryHost = (d: TestDaemon): string => `127.0.0.${10 + nodes.indexOf(d)}`
  const nameOf = (id: string): string => `node-${ids.indexOf(id)}`
  await nodes[0]!.client.apply(appYaml(port, 'node-0'))

  const appHealthy = async (on: TestDaemon): Promise<void> => {
    await waitFor(`${APP} healthy`, 120_000, async () => {
      const app = await on.client.app(APP)
      return app.status === 'healthy' && app.instanceList.every(i => i.ready) ? true : undefined
    }, 100)
  }
  /** The volume with both replicas in sync on live nodes. */
  const volumeWhole = async (on: TestDaemon, timeoutMs: number) => await waitFor(`${VOLUME} healthy`, timeoutMs, async () => {
    const v = await on.client.volume(VOLUME)
    return v.state === 'healthy' && v.members.length === 2 && v.members.every(m => m.inSync && m.node === 'up') ? v : undefined
  }, POLL_MS)

  await appHealthy(nodes[0]!)
  const first = await volumeWhole(nodes[0]!, 120_000)
  const members = first.members.map(m => nameOf(m.id)).sort()
  // The lb goes on the node without a replica: the db never runs there, so it is never killed.
  const lbNode = nodes.find(d => !first.members.some(m => m.id === ids[nodes.indexOf(d)]))!
  process.stdout.write(`volume ${VOLUME}: members ${members.join(', ')}, primary ${first.primary?.name ?? '-'}; lb pinned to ${nameOf(ids[nodes.indexOf(lbNode)]!)}\n`)
  if (lbNode !== nodes[0]) {
    await nodes[0]!.client.apply(appYaml(port, nameOf(ids[nodes.indexOf(lbNode)]!)))
    await waitFor('the lb moved', 120_000, async () => {
      const lb = (await lbNode.client.app(APP)).instanceList.find(i => i.component === 'lb')
      return lb?.node === ids[nodes.indexOf(lbNode)] && lb.ready ? true : undefined
    }, 100)
    await appHealthy(lbNode)
    await volumeWhole(lbNode, 120_000)
  }
  const acknowledged: string[] = [] // every note acknowledged, all rounds

  for (let k = 0; k < KILLS; k++) {
    const app = await lbNode.client.app(APP)
    const db = app.instanceList.find(i => i.component === 'db')!
    const victimId = db.node
    const victim = nodes[ids.indexOf(victimId)]!
    if (victim === lbNode) throw new Error('the db runs on the lb\'s node')
    const survivors = nodes.filter(d => d !== victim)
    const watcher = survivors.find(d => d !== lbNode)!
    const before = await watcher.client.volume(VOLUME)
    const wasLeader = (await watcher.client.raft()).leader === (await victim.client.raft()).id

    // Notes go in through the entries of both survivors: the lb's node's and the other's (across the mesh).
    const writers = startWriters(survivors.map(entryHost), k)
    stopWriting = writers.stop
    await waitFor('notes acknowledged before the kill', 30_000, () => writers.acked.length >= BEFORE_KILL ? true : undefined, POLL_MS)
    const pids = taggedPids(victim)

    // The whole node dies: its daemon, its instances and their mounts (released before and after, see volumes-grid.test.ts).
    const killed = performance.now()
    const killedAt = Date.now()
    await victim.crash()
    releaseMounts(victim.dataDir)
    for (const pid of pids) { try { process.kill(pid, 'SIGKILL') } catch {} }
    releaseMounts(victim.dataDir)
    const ackedAtKill = writers.acked.length

    const detected = Promise.all(survivors.map(async d => await waitFor('down', 60_000, async () =>
      (await d.client.nodes()).find(n => n.id === victimId)?.state === 'down' ? true : undefined, POLL_MS)))
      .then(() => performance.now() - killed)
    let readyAt: number | undefined
    let newNode = ''
    await waitFor('the db ready on another node', 120_000, async () => {
      const a = await watcher.client.app(APP)
      const d = a.instanceList.find(i => i.component === 'db')
      if (d === undefined || d.node === victimId || !d.ready) return undefined
      readyAt = performance.now() - killed
      newNode = d.node
      return true
    }, POLL_MS)
    const firstAck = await waitFor('a note acknowledged after the kill', 60_000, () => writers.acked.find(a => a.sent > killed), POLL_MS)
    const total = firstAck.at - killed
    const down = await detected
    await waitFor('more notes after the move', 60_000, () => writers.acked.filter(a => a.sent > killed).length >= AFTER_HEAL ? true : undefined, POLL_MS)
    await writers.stop()
    stopWriting = undefined
    acknowledged.push(...writers.acked.map(a => a.text))
    totalAcked += writers.acked.length

    // Every note ever acknowledged, from the db itself; and this round's through the app, where the newest 100 are listed.
    const dbNow = (await watcher.client.app(APP)).instanceList.find(i => i.component === 'db')!
    const dbAddress = dbNow.addresses.http
    if (dbAddress === undefined) throw new Error(`no http address for ${dbNow.id}: ${JSON.stringify(dbNow.addresses)}`)
    const stored = new Set(await storedNotes(dbAddress))
    const lost = acknowledged.filter(t => !stored.has(t))
    if (writers.acked.length <= NOTES_SHOWN) {
      const listed = new Set(await listedNotes(entryHost(watcher)))
      for (const a of writers.acked) if (!listed.has(a.text) && !lost.includes(a.text)) lost.push(a.text)
    }
    lostPerRound.push(lost.length)
    const after = await watcher.client.volume(VOLUME)
    // lb and web restarts between the kill and the heal: their health checks ask their backends, so the db's outage fails them.
    const frontRestarts = (await watcher.client.app(APP)).events
      .filter(e => e.at >= killedAt && e.at <= killedAt + total && !e.instance.includes('.db.') && e.kind === 'restarting').length

    detection.push(down)
    ready.push(readyAt!)
    healed.push(total)
    process.stdout.write(`kill ${k + 1}/${KILLS} ${nameOf(victimId)}${wasLeader ? ' (raft leader)' : ''} → db on ${nameOf(newNode)}: ` +
      `down everywhere ${down.toFixed(0)} ms, db ready elsewhere ${readyAt!.toFixed(0)} ms, note acknowledged ${total.toFixed(0)} ms; ` +
      `${writers.acked.length} notes this round (${ackedAtKill} before the kill), ${acknowledged.length} in all, ${lost.length} lost` +
      (lost.length > 0 ? ` (${lost.slice(0, 5).join(', ')})` : '') + `; ${frontRestarts} lb/web restarts meanwhile; generation ${before.generation} → ${after.generation}\n`)

    // The node comes back: its replica is caught up and the volume is whole again.
    const logFrom = logSize(victim)
    const restarted = performance.now()
    await victim.restart()
    const apiUp = performance.now() - restarted
    const whole = await volumeWhole(watcher, 300_000)
    const caughtUp = performance.now() - restarted
    if (!whole.members.some(m => m.id === victimId)) throw new Error(`${nameOf(victimId)}'s replica was replaced, not caught up`)
    apiUps.push(apiUp)
    catchUp.push(caughtUp)
    process.stdout.write(`  restart ${nameOf(victimId)}: API up ${apiUp.toFixed(0)} ms, its replica in sync again ${caughtUp.toFixed(0)} ms after the restart\n`)
    await allUp(nodes)
    await appHealthy(lbNode)
    if (k === KILLS - 1) break
    // The outage made the lb and web instances fail their health checks (they ask their backends) and be
    // restarted; a supervisor forgets those restarts only once an instance has run STABLE_PERIOD_MS. Kills
    // closer together would add up to a crash loop (back-off to 16 s, then given up), so the next one waits.
    const settled = performance.now()
    await waitFor('every instance up for the stable period', 300_000, async () => {
      const a = await lbNode.client.app(APP)
      return a.instanceList.every(i => i.ready && i.since !== undefined && Date.now() - i.since >= STABLE_PERIOD_MS + 1000) ? true : undefined
    }, 1000)
    settleMs.push(performance.now() - settled)
    // Known agent bug: restarted, a node first sets up the stateful instance it ran before the kill from its
    // stale state; the attach is refused (old generation), the set-up's undo fails (the supervisor no longer
    // has the instance), and the agent keeps a ghost of it, so every later reconcile fails and the instance is
    // never started there again — the next failover, back to this node, would never finish. Until it is fixed,
    // a second daemon restart (its state now current) clears the ghost; it is not part of any figure.
    const stuck = readLog(victim, logFrom).split('\n').filter(l => l.includes('"msg":"reconcile failed"'))
    if (stuck.length > 0) {
      ghostRestarts++
      process.stdout.write(`  ${nameOf(victimId)}'s agent is stuck (${stuck.length}× reconcile failed: ${/"message":"([^"]*)"/.exec(stuck[0]!)?.[1] ?? '?'}); restarting its daemon once more\n`)
      await victim.crash()
      await victim.restart()
      await allUp(nodes)
      await volumeWhole(watcher, 300_000)
      await appHealthy(lbNode)
    }
  }
} catch (err) {
  await diagnose(allNodes.filter(alive))
  throw err
} finally {
  await stopWriting?.().catch(() => {})
  await c.run()
}

if (healed.length > 0) {
  const lost = lostPerRound.reduce((a, b) => a + b, 0)
  const rest = healed.map((h, i) => h - detection[i]!)
  process.stdout.write(`\n${healed.length} kills, 3 real daemons, lb → web ×2 → db (64 MiB volume, 2 replicas), polled every ${POLL_MS} ms\n`)
  process.stdout.write(`baseline  detection (both survivors see down):   ${summary(detection, ' ms')}\n`)
  process.stdout.write(`          db ready on the other replica's node: ${summary(ready, ' ms')}\n`)
  process.stdout.write(`heal      a note acknowledged again:             ${summary(healed, ' ms')}\n`)
  process.stdout.write(`          heal − detection (grace ${STATEFUL_GRACE_MS} ms, attach, start, health): ${summary(rest, ' ms')}\n`)
  process.stdout.write(`catch-up  restart → its API up:                 ${summary(apiUps, ' ms')}\n`)
  process.stdout.write(`          restart → returning replica in sync:   ${summary(catchUp, ' ms')}\n`)
  if (settleMs.length > 0) process.stdout.write(`between kills, waited for every instance to be up ${STABLE_PERIOD_MS / 1000} s (the supervisor's stable period): ${summary(settleMs, ' ms')} after the app was healthy\n`)
  if (ghostRestarts > 0) process.stdout.write(`after ${ghostRestarts} of ${healed.length - 1} restarts the agent was stuck on a ghost of the moved db and its daemon was restarted once more (not timed)\n`)
  process.stdout.write(`lost acknowledged notes: ${lost} (checked after every round against all ${totalAcked} acknowledged); per round ${lostPerRound.join(' ')}\n`)
  process.stdout.write(`target p50 < 8000 ms: ${quantile(healed, 0.5) < 8000 ? 'met' : 'MISSED'} (p50 ${quantile(healed, 0.5).toFixed(0)} ms); no acknowledged write lost: ${lost === 0 ? 'met' : 'MISSED'}; ` +
    `detection is ${(100 * quantile(detection, 0.5) / quantile(healed, 0.5)).toFixed(0)} % and the stateful grace ${(100 * STATEFUL_GRACE_MS / quantile(healed, 0.5)).toFixed(0)} % of the p50\n`)
  if (lost > 0) process.exitCode = 1
}
