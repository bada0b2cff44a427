import type { Message } from '../../../controller/raft/index.ts'

/** One line per message for the event log of a failing seed. */
export function describe (m: Message): string {
  switch (m.type) {
    case 'append': return `append t${m.term} (${m.index},${m.logTerm}) +${m.entries.length} c${m.commit}`
    case 'append-response': return `append-response t${m.term} ${m.reject ? `reject ${m.index} hint (${m.rejectHint},${m.logTerm})` : `ok ${m.index}`}`
    case 'heartbeat': return `heartbeat t${m.term} c${m.commit}`
    case 'vote': case 'pre-vote': return `${m.type} t${m.term} (${m.index},${m.logTerm})${m.transfer ? ' transfer' : ''}`
    case 'vote-response': case 'pre-vote-response': return `${m.type} t${m.term} ${m.reject ? 'reject' : 'grant'}`
    case 'snapshot': return `snapshot t${m.term} at ${m.snapshot.index}`
    default: return `${m.type} t${m.term}`
  }
}

/** A short JSON rendering of anything, byte arrays as their length. */
export function safeJson (v: unknown): string {
  try {
    return JSON.stringify(v, (_k, x: unknown) => x instanceof Uint8Array ? `<${x.byteLength} bytes>` : x)?.slice(0, 200) ?? String(v)
  } catch {
    return String(v)
  }
}
