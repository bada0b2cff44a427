import { MESSAGE_TYPES } from './types.ts'
import type { ConfState, Entry, Message, NodeId, Snapshot } from './types.ts'

/**
 * Why a received message cannot be a message any correct node sends, or null
 * if its shape is sound. Only shape is checked here — types, ranges, entries
 * contiguous and in term order; whether it makes sense now (its term, its
 * sender's membership) is the core's business. A garbled message is dropped
 * and counted, never allowed to throw inside the core.
 */
export function checkMessage (m: unknown, self: NodeId): string | null {
  if (typeof m !== 'object' || m === null) return 'not-an-object'
  const msg = m as Record<string, unknown>
  if (typeof msg.type !== 'string' || !TYPES.has(msg.type)) return 'unknown-type'
  if (!isId(msg.from) || !isId(msg.to)) return 'bad-address'
  if (msg.to !== self) return 'wrong-recipient'
  if (msg.from === self) return 'from-self'
  if (!isCount(msg.term)) return 'bad-term'
  const typed = m as Message
  switch (typed.type) {
    case 'append': {
      if (!isCount(typed.index) || !isCount(typed.logTerm) || !isCount(typed.commit)) return 'bad-field'
      if (typed.logTerm > typed.term || (typed.index === 0 && typed.logTerm !== 0)) return 'bad-field'
      if (!Array.isArray(typed.entries)) return 'bad-entries'
      let prevTerm = typed.logTerm
      for (let i = 0; i < typed.entries.length; i++) {
        const e: unknown = typed.entries[i]
        if (!isEntry(e)) return 'bad-entries'
        // Contiguous after (index, logTerm), terms never falling, none from the future.
        if (e.index !== typed.index + 1 + i || e.term < prevTerm || e.term > typed.term || e.term < 1) return 'bad-entries'
        prevTerm = e.term
      }
      return null
    }
    case 'append-response':
      if (!isCount(typed.index) || !isCount(typed.rejectHint) || !isCount(typed.logTerm)) return 'bad-field'
      if (typeof typed.reject !== 'boolean') return 'bad-field'
      return null
    case 'heartbeat':
      if (!isCount(typed.commit) || !optionalCount(typed.round) || !optionalCount(typed.confirmed)) return 'bad-field'
      return isBytes(typed.context) ? null : 'bad-field'
    case 'heartbeat-response':
      if (!optionalCount(typed.round)) return 'bad-field'
      return isBytes(typed.context) ? null : 'bad-field'
    case 'read-index':
      return isBytes(typed.context) ? null : 'bad-field'
    case 'read-index-response':
      return isCount(typed.index) && isBytes(typed.context) ? null : 'bad-field'
    case 'vote':
    case 'pre-vote':
      if (!isCount(typed.index) || !isCount(typed.logTerm) || typeof typed.transfer !== 'boolean') return 'bad-field'
      return typed.logTerm <= typed.term ? null : 'bad-field'
    case 'vote-response':
    case 'pre-vote-response':
      return typeof typed.reject === 'boolean' ? null : 'bad-field'
    case 'snapshot':
      return isSnapshot(typed.snapshot, typed.term) ? null : 'bad-snapshot'
    case 'timeout-now':
      return null
  }
}

const TYPES = new Set<string>(MESSAGE_TYPES)
const CHANGE_TYPES = new Set(['add-voter', 'add-learner', 'promote', 'remove'])

function isId (v: unknown): v is string {
  return typeof v === 'string' && v.length > 0
}

/** A non-negative safe integer: indexes, terms and commit marks. */
function isCount (v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
}

function optionalCount (v: unknown): boolean {
  return v === undefined || isCount(v)
}

function isBytes (v: unknown): v is Uint8Array {
  return v instanceof Uint8Array
}

function isEntry (v: unknown): v is Entry {
  if (typeof v !== 'object' || v === null) return false
  const e = v as Record<string, unknown>
  if (!isCount(e.index) || !isCount(e.term)) return false
  if (e.type === 'normal') return isBytes(e.data)
  if (e.type !== 'conf-change' || typeof e.change !== 'object' || e.change === null) return false
  const c = e.change as Record<string, unknown>
  return typeof c.type === 'string' && CHANGE_TYPES.has(c.type) && isId(c.node)
}

function isConf (v: unknown): v is ConfState {
  if (typeof v !== 'object' || v === null) return false
  const c = v as Record<string, unknown>
  return Array.isArray(c.voters) && c.voters.every(isId) && Array.isArray(c.learners) && c.learners.every(isId)
}

function isSnapshot (v: unknown, msgTerm: number): v is Snapshot {
  if (typeof v !== 'object' || v === null) return false
  const s = v as Record<string, unknown>
  return isCount(s.index) && s.index > 0 && isCount(s.term) && s.term > 0 && s.term <= msgTerm &&
    isConf(s.conf) && isBytes(s.data)
}
