import { AbstractMultiaddrConnection } from '@libp2p/utils'

/**
 * noise hands its transport each encrypted record as two buffers, the
 * 2-byte length and the ciphertext, and @libp2p/tcp writes every buffer with
 * a socket write of its own: two system calls and two TCP segments per
 * message (seen with strace on an idle grid: `write(fd, "\0\223", 2)` then
 * the 147 bytes). Joining a message's buffers first makes one write and one
 * segment: on an idle node of Raft heartbeats, gossip and pings, half the
 * writes, and a segment's headers (about 66 bytes on the wire) less per
 * message. Lists longer than JOIN_MAX_BYTES go as they are, their copy would
 * cost more than the calls it saves. Remove when the transport writes a
 * list at once (cork or writev).
 */
const JOIN_MAX_BYTES = 64 * 1024 // bytes

interface BufferList { byteLength: number, bufs: Uint8Array[], subarray: () => Uint8Array }

const kPatched = Symbol.for('trellis.one-write.patched')

/** Patches multiaddr connections (the raw transport under noise) to write each message in one piece; idempotent, call before the first connection. */
export function patchOneWritePerMessage (): void {
  const proto = AbstractMultiaddrConnection.prototype as unknown as { send: (data: Uint8Array | BufferList) => boolean, [kPatched]?: true }
  if (proto[kPatched] === true) return
  proto[kPatched] = true
  const original = proto.send
  proto.send = function (this: unknown, data: Uint8Array | BufferList) {
    const joined = !(data instanceof Uint8Array) && data.bufs.length > 1 && data.byteLength <= JOIN_MAX_BYTES ? data.subarray() : data
    return original.call(this, joined)
  }
}
