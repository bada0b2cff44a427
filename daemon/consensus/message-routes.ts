import type { Logger } from 'pino'
import type { Clock } from '../../controller/clock/index.ts'
import type { Message } from '../../controller/raft/index.ts'
import type { Datagrams, LinkPacer, Transport } from '../network/index.ts'
import { HeartbeatDatagrams, type HeartbeatDatagramStats } from './heartbeat-datagrams.ts'
import { PeerLinks, type PeerLinkStats } from './peer-link.ts'
import { SnapshotTransfers, type SnapshotTransferStats } from './snapshot-transfer.ts'

/** What the routes use; the caller owns each. */
export interface MessageRoutesComponents {
  transport: Transport
  clock: Clock
  logger: Logger
  /** The pacer of the link to a peer: snapshots to it go at its pace. Absent: unpaced. */
  pacerFor?: (peer: string) => LinkPacer | undefined
  /** Where idle heartbeats and their answers may go as datagrams. Absent: all by stream. */
  datagrams?: Datagrams
}

/** What the routes tell the Raft driver. */
export interface MessageRoutesEvents {
  /** A sound message from a peer, by whichever route: step it. Must not throw. */
  onMessage: (m: Message) => void
  /** A piece of the snapshot to `to` was acknowledged. */
  onSnapshotProgress: (to: string) => void
  /** The snapshot transfer to `to` ended: `ok` once the follower's Raft has it. */
  onSnapshotDone: (to: string, ok: boolean) => void
}

/** Counters of each route. */
export interface MessageRouteStats {
  links: PeerLinkStats
  heartbeatDatagrams?: HeartbeatDatagramStats
  transfers: SnapshotTransferStats
}

/**
 * The ways Raft messages leave this node and arrive: the Raft stream per
 * peer (PeerLinks), idle heartbeats by datagram when the node has datagrams
 * (HeartbeatDatagrams), and a stream per snapshot (SnapshotTransfers).
 * Which one a message takes is decided here; what the core makes of a
 * message, a loss or a transfer's end is the driver's.
 */
export class MessageRoutes {
  readonly #links: PeerLinks
  /** Idle heartbeats by datagram, when the node has datagrams. */
  readonly #beats: HeartbeatDatagrams | undefined
  readonly #snapshots: SnapshotTransfers

  constructor (components: MessageRoutesComponents, init: MessageRoutesEvents) {
    const parts = { transport: components.transport, clock: components.clock, logger: components.logger }
    this.#beats = components.datagrams === undefined ? undefined : new HeartbeatDatagrams({ datagrams: components.datagrams, logger: components.logger }, { onMessage: m => { init.onMessage(m) } })
    this.#links = new PeerLinks(parts, {
      onMessage: m => {
        this.#beats?.heardOnStream(m)
        init.onMessage(m)
      }
    })
    this.#snapshots = new SnapshotTransfers(parts, {
      onMessage: m => { init.onMessage(m) },
      onProgress: init.onSnapshotProgress,
      onDone: init.onSnapshotDone,
      pacerFor: components.pacerFor,
      fallback: m => this.#links.send(m)
    })
  }

  /** Starts accepting peers' messages on every route. */
  start (): void {
    this.#links.start()
    this.#beats?.start()
    this.#snapshots.start()
  }

  /** Stops every route; snapshot transfers under way are cut without being reported. */
  stop (): void {
    this.#links.stop()
    this.#beats?.stop()
    this.#snapshots.stop()
  }

  /**
   * Sends a message by its route. Snapshots go on a stream of their own
   * (snapshot-transfer.ts), which reports their end through onSnapshotDone.
   * False when the message was dropped: Raft's ordinary loss.
   */
  send (m: Message): boolean {
    if (m.type === 'snapshot') {
      this.#snapshots.send(m)
      return true
    }
    if (this.#beats?.send(m) === true) return true
    return this.#links.send(m)
  }

  /** Writes the Raft streams' frames sent so far now, rather than after the current task (PeerLinks.flush). */
  flush (): void {
    this.#links.flush()
  }

  /** What the links dropped, heartbeats by datagram, snapshots transferred. */
  stats (): MessageRouteStats {
    return {
      links: this.#links.stats(),
      ...(this.#beats !== undefined ? { heartbeatDatagrams: this.#beats.stats() } : {}),
      transfers: this.#snapshots.stats()
    }
  }
}
