import { DATAGRAM_CHANNELS, MAX_DATAGRAM_PAYLOAD, RIDER_OVERHEAD, type DatagramChannel, type DatagramPart } from '../network/index.ts'

/**
 * A datagram on the wire:
 *
 *   [version][channel][sender's public key, 32][payload length, u16 BE][payload]
 *   version 4 only, one or more riders: [channel][length, u16 BE][payload]
 *   [tag, 16]
 *
 * The tag covers everything before it (udp-datagrams.ts says how it is
 * made). Version 3 carries one payload, version 4 more: what other
 * channels had to say to the same peer, riding along (Datagrams.ride). A
 * lone payload still goes as version 3, so a node that knows only version
 * 3 keeps hearing everything but the bundles, and its peers fall back as
 * they do for any lost datagram.
 */
export const SINGLE_VERSION = 3
export const BUNDLE_VERSION = 4
export const KEY_BYTES = 32
export const TAG_BYTES = 16
/** The sender's key comes after the version and the channel. */
export const KEY_AT = 2
const HEADER_BYTES = KEY_AT + KEY_BYTES + 2
/** Largest datagram sent or taken: 512 bytes, riders and all. */
export const MAX_FRAME_BYTES = HEADER_BYTES + MAX_DATAGRAM_PAYLOAD + TAG_BYTES

/** A frame whose tag is yet to be checked: `body` is what the tag covers. */
export interface ParsedFrame {
  rawKey: Buffer
  /** The payloads in order; `channel` undefined for a rider on a channel this node does not know (a newer node's). */
  parts: Array<{ channel: DatagramChannel | undefined, data: Buffer }>
  body: Buffer
  tag: Buffer
}

/** The frame for `parts` (the first is the payload, the rest ride along), tagged by `tag`. */
export function encodeFrame (publicKey: Uint8Array, parts: readonly DatagramPart[], tag: (body: Buffer) => Buffer): Buffer {
  const first = parts[0]!
  let size = HEADER_BYTES + first.data.byteLength + TAG_BYTES
  for (let i = 1; i < parts.length; i++) size += RIDER_OVERHEAD + parts[i]!.data.byteLength
  const frame = Buffer.alloc(size)
  frame[0] = parts.length > 1 ? BUNDLE_VERSION : SINGLE_VERSION
  frame[1] = DATAGRAM_CHANNELS.indexOf(first.channel)
  frame.set(publicKey, KEY_AT)
  frame.writeUInt16BE(first.data.byteLength, KEY_AT + KEY_BYTES)
  frame.set(first.data, HEADER_BYTES)
  let at = HEADER_BYTES + first.data.byteLength
  for (let i = 1; i < parts.length; i++) {
    const { channel, data } = parts[i]!
    frame[at] = DATAGRAM_CHANNELS.indexOf(channel)
    frame.writeUInt16BE(data.byteLength, at + 1)
    frame.set(data, at + RIDER_OVERHEAD)
    at += RIDER_OVERHEAD + data.byteLength
  }
  tag(frame.subarray(0, at)).copy(frame, at)
  return frame
}

/**
 * Takes a frame apart without trusting it: every length is checked against
 * what arrived, and the reason for a refusal is what the drop counters
 * show (garbled, other-version, unknown-channel for the first payload's).
 */
export function parseFrame (msg: Buffer): ParsedFrame | { refused: string } {
  if (msg.byteLength < HEADER_BYTES + TAG_BYTES || msg.byteLength > MAX_FRAME_BYTES) return { refused: 'garbled' }
  const version = msg[0]
  if (version !== SINGLE_VERSION && version !== BUNDLE_VERSION) return { refused: 'other-version' }
  const channel = DATAGRAM_CHANNELS[msg[1]!]
  if (channel === undefined) return { refused: 'unknown-channel' }
  const end = msg.byteLength - TAG_BYTES
  const length = msg.readUInt16BE(KEY_AT + KEY_BYTES)
  let at = HEADER_BYTES + length
  if (at > end) return { refused: 'garbled' }
  const parts: ParsedFrame['parts'] = [{ channel, data: msg.subarray(HEADER_BYTES, at) }]
  if (version === SINGLE_VERSION && at !== end) return { refused: 'garbled' }
  if (version === BUNDLE_VERSION && at === end) return { refused: 'garbled' }
  while (at < end) {
    if (at + RIDER_OVERHEAD > end) return { refused: 'garbled' }
    const riderLength = msg.readUInt16BE(at + 1)
    const from = at + RIDER_OVERHEAD
    if (from + riderLength > end) return { refused: 'garbled' }
    parts.push({ channel: DATAGRAM_CHANNELS[msg[at]!], data: msg.subarray(from, from + riderLength) })
    at = from + riderLength
  }
  return { rawKey: msg.subarray(KEY_AT, KEY_AT + KEY_BYTES), parts, body: msg.subarray(0, end), tag: msg.subarray(end) }
}
