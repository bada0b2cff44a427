import { createSocket, type RemoteInfo, type Socket } from 'node:dgram'
import { publicKeyFromRaw } from '@libp2p/crypto/keys'
import type { PrivateKey } from '@libp2p/interface'
import { peerIdFromPublicKey } from '@libp2p/peer-id'
import { multiaddr } from '@multiformats/multiaddr'
import type { Logger } from 'pino'
import { RateLimiter, type Datagrams } from '../network/index.ts'

/**
 * Datagrams over UDP, on the same port number as the node's TCP listener,
 * each signed with the node's Ed25519 key:
 *
 *   [version 1][sender's public key, 32][payload length, u16 BE][payload][signature, 64]
 *
 * The signature covers a domain tag, the key and the payload, so a datagram
 * proves its sender and cannot pass for anything else the key signs. It
 * proves nothing of grid membership (UDP runs outside the private network):
 * the receiver takes datagrams only from nodes gossip has introduced.
 * Replays are the receiver's to refuse (heartbeats carry stamps).
 */
export class UdpDatagrams implements Datagrams {
  readonly selfId: string
  readonly #key: PrivateKey
  readonly #publicKey: Uint8Array
  readonly #log: Logger
  readonly #handlers = new Set<(from: string, data: Uint8Array) => void>()
  readonly #addresses = new Map<string, Target[]>()
  readonly #remoteHost: (peer: string) => string | undefined
  /** Verifying costs CPU: a source sending more than heartbeats need is cut short before that. */
  readonly #limiter = new RateLimiter({ ratePerSec: 100, burst: 200 })
  #socket: Socket | undefined
  /** Datagrams refused, by reason: what `trellis nodes`' drops and the logs show. */
  readonly dropped: Record<string, number> = {}

  /** `remoteHost`: the address this node's open connection to a peer reaches it at, to choose among its listen addresses. */
  constructor (components: { privateKey: PrivateKey, logger: Logger, remoteHost?: (peer: string) => string | undefined }) {
    this.#key = components.privateKey
    if (this.#key.type !== 'Ed25519') throw new Error(`datagrams need an Ed25519 node key, not ${this.#key.type}`)
    this.#publicKey = this.#key.publicKey.raw
    this.selfId = peerIdFromPublicKey(this.#key.publicKey).toString()
    this.#log = components.logger
    this.#remoteHost = components.remoteHost ?? (() => undefined)
  }

  /** Binds UDP `port` on every IPv4 address; false (and a warning) when it cannot, and then sends nothing. */
  async start (port: number): Promise<boolean> {
    const socket = createSocket({ type: 'udp4', reuseAddr: false })
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject)
        socket.bind(port, () => { socket.off('error', reject); resolve() })
      })
    } catch (err) {
      socket.close()
      this.#log.warn({ err, port }, 'no UDP port for heartbeat datagrams: heartbeats stay on gossip')
      return false
    }
    socket.on('message', (msg, rinfo) => { void this.#receive(msg, rinfo) })
    socket.on('error', err => { this.#log.debug({ err }, 'datagram socket error') })
    this.#socket = socket
    return true
  }

  learn (peer: string, addresses: string[]): void {
    const targets: Target[] = []
    for (const a of addresses) {
      try {
        const [ip, tcp] = multiaddr(a).getComponents()
        if (ip?.name === 'ip4' && tcp?.name === 'tcp' && ip.value !== undefined && ip.value !== '0.0.0.0') targets.push({ host: ip.value, port: Number(tcp.value) })
      } catch {}
    }
    if (targets.length > 0) this.#addresses.set(peer, targets)
  }

  send (peer: string, data: Uint8Array): void {
    const socket = this.#socket
    const target = this.#target(peer)
    if (socket === undefined || target === undefined || data.byteLength > MAX_PAYLOAD_BYTES) return
    void this.#sign(data).then(frame => {
      socket.send(frame, target.port, target.host, err => { if (err != null) this.#log.debug({ err, peer }, 'datagram not sent') })
    }, (err: unknown) => { this.#log.warn({ err }, 'datagram not signed') })
  }

  onMessage (handler: (from: string, data: Uint8Array) => void): () => void {
    this.#handlers.add(handler)
    return () => { this.#handlers.delete(handler) }
  }

  async close (): Promise<void> {
    const socket = this.#socket
    this.#socket = undefined
    if (socket !== undefined) await new Promise<void>(resolve => { socket.close(() => { resolve() }) })
  }

  /** The peer's listen address reached by the open connection's host, else its first non-loopback one, else any. */
  #target (peer: string): Target | undefined {
    const targets = this.#addresses.get(peer)
    if (targets === undefined) return undefined
    const host = this.#remoteHost(peer)
    return targets.find(t => t.host === host) ?? targets.find(t => !isLoopback(t.host)) ?? targets[0]
  }

  async #sign (payload: Uint8Array): Promise<Buffer> {
    const frame = Buffer.alloc(HEADER_BYTES + payload.byteLength + SIGNATURE_BYTES)
    frame[0] = VERSION
    frame.set(this.#publicKey, 1)
    frame.writeUInt16BE(payload.byteLength, 1 + KEY_BYTES)
    frame.set(payload, HEADER_BYTES)
    const signature = await this.#key.sign(signed(frame.subarray(1, HEADER_BYTES + payload.byteLength)))
    frame.set(signature, HEADER_BYTES + payload.byteLength)
    return frame
  }

  async #receive (msg: Buffer, rinfo: RemoteInfo): Promise<void> {
    if (!this.#limiter.take(`${rinfo.address}:${rinfo.port}`, Date.now())) { this.#drop('rate-limited'); return }
    if (msg.byteLength < HEADER_BYTES + SIGNATURE_BYTES || msg.byteLength > MAX_DATAGRAM_BYTES || msg[0] !== VERSION) { this.#drop('garbled'); return }
    const length = msg.readUInt16BE(1 + KEY_BYTES)
    if (msg.byteLength !== HEADER_BYTES + length + SIGNATURE_BYTES) { this.#drop('garbled'); return }
    let from: string
    try {
      const key = publicKeyFromRaw(msg.subarray(1, 1 + KEY_BYTES))
      if (!await key.verify(signed(msg.subarray(1, HEADER_BYTES + length)), msg.subarray(HEADER_BYTES + length))) { this.#drop('bad-signature'); return }
      from = peerIdFromPublicKey(key).toString()
    } catch {
      this.#drop('garbled')
      return
    }
    if (from === this.selfId) return
    const payload = new Uint8Array(msg.subarray(HEADER_BYTES, HEADER_BYTES + length))
    for (const handler of [...this.#handlers]) handler(from, payload)
  }

  #drop (reason: string): void {
    this.dropped[reason] = (this.dropped[reason] ?? 0) + 1
  }
}

interface Target { host: string, port: number }

const VERSION = 1
const KEY_BYTES = 32
const SIGNATURE_BYTES = 64
const HEADER_BYTES = 1 + KEY_BYTES + 2
/** Largest datagram sent or taken: a heartbeat with room to spare, far below any path's MTU. */
const MAX_DATAGRAM_BYTES = 512
const MAX_PAYLOAD_BYTES = MAX_DATAGRAM_BYTES - HEADER_BYTES - SIGNATURE_BYTES
const DOMAIN = new TextEncoder().encode('trellis/datagram/1\n')

/** What the signature covers: the domain tag, then the key, length and payload. */
function signed (body: Uint8Array): Uint8Array {
  const out = new Uint8Array(DOMAIN.byteLength + body.byteLength)
  out.set(DOMAIN)
  out.set(body, DOMAIN.byteLength)
  return out
}

function isLoopback (host: string): boolean {
  return host.startsWith('127.')
}
