import { trellis } from '../../proto/gen/trellis.js'
import type {
  ConfChangeType, ConfState, Entry, HardState, Message, NormalEntry, Snapshot
} from '../../controller/raft/index.ts'
import { BadRaftMessageError } from './errors.ts'
import { readVarint, splitField, varintSize, writeVarint } from './wire-bytes.ts'

/**
 * Protobuf encoding of the Raft core's plain data (proto/raft.proto). Decoding
 * checks shape only — known types, required fields present, counts that fit a
 * JavaScript number — and throws BadRaftMessageError otherwise; the core's own
 * checkMessage then judges whether the message makes sense.
 */

const pb = trellis.raft

/** Largest encoded message accepted from a peer: a snapshot of a big grid state fits, a runaway frame does not. */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024 // bytes

const TYPE_TO_WIRE: Record<Message['type'], trellis.raft.MessageType> = {
  append: pb.MessageType.APPEND,
  'append-response': pb.MessageType.APPEND_RESPONSE,
  heartbeat: pb.MessageType.HEARTBEAT,
  'heartbeat-response': pb.MessageType.HEARTBEAT_RESPONSE,
  vote: pb.MessageType.VOTE,
  'pre-vote': pb.MessageType.PRE_VOTE,
  'vote-response': pb.MessageType.VOTE_RESPONSE,
  'pre-vote-response': pb.MessageType.PRE_VOTE_RESPONSE,
  snapshot: pb.MessageType.SNAPSHOT,
  'read-index': pb.MessageType.READ_INDEX,
  'read-index-response': pb.MessageType.READ_INDEX_RESPONSE,
  'timeout-now': pb.MessageType.TIMEOUT_NOW
}
const WIRE_TO_TYPE = new Map<number, Message['type']>(
  Object.entries(TYPE_TO_WIRE).map(([k, v]) => [v, k as Message['type']])
)

const CHANGE_TO_WIRE: Record<ConfChangeType, trellis.raft.ConfChangeType> = {
  'add-voter': pb.ConfChangeType.ADD_VOTER,
  'add-learner': pb.ConfChangeType.ADD_LEARNER,
  promote: pb.ConfChangeType.PROMOTE,
  remove: pb.ConfChangeType.REMOVE
}
const WIRE_TO_CHANGE = new Map<number, ConfChangeType>(
  Object.entries(CHANGE_TO_WIRE).map(([k, v]) => [v, k as ConfChangeType])
)

const EMPTY = new Uint8Array(0)

/** Encodes one message for the wire. */
export function encodeMessage (m: Message): Uint8Array {
  const w: trellis.raft.Message.$Properties = { type: TYPE_TO_WIRE[m.type], from: m.from, to: m.to, term: m.term }
  switch (m.type) {
    case 'append':
      Object.assign(w, { index: m.index, logTerm: m.logTerm, commit: m.commit })
      return withEntries(pb.Message.encode(w).finish(), m.entries)
    case 'append-response':
      Object.assign(w, { index: m.index, reject: m.reject, rejectHint: m.rejectHint, logTerm: m.logTerm })
      break
    case 'heartbeat':
      Object.assign(w, { commit: m.commit, context: m.context, round: m.round ?? 0, confirmed: m.confirmed ?? 0 })
      break
    case 'heartbeat-response':
      Object.assign(w, { context: m.context, round: m.round ?? 0 })
      break
    case 'read-index':
      w.context = m.context
      break
    case 'read-index-response':
      Object.assign(w, { index: m.index, context: m.context })
      break
    case 'vote':
    case 'pre-vote':
      Object.assign(w, { index: m.index, logTerm: m.logTerm, transfer: m.transfer })
      break
    case 'vote-response':
    case 'pre-vote-response':
      w.reject = m.reject
      break
    case 'snapshot':
      w.snapshot = snapshotToWire(m.snapshot)
      break
    case 'timeout-now':
      break
  }
  return pb.Message.encode(w).finish()
}

/** Decodes one message from a peer; throws BadRaftMessageError for garbage, unknown types and missing fields. */
export function decodeMessage (bytes: Uint8Array, maxBytes = MAX_MESSAGE_BYTES): Message {
  if (bytes.byteLength > maxBytes) throw new BadRaftMessageError(`message of ${bytes.byteLength} bytes exceeds ${maxBytes}`)
  // Entries are split off and decoded apart, each from a copy of its own bytes, so a follower writes the bytes it received.
  const split = splitField(bytes, ENTRIES_TAG, true)
  const w = wireDecode(() => pb.Message.decode(split.rest), 'message')
  const type = WIRE_TO_TYPE.get(w.type)
  if (type === undefined) throw new BadRaftMessageError(`unknown message type ${String(w.type)}`)
  if (w.from === '' || w.to === '') throw new BadRaftMessageError('message without sender or recipient')
  const base = { from: w.from, to: w.to, term: count(w.term, 'term') }
  switch (type) {
    case 'append':
      return {
        ...base,
        type,
        index: count(w.index, 'index'),
        logTerm: count(w.logTerm, 'logTerm'),
        commit: count(w.commit, 'commit'),
        entries: split.values.map(keptEntry)
      }
    case 'append-response':
      return {
        ...base,
        type,
        index: count(w.index, 'index'),
        reject: w.reject,
        rejectHint: count(w.rejectHint, 'rejectHint'),
        logTerm: count(w.logTerm, 'logTerm')
      }
    case 'heartbeat':
      return { ...base, type, commit: count(w.commit, 'commit'), context: bytesOf(w.context), ...rounds(w) }
    case 'heartbeat-response':
      return { ...base, type, context: bytesOf(w.context), ...rounds(w) }
    case 'read-index':
      return { ...base, type, context: bytesOf(w.context) }
    case 'read-index-response':
      return { ...base, type, index: count(w.index, 'index'), context: bytesOf(w.context) }
    case 'vote':
    case 'pre-vote':
      return { ...base, type, index: count(w.index, 'index'), logTerm: count(w.logTerm, 'logTerm'), transfer: w.transfer }
    case 'vote-response':
    case 'pre-vote-response':
      return { ...base, type, reject: w.reject }
    case 'snapshot':
      if (w.snapshot == null) throw new BadRaftMessageError('snapshot message without a snapshot')
      return { ...base, type, snapshot: snapshotFromWire(w.snapshot) }
    case 'timeout-now':
      return { ...base, type }
  }
}

/**
 * Encodes one log entry (the wire and the disk share the form). Entries are
 * immutable, so the bytes are kept with the entry: a leader writes each to
 * its disk and sends it to every follower, and encodes it once.
 */
export function encodeEntry (e: Entry): Uint8Array {
  let bytes = ENCODED.get(e)
  if (bytes === undefined) {
    bytes = e.type === 'normal' ? encodeNormal(e) : pb.Entry.encode(entryToWire(e)).finish()
    ENCODED.set(e, bytes)
  }
  return bytes
}

/**
 * A normal entry written out by hand, field by field as protobufjs does
 * (zero fields left out): one allocation instead of a Writer's operation
 * list, for what every proposal costs the leader.
 */
function encodeNormal (e: NormalEntry): Uint8Array {
  const n = e.data.byteLength
  const size = 2 + (e.term === 0 ? 0 : 1 + varintSize(e.term)) + (e.index === 0 ? 0 : 1 + varintSize(e.index)) + (n === 0 ? 0 : 1 + varintSize(n) + n)
  const out = new Uint8Array(size)
  out[0] = (1 << 3) | 0
  out[1] = pb.EntryType.NORMAL
  let at = 2
  if (e.term !== 0) { out[at++] = (2 << 3) | 0; at = writeVarint(out, at, e.term) }
  if (e.index !== 0) { out[at++] = (3 << 3) | 0; at = writeVarint(out, at, e.index) }
  if (n !== 0) {
    out[at++] = (4 << 3) | 2
    at = writeVarint(out, at, n)
    out.set(e.data, at)
  }
  return out
}

const ENCODED = new WeakMap<Entry, Uint8Array>()
/** Key of Message field 8 (`repeated Entry entries`), length-delimited. */
const ENTRIES_TAG = (8 << 3) | 2

/**
 * A message's bytes followed by its entries as field 8: protobuf reads
 * fields in any order and a repeated field from all its occurrences, so this
 * is the message with its entries, each entry's bytes reused.
 */
function withEntries (head: Uint8Array, entries: readonly Entry[]): Uint8Array {
  if (entries.length === 0) return head
  const parts = entries.map(encodeEntry)
  let size = head.byteLength
  for (const p of parts) size += 1 + varintSize(p.byteLength) + p.byteLength
  const out = Buffer.allocUnsafe(size)
  out.set(head, 0)
  let at = head.byteLength
  for (const p of parts) {
    out[at++] = ENTRIES_TAG
    at = writeVarint(out, at, p.byteLength)
    out.set(p, at)
    at += p.byteLength
  }
  return out
}

/** Decodes one log entry; throws BadRaftMessageError. */
export function decodeEntry (bytes: Uint8Array): Entry {
  return entryFromWire(wireDecode(() => pb.Entry.decode(bytes), 'entry'))
}

/**
 * Encodes consecutive entries as one record: each entry as protobuf field 8,
 * the same bytes an APPEND message carries its entries in. The storage keeps
 * the log as such runs, one LevelDB value per write rather than one per entry.
 */
export function encodeEntryRun (entries: readonly Entry[]): Uint8Array {
  return withEntries(EMPTY, entries)
}

/**
 * Decodes a run written by encodeEntryRun; throws BadRaftMessageError. The
 * entries keep views into `bytes` (their data, and their encoding for a
 * later write) rather than copies.
 */
export function decodeEntryRun (bytes: Uint8Array): Entry[] {
  const split = splitField(bytes, ENTRIES_TAG, false)
  if (split.rest.byteLength > 0) throw new BadRaftMessageError('entry run holds something other than entries')
  return split.values.map(keptEntry)
}

/** An entry decoded from bytes of its own, which are kept as its encoding: data is a view into them. */
function keptEntry (bytes: Uint8Array): Entry {
  const e = decodeNormal(bytes) ?? entryFromWire(wireDecode(() => pb.Entry.decode(bytes), 'entry'), false)
  ENCODED.set(e, bytes)
  return e
}

/**
 * A normal entry read by hand, as encodeNormal writes it (fields in any
 * order, unknown ones skipped); undefined for anything else (a conf change),
 * which protobufjs then reads. Throws BadRaftMessageError as decoding does.
 */
function decodeNormal (bytes: Uint8Array): Entry | undefined {
  const cursor = { at: 0 }
  let type = 0
  let term = 0
  let index = 0
  let data: Uint8Array = EMPTY
  while (cursor.at < bytes.byteLength) {
    const tag = readVarint(bytes, cursor)
    if (tag === 8) type = readVarint(bytes, cursor)
    else if (tag === 16) term = readVarint(bytes, cursor)
    else if (tag === 24) index = readVarint(bytes, cursor)
    else if (tag === 34) {
      const length = readVarint(bytes, cursor)
      if (cursor.at + length > bytes.byteLength) throw new BadRaftMessageError('entry data runs past its end')
      data = length === 0 ? EMPTY : bytes.subarray(cursor.at, cursor.at + length)
      cursor.at += length
    } else return undefined
  }
  if (type !== pb.EntryType.NORMAL) return undefined
  return { type: 'normal', term: safe(term, 'entry term'), index: safe(index, 'entry index'), data }
}

/** A varint read as a float is exact up to 2^53 - 1; past that it is refused, as count() refuses it. */
function safe (n: number, field: string): number {
  if (!Number.isSafeInteger(n)) throw new BadRaftMessageError(`${field} exceeds 2^53 - 1`)
  return n
}

/** Encodes the hard state for disk. */
export function encodeHardState (hs: HardState): Uint8Array {
  return pb.HardState.encode({ term: hs.term, vote: hs.vote ?? '', commit: hs.commit }).finish()
}

/** Decodes the hard state; throws BadRaftMessageError. */
export function decodeHardState (bytes: Uint8Array): HardState {
  const w = wireDecode(() => pb.HardState.decode(bytes), 'hard state')
  return { term: count(w.term, 'term'), vote: w.vote === '' ? null : w.vote, commit: count(w.commit, 'commit') }
}

/** Encodes a snapshot for disk. */
export function encodeSnapshot (s: Snapshot): Uint8Array {
  return pb.Snapshot.encode(snapshotToWire(s)).finish()
}

/** Decodes a snapshot; throws BadRaftMessageError. */
export function decodeSnapshot (bytes: Uint8Array): Snapshot {
  return snapshotFromWire(wireDecode(() => pb.Snapshot.decode(bytes), 'snapshot'))
}

function wireDecode<T> (decode: () => T, what: string): T {
  try {
    return decode()
  } catch (err) {
    throw new BadRaftMessageError(`${what} cannot be decoded`, { cause: err })
  }
}

function entryToWire (e: Entry): trellis.raft.Entry.$Properties {
  return e.type === 'normal'
    ? { type: pb.EntryType.NORMAL, term: e.term, index: e.index, data: e.data }
    : { type: pb.EntryType.CONF_CHANGE, term: e.term, index: e.index, change: { type: CHANGE_TO_WIRE[e.change.type], node: e.change.node } }
}

/** `copy` false: data stays a view into the decoded bytes (they belong to the entry alone). */
function entryFromWire (w: trellis.raft.Entry.$Properties, copy = true): Entry {
  const term = count(w.term, 'entry term')
  const index = count(w.index, 'entry index')
  if (w.type === pb.EntryType.NORMAL) return { type: 'normal', term, index, data: copy ? bytesOf(w.data) : viewOf(w.data) }
  if (w.type !== pb.EntryType.CONF_CHANGE) throw new BadRaftMessageError(`unknown entry type ${String(w.type)}`)
  const change = w.change
  const changeType = change == null ? undefined : WIRE_TO_CHANGE.get(change.type ?? 0)
  if (change == null || changeType === undefined || typeof change.node !== 'string' || change.node === '') {
    throw new BadRaftMessageError('conf-change entry without a valid change')
  }
  return { type: 'conf-change', term, index, change: { type: changeType, node: change.node } }
}

function snapshotToWire (s: Snapshot): trellis.raft.Snapshot.$Properties {
  return { index: s.index, term: s.term, conf: { voters: s.conf.voters, learners: s.conf.learners }, data: s.data }
}

function snapshotFromWire (w: trellis.raft.Snapshot.$Properties): Snapshot {
  if (w.conf == null) throw new BadRaftMessageError('snapshot without a membership')
  const conf: ConfState = { voters: [...(w.conf.voters ?? [])], learners: [...(w.conf.learners ?? [])] }
  return { index: count(w.index, 'snapshot index'), term: count(w.term, 'snapshot term'), conf, data: bytesOf(w.data) }
}

/** The high 32 bits of 2^53 - 1: a uint64 whose high half exceeds this is no safe integer. */
const MAX_SAFE_HIGH = 0x1fffff

/** protobufjs's Long for an unsigned 64-bit field. */
function isLong (v: unknown): v is { low: number, high: number, unsigned: true } {
  return typeof v === 'object' && v !== null && typeof (v as { low?: unknown }).low === 'number' &&
    typeof (v as { high?: unknown }).high === 'number' && (v as { unsigned?: unknown }).unsigned === true
}

/** A uint64 field as a JavaScript number; protobufjs hands back a Long above 2^32. */
function count (v: unknown, field: string): number {
  if (v === undefined || v === null) return 0
  let n: number
  if (typeof v === 'number') n = v
  else if (isLong(v)) {
    // The usual case, read off its halves: a decimal round trip per field showed in profiles.
    const high = v.high >>> 0
    if (high > MAX_SAFE_HIGH) throw new BadRaftMessageError(`${field} exceeds 2^53 - 1`)
    n = high * 2 ** 32 + (v.low >>> 0)
  } else if (typeof v === 'object' && typeof (v as { toString?: unknown }).toString === 'function') {
    // Long: go through its decimal form so values past 2^53 are caught, not rounded.
    const big = BigInt(String(v))
    if (big > BigInt(Number.MAX_SAFE_INTEGER)) throw new BadRaftMessageError(`${field} exceeds 2^53 - 1`)
    n = Number(big)
  } else throw new BadRaftMessageError(`${field} is not a number`)
  if (!Number.isSafeInteger(n) || n < 0) throw new BadRaftMessageError(`${field} is out of range`)
  return n
}

/** Copies bytes out of the decode buffer so a retained entry does not pin a whole frame. */
function bytesOf (v: Uint8Array | null | undefined): Uint8Array {
  return v == null || v.byteLength === 0 ? EMPTY : Uint8Array.from(v)
}

/** Bytes left where they are (they belong to one entry alone); empty ones are all the same. */
function viewOf (v: Uint8Array | null | undefined): Uint8Array {
  return v == null || v.byteLength === 0 ? EMPTY : v
}

/** A heartbeat's round fields, left out when 0 (a peer that does not count rounds). */
function rounds (w: { round?: unknown, confirmed?: unknown }): { round?: number, confirmed?: number } {
  const round = count(w.round, 'round')
  const confirmed = count(w.confirmed, 'confirmed')
  return { ...(round > 0 ? { round } : {}), ...(confirmed > 0 ? { confirmed } : {}) }
}
