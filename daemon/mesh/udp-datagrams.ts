import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto'
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram'
import type { PrivateKey } from '@libp2p/interface'
import { peerIdFromPublicKey } from '@libp2p/peer-id'
import { publicKeyFromRaw } from '@libp2p/crypto/keys'
import { multiaddr } from '@multiformats/multiaddr'
import type { Logger } from 'pino'
import { ChannelHandlers, MAX_DATAGRAM_PAYLOAD, RateLimiter, Riders, type DatagramChannel, type Datagrams } from '../network/index.ts'
import { encodeFrame, parseFrame, TAG_BYTES } from './datagram-frame.ts'
import type { GridKey } from './keys.ts'
import { PairKeys } from './pair-keys.ts'

/**
 * Datagrams over UDP, on the same port number as the node's TCP listener,
 * framed as datagram-frame.ts says. The tag is an HMAC-SHA256 (cut to 16
 * bytes) of everything before it, under the pair's `datagram` key
 * (PairKeys). So a datagram proves both its sender (only the two ends can
 * compute the pair's key) and the grid (a node of another grid, or a
 * stranger who learnt a node key, computes another key), which the
 * signatures of version 1 did not. It costs one Diffie-Hellman per peer,
 * once, instead of an Ed25519 signature and verification per datagram,
 * and 48 bytes less on the air. Datagrams are taken only from peers whose
 * addresses gossip gave (`learn`), so a stranger cannot make the receiver
 * do a Diffie-Hellman. Replays are the receiver's to refuse (heartbeats
 * carry stamps). The channel (DATAGRAM_CHANNELS) says which receiver reads
 * each payload; version 2 had none, and a node of either version drops the
 * other's datagrams, so each falls back to gossiping its heartbeats
 * (datagram-reach.ts).
 */
export class UdpDatagrams implements Datagrams {
  readonly selfId: string
  readonly #pairKeys: PairKeys
  readonly #log: Logger
  readonly #handlers = new ChannelHandlers()
  readonly #riders = new Riders()
  readonly #addresses = new Map<string, Target[]>()
  /**
   * Each known sender's id by its raw public key (base64), and each pair
   * key as a KeyObject: a heartbeat comes every half second, and decoding a
   * key into a peer id (base58) or importing an HMAC key each time cost an
   * idle node more than the rest of the datagram's handling. Only peers
   * gossip introduced (`learn`) get an entry: as few as the grid's nodes.
   */
  readonly #senders = new Map<string, string>()
  readonly #hmacKeys = new Map<string, KeyObject>()
  /** Removed from the grid, for good: never learnt again. */
  readonly #revoked = new Set<string>()
  readonly #remoteHost: (peer: string) => string | undefined
  /**
   * The address chosen for each peer, and when: looking up the open
   * connection's host (a peer id parsed, a multiaddr taken apart) cost more
   * than the rest of a send, and a peer gets several datagrams a second.
   */
  readonly #chosen = new Map<string, { target: Target, at: number }>()
  /** Checking costs CPU: a source sending more than heartbeats need is cut short before that. */
  readonly #limiter = new RateLimiter({ ratePerSec: 100, burst: 200 })
  #socket: Socket | undefined
  /** Datagrams refused, by reason: what the metrics and the logs show. */
  readonly dropped: Record<string, number> = {}

  /** `remoteHost`: the address this node's open connection to a peer reaches it at, to choose among its listen addresses. */
  constructor (components: { privateKey: PrivateKey, gridKey: GridKey, logger: Logger, remoteHost?: (peer: string) => string | undefined }) {
    this.#pairKeys = new PairKeys(components.privateKey, components.gridKey, 'datagram')
    this.selfId = this.#pairKeys.selfId
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
    socket.on('message', (msg, rinfo) => { this.#receive(msg, rinfo) })
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
    if (targets.length > 0 && !this.#revoked.has(peer)) this.#addresses.set(peer, targets)
    this.#chosen.delete(peer)
  }

  revoke (peer: string): void {
    this.#revoked.add(peer)
    this.#addresses.delete(peer)
    this.#chosen.delete(peer)
    this.#hmacKeys.delete(peer)
    for (const [raw, id] of this.#senders) if (id === peer) this.#senders.delete(raw)
  }

  canSend (peer: string): boolean {
    return this.#socket !== undefined && this.#addresses.has(peer)
  }

  send (peer: string, channel: DatagramChannel, data: Uint8Array): void {
    const socket = this.#socket
    const target = this.#target(peer)
    if (socket === undefined || target === undefined || data.byteLength > MAX_DATAGRAM_PAYLOAD) return
    const pairKey = this.#hmacKey(peer)
    if (pairKey === undefined) return
    const frame = encodeFrame(this.#pairKeys.publicKey, this.#riders.parts(peer, channel, data), body => tag(pairKey, body))
    socket.send(frame, target.port, target.host, err => { if (err != null) this.#log.debug({ err, peer }, 'datagram not sent') })
  }

  onMessage (channel: DatagramChannel, handler: (from: string, data: Uint8Array) => void): () => void {
    return this.#handlers.add(channel, handler)
  }

  ride (channel: DatagramChannel, take: (peer: string, room: number) => Uint8Array | undefined): () => void {
    return this.#riders.add(channel, take)
  }

  async close (): Promise<void> {
    const socket = this.#socket
    this.#socket = undefined
    if (socket !== undefined) await new Promise<void>(resolve => { socket.close(() => { resolve() }) })
  }

  /**
   * The peer's listen address reached by the open connection's host, else
   * its first non-loopback one, else any; chosen again after TARGET_TTL_MS
   * (the connection may have moved) or when gossip gives new addresses.
   */
  #target (peer: string): Target | undefined {
    const now = Date.now()
    const chosen = this.#chosen.get(peer)
    if (chosen !== undefined && now - chosen.at < TARGET_TTL_MS) return chosen.target
    const targets = this.#addresses.get(peer)
    if (targets === undefined) return undefined
    const host = this.#remoteHost(peer)
    const target = targets.find(t => t.host === host) ?? targets.find(t => !isLoopback(t.host)) ?? targets[0]!
    this.#chosen.set(peer, { target, at: now })
    return target
  }

  #receive (msg: Buffer, rinfo: RemoteInfo): void {
    if (!this.#limiter.take(`${rinfo.address}:${rinfo.port}`, Date.now())) { this.#drop('rate-limited'); return }
    const frame = parseFrame(msg)
    if ('refused' in frame) { this.#drop(frame.refused); return }
    const rawKey = frame.rawKey.toString('base64')
    let from = this.#senders.get(rawKey)
    if (from === undefined) {
      try {
        from = peerIdFromPublicKey(publicKeyFromRaw(frame.rawKey)).toString()
      } catch {
        this.#drop('garbled')
        return
      }
      if (from === this.selfId) return
      if (!this.#addresses.has(from)) { this.#drop('unknown-sender'); return }
      this.#senders.set(rawKey, from)
    }
    const pairKey = this.#hmacKey(from)
    if (pairKey === undefined || !timingSafeEqual(tag(pairKey, frame.body), frame.tag)) { this.#drop('bad-tag'); return }
    for (const part of frame.parts) {
      if (part.channel === undefined) this.#drop('unknown-channel')
      else if (!this.#handlers.deliver(part.channel, from, new Uint8Array(part.data))) this.#drop('unheard-channel')
    }
  }

  #hmacKey (peer: string): KeyObject | undefined {
    let key = this.#hmacKeys.get(peer)
    if (key === undefined) {
      const raw = this.#pairKeys.of(peer)
      if (raw === undefined) return undefined
      key = createSecretKey(raw)
      this.#hmacKeys.set(peer, key)
    }
    return key
  }

  #drop (reason: string): void {
    this.dropped[reason] = (this.dropped[reason] ?? 0) + 1
  }
}

interface Target { host: string, port: number }

/** How long a chosen address is used before the open connection is looked at again. */
const TARGET_TTL_MS = 5_000

/** The frame's tag under a pair key: HMAC-SHA256 cut to 16 bytes, as much as a forger must guess. */
function tag (pairKey: KeyObject, body: Uint8Array): Buffer {
  return createHmac('sha256', pairKey).update(body).digest().subarray(0, TAG_BYTES)
}

function isLoopback (host: string): boolean {
  return host.startsWith('127.')
}
