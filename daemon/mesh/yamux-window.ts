import { StreamState, YamuxStream } from '@libp2p/yamux/stream'

/**
 * @libp2p/yamux 8 answers every data frame it receives with a window update
 * frame, however much window is left. On a stream of small messages (Raft,
 * gossip, probes) that is one more mux frame, one more encrypted record and
 * one more TCP segment (with its own ACK) per message: measured on a 3-node
 * grid, about 7 packets per Raft heartbeat round instead of 4, a third or
 * more of an idle node's packets (docs/field.md). Go's yamux, which the spec
 * follows, sends an update only once the receive window is at least half
 * used. This does the same: an established stream with half its window or
 * more still open sends no update; a stream opening (SYN/ACK flags to send),
 * paused, or past half its window runs the library's own code, auto-tuning
 * included. Remove when the library does it itself.
 */
interface WindowState {
  state: StreamState
  recvWindow: number
  recvWindowCapacity: number
}

const kPatched = Symbol.for('trellis.yamux-window.patched')

/** Patches YamuxStream's window updates; idempotent, call before the first connection. */
export function patchYamuxWindowUpdates (): void {
  const proto = YamuxStream.prototype as unknown as { sendWindowUpdate: () => void, [kPatched]?: true }
  if (proto[kPatched] === true) return
  proto[kPatched] = true
  const original = proto.sendWindowUpdate
  proto.sendWindowUpdate = function (this: WindowState) {
    if (this.state === StreamState.Established && this.recvWindowCapacity >= this.recvWindow / 2) return
    original.call(this)
  }
}
