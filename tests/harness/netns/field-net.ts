/**
 * A field network for tests and benches: one network namespace per node,
 * each joined by a veth pair (`eth0` inside) to a bridge in a hub namespace,
 * as racks joined by radio links to one access point. Every node's link can
 * be rate-limited (tc htb, both directions), cut and healed (the htb leaf's
 * queue set to hold nothing: every packet is dropped, connections stay open
 * as over a radio that lost its peer), and the bytes it carried are read
 * from the veth counters. A second, unlimited veth per node (`mgmt0`, a /30
 * with the root namespace) carries the test's own API calls and entry
 * requests, so they neither count as field traffic nor wait behind a slow
 * link. netem is not available here: loss is emulated with short cuts.
 *
 *   root ns ──mgmt0 /30──▶ node ns n0 ──eth0══veth══p0──▶ ┐
 *   root ns ──mgmt0 /30──▶ node ns n1 ──eth0══veth══p1──▶ ├ bridge (hub ns)
 *   root ns ──mgmt0 /30──▶ node ns n2 ──eth0══veth══p2──▶ ┘
 *
 * Needs root and iproute2. Everything is removed by destroy(), and by a
 * hook at process end (exit or signal) when a test dies before its teardown.
 */
import { execFileSync } from 'node:child_process'
import { randomInt } from 'node:crypto'
import { onProcessEnd } from '../../helpers/process-end.ts'

/** A node's place in the field network. */
export interface FieldNetNode {
  index: number
  /** Its network namespace; enter with nsenterArgs(). */
  netns: string
  /** Its address on the field link (eth0). */
  address: string
  /** Its address on the management link, reachable from the root namespace. */
  mgmtAddress: string
}

/** Bytes a node's field link carried, as its own eth0 counts them. */
export interface LinkBytes {
  rx: number
  tx: number
}

/** How a rate-limited link behaves. */
export interface LinkLimit {
  /** Rate in each direction, kbit/s. */
  kbit: number
  /** Packets queued before the link drops; a radio's buffer. Default 50. */
  queuePackets?: number
}

/** Fast enough to be no limit: the rate of an unlimited link's htb class, kbit/s. */
const UNLIMITED_KBIT = 10_000_000
const DEFAULT_QUEUE_PACKETS = 50
/** Largest frame on the link, bytes: htb's quantum and burst. */
const MTU_FRAME = 1514

function run (cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' })
}

/** A /24 in 10/8 that no route of the root namespace touches, for the management links. */
function freeMgmtPrefix (): string {
  const routes = JSON.parse(run('ip', ['-j', 'route', 'show'])) as Array<{ dst: string }>
  const used = new Set(routes.map(r => /^10\.(\d+)\.(\d+)\./.exec(r.dst)).filter(m => m !== null).map(m => `10.${m[1]}.${m[2]}`))
  for (let attempt = 0; attempt < 100; attempt++) {
    const prefix = `10.${randomInt(128, 192)}.${randomInt(0, 256)}`
    if (!used.has(prefix)) return prefix
  }
  throw new Error('no free 10.x.y.0/24 for the management links')
}

/** The field network; make one with FieldNet.create(). */
export class FieldNet {
  readonly nodes: FieldNetNode[]
  readonly #tag: string
  readonly #hub: string
  #destroyed = false
  #forget: () => void = () => {}

  constructor (tag: string, nodes: FieldNetNode[]) {
    this.#tag = tag
    this.#hub = `${tag}h`
    this.nodes = nodes
  }

  /** Builds the namespaces, links and bridge for `count` nodes; removes what it made if a step fails. */
  static create (init: { nodes: number, tag?: string }): FieldNet {
    const tag = init.tag ?? `fm${process.pid % 100000}${randomInt(0, 36 ** 2).toString(36)}`
    if (tag.length > 10) throw new Error(`tag ${tag} too long for interface names`)
    const mgmt = freeMgmtPrefix()
    const field = '10.77.0'
    const nodes = Array.from({ length: init.nodes }, (_, index) => ({
      index,
      netns: `${tag}n${index}`,
      address: `${field}.${index + 1}`,
      mgmtAddress: `${mgmt}.${4 * index + 2}`
    }))
    const net = new FieldNet(tag, nodes)
    net.#forget = onProcessEnd(() => { net.#remove() })
    try {
      net.#build(mgmt)
    } catch (err) {
      net.destroy()
      throw err
    }
    return net
  }

  #build (mgmt: string): void {
    const hub = this.#hub
    run('ip', ['netns', 'add', hub])
    run('ip', ['-n', hub, 'link', 'add', 'br0', 'type', 'bridge'])
    run('ip', ['-n', hub, 'link', 'set', 'br0', 'up'])
    for (const n of this.nodes) {
      run('ip', ['netns', 'add', n.netns])
      run('ip', ['-n', n.netns, 'link', 'set', 'lo', 'up'])
      const port = this.#port(n.index)
      run('ip', ['-n', hub, 'link', 'add', port, 'type', 'veth', 'peer', 'name', 'eth0', 'netns', n.netns])
      run('ip', ['-n', hub, 'link', 'set', port, 'master', 'br0', 'up'])
      run('ip', ['-n', n.netns, 'addr', 'add', `${n.address}/24`, 'dev', 'eth0'])
      run('ip', ['-n', n.netns, 'link', 'set', 'eth0', 'up'])
      // One packet per frame, as on a radio: with segmentation offload a veth hands htb 64 KiB at once, which it lets
      // through before its rate applies, so a lone burst crosses a "2 Mbit/s" link many times faster than that.
      run('ip', ['-n', n.netns, 'link', 'set', 'eth0', 'gso_max_segs', '1'])
      run('ip', ['-n', hub, 'link', 'set', port, 'gso_max_segs', '1'])
      // Both directions get an htb class now, so limit, cut and heal only change it.
      this.#shape(n.netns, 'eth0', 'add', UNLIMITED_KBIT, DEFAULT_QUEUE_PACKETS)
      this.#shape(hub, port, 'add', UNLIMITED_KBIT, DEFAULT_QUEUE_PACKETS)
      const host = `${this.#tag}m${n.index}`
      run('ip', ['link', 'add', host, 'type', 'veth', 'peer', 'name', 'mgmt0', 'netns', n.netns])
      run('ip', ['addr', 'add', `${mgmt}.${4 * n.index + 1}/30`, 'dev', host])
      run('ip', ['link', 'set', host, 'up'])
      run('ip', ['-n', n.netns, 'addr', 'add', `${n.mgmtAddress}/30`, 'dev', 'mgmt0'])
      run('ip', ['-n', n.netns, 'link', 'set', 'mgmt0', 'up'])
    }
  }

  #port (index: number): string {
    return `${this.#tag}p${index}`
  }

  #shape (netns: string, dev: string, op: 'add' | 'change', kbit: number, queuePackets: number): void {
    if (op === 'add') run('tc', ['-n', netns, 'qdisc', 'add', 'dev', dev, 'root', 'handle', '1:', 'htb', 'default', '1'])
    run('tc', ['-n', netns, 'class', op, 'dev', dev, 'parent', '1:', 'classid', '1:1', 'htb',
      'rate', `${kbit}kbit`, 'ceil', `${kbit}kbit`, 'burst', String(MTU_FRAME), 'cburst', String(MTU_FRAME), 'quantum', String(MTU_FRAME)])
    this.#queue(netns, dev, op, queuePackets)
  }

  #queue (netns: string, dev: string, op: 'add' | 'change', packets: number): void {
    run('tc', ['-n', netns, 'qdisc', op, 'dev', dev, 'parent', '1:1', 'handle', '10:', 'pfifo', 'limit', String(packets)])
  }

  #both (index: number, fn: (netns: string, dev: string) => void): void {
    const n = this.#node(index)
    fn(n.netns, 'eth0')
    fn(this.#hub, this.#port(index))
  }

  #node (index: number): FieldNetNode {
    const n = this.nodes[index]
    if (n === undefined) throw new Error(`no node ${index} (have ${this.nodes.length})`)
    return n
  }

  /** Limits node `index`'s link to `limit.kbit` in each direction. */
  limit (index: number, limit: LinkLimit): void {
    this.#both(index, (netns, dev) => { this.#shape(netns, dev, 'change', limit.kbit, limit.queuePackets ?? DEFAULT_QUEUE_PACKETS) })
  }

  /** Takes the rate limit off node `index`'s link. */
  unlimit (index: number): void {
    this.#both(index, (netns, dev) => { this.#shape(netns, dev, 'change', UNLIMITED_KBIT, DEFAULT_QUEUE_PACKETS) })
  }

  /** Cuts node `index`'s link: every packet either way is dropped until heal(). */
  cut (index: number): void {
    this.#both(index, (netns, dev) => { this.#queue(netns, dev, 'change', 0) })
  }

  /** Heals a cut link (its rate limit, if any, stays). */
  heal (index: number, queuePackets = DEFAULT_QUEUE_PACKETS): void {
    this.#both(index, (netns, dev) => { this.#queue(netns, dev, 'change', queuePackets) })
  }

  /** Bytes node `index`'s field link has carried so far, from its eth0's counters. */
  bytes (index: number): LinkBytes {
    const n = this.#node(index)
    const [link] = JSON.parse(run('ip', ['-n', n.netns, '-s', '-j', 'link', 'show', 'dev', 'eth0'])) as Array<{ stats64: { rx: { bytes: number }, tx: { bytes: number } } }>
    return { rx: link!.stats64.rx.bytes, tx: link!.stats64.tx.bytes }
  }

  /** Packets dropped by node `index`'s outgoing queue so far (rate limit overflow and cuts); `in`: by the queue toward it. */
  drops (index: number, direction: 'out' | 'in' = 'out'): number {
    const n = this.#node(index)
    const [netns, dev] = direction === 'out' ? [n.netns, 'eth0'] : [this.#hub, this.#port(index)]
    const [q] = JSON.parse(run('tc', ['-n', netns, '-s', '-j', 'qdisc', 'show', 'dev', dev, 'handle', '10:'])) as Array<{ drops: number }>
    return q?.drops ?? 0
  }

  /** The arguments that put a command in node `index`'s namespace: `nsenter ...args command`. */
  nsenterArgs (index: number): string[] {
    return [`--net=/run/netns/${this.#node(index).netns}`]
  }

  /** Removes every namespace and link. Idempotent; processes inside must be stopped first. */
  destroy (): void {
    this.#forget()
    this.#remove()
  }

  #remove (): void {
    if (this.#destroyed) return
    this.#destroyed = true
    // Deleting a namespace deletes its veth ends, and with them their peers in the other namespaces.
    for (const n of this.nodes) { try { run('ip', ['netns', 'del', n.netns]) } catch {} }
    try { run('ip', ['netns', 'del', this.#hub]) } catch {}
    for (const n of this.nodes) { try { run('ip', ['link', 'del', `${this.#tag}m${n.index}`]) } catch {} }
  }
}
