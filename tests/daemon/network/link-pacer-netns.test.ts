/**
 * The link pacer over a real rate-limited link (tests/harness/netns): a
 * sender in one namespace, a receiver that answers each piece in another
 * whose link is limited (tc htb, a radio's 50-packet queue), and a ping every
 * 100 ms on the same TCP connection, as Raft shares one libp2p connection
 * with a volume copy. Paced at half the measured rate, the transfer keeps to
 * about half the link and the pings stay quick; the same transfer left to TCP
 * (4 MiB in flight, as a resync chunk was) fills the link and the pings wait
 * seconds behind it (the baseline, measured in the same run, shows the check
 * can fail). A paced run that fell short (under 30 % of the link, or fewer
 * than 50 pings) runs again, at most three in all: under the whole suite a
 * sender starved of the CPU sends less and pings less, whatever its pacer
 * says. Each run reports how long the sender's event loop stalled.
 * Needs root, iproute2 and tc; about 25 s.
 */
import t from 'tap'
import { execFile, spawn } from 'node:child_process'
import { join } from 'node:path'
import { FieldNet } from '../../harness/netns/field-net.ts'

const root = process.getuid?.() === 0
const PEER = join(import.meta.dirname, 'fixtures', 'paced-peer.ts')
const LINK_KBIT = 4000
const PORT = 7990
/** Seconds each transfer runs, of which the first 3 are not counted. */
const SECONDS = 9

interface Run { bytesPerSecond: number, pings: number, p50: number, p90: number, max: number, stalledMs: number, view?: { estimate: number, halvings: number } }
/** Paced runs tried at most: one that fell short may run again, as a sender starved of the CPU by the rest of the suite sends less (a stall also costs pings). */
const PACED_TRIES = 3

t.test('paced at half the measured rate, a transfer keeps to about half a 4 Mbit/s link and pings stay quick', { skip: root ? false : 'needs root for network namespaces' }, async t => {
  const net = FieldNet.create({ nodes: 2 })
  t.teardown(() => { net.destroy() })
  net.limit(1, { kbit: LINK_KBIT })
  const server = spawn('nsenter', [...net.nsenterArgs(1), process.execPath, PEER, 'server', net.nodes[1]!.address, String(PORT)], { stdio: ['ignore', 'pipe', 'inherit'] })
  t.teardown(() => { server.kill('SIGKILL') })
  await new Promise<void>(resolve => { server.stdout.once('data', () => { resolve() }) })

  const transfer = async (share: number): Promise<Run> => await new Promise((resolve, reject) => {
    execFile('nsenter', [...net.nsenterArgs(0), process.execPath, PEER, 'client', net.nodes[1]!.address, String(PORT), String(SECONDS), String(share)],
      { timeout: (SECONDS + 30) * 1000 }, (err, stdout) => { if (err !== null) reject(err); else resolve(JSON.parse(stdout.trim()) as Run) })
  })
  const link = LINK_KBIT * 1000 / 8 // bytes per second
  const pct = (r: Run): string => `${(r.bytesPerSecond / link * 100).toFixed(0)} %`
  let paced = await transfer(0.5)
  const short = (r: Run): boolean => r.bytesPerSecond < 0.3 * link || r.pings < 50
  for (let tries = 1; tries < PACED_TRIES && short(paced); tries++) {
    t.comment(`paced run ${tries}: ${pct(paced)} of the link, ${paced.pings} pings, the sender's loop stalled ${paced.stalledMs} ms in all, the pace halved ${paced.view?.halvings} times; running it again`)
    paced = await transfer(0.5)
  }
  const unpaced = await transfer(0)
  t.comment(`paced: ${pct(paced)} of the link (estimate ${((paced.view?.estimate ?? 0) * 8 / 1000).toFixed(0)} kbit/s, pace halved ${paced.view?.halvings} times, the sender stalled ${paced.stalledMs} ms), pings p50 ${paced.p50} ms, p90 ${paced.p90} ms, max ${paced.max} ms`)
  t.comment(`unpaced: ${pct(unpaced)} of the link, pings p50 ${unpaced.p50} ms, p90 ${unpaced.p90} ms, max ${unpaced.max} ms`)
  t.ok(paced.bytesPerSecond >= 0.3 * link && paced.bytesPerSecond <= 0.65 * link, `paced: ${pct(paced)} of the link, want 30–65 % (estimate ${((paced.view?.estimate ?? 0) * 8 / 1000).toFixed(0)} kbit/s, pace halved ${paced.view?.halvings} times, the sender stalled ${paced.stalledMs} ms)`)
  t.ok(unpaced.bytesPerSecond >= 0.8 * link, `unpaced (the baseline): ${pct(unpaced)} of the link`)
  t.ok(paced.pings >= 50 && unpaced.pings >= 20, `pings answered: ${paced.pings} paced, ${unpaced.pings} unpaced`)
  t.ok(paced.p90 < 100 && paced.max < 500, `paced: the pings on the same connection stay quick (p90 ${paced.p90} ms, max ${paced.max} ms)`)
  t.ok(unpaced.p50 > 1000, `unpaced (the baseline): the pings wait seconds behind the transfer (p50 ${unpaced.p50} ms)`)
})
