/**
 * The uids instances run as: a configured range, and which uid of it an
 * instance gets. Pure; accounts.ts persists the choices.
 */
import { createHash } from 'node:crypto'
import { InvalidUidRangeError } from '../errors.ts'

/** A closed range of uids (and gids: each instance's gid equals its uid). */
export interface UidRange {
  first: number
  last: number
}

/**
 * The default range: the first 65,536 ids of the block systemd documents as
 * unused by it and by distributions (1879048192…2147352575, 0x70000000…), far
 * above people (1000…60000), systemd's dynamic users (61184…65519) and the
 * container ranges nspawn and subuid hand out (524288…1879048191, 100000…).
 */
export const DEFAULT_INSTANCE_UIDS: UidRange = { first: 0x70000000, last: 0x7000ffff }

/** Below this live system users, people, nobody (65534) and the 16-bit -1 (65535). */
export const LOWEST_INSTANCE_UID = 65536
/** Ids above this read as negative to programs that keep uids in a signed int. */
export const HIGHEST_INSTANCE_UID = 0x7fffffff

/** Why a range cannot be used; undefined when it can. */
export function uidRangeProblem (range: UidRange): string | undefined {
  const { first, last } = range
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(last)) return 'bounds must be whole numbers'
  if (first > last) return `the first uid ${first} is above the last ${last}`
  if (first < LOWEST_INSTANCE_UID) return `must start at ${LOWEST_INSTANCE_UID} or above: lower ids belong to the system and to people`
  if (last > HIGHEST_INSTANCE_UID) return `must end at ${HIGHEST_INSTANCE_UID} or below`
  return undefined
}

/** Reads `FIRST-LAST` (e.g. `1879048192-1879113727`); throws ERR_INVALID_UID_RANGE naming what is wrong. */
export function parseUidRange (text: string): UidRange {
  const m = /^\s*(\d{1,10})\s*-\s*(\d{1,10})\s*$/.exec(text)
  if (m === null) throw new InvalidUidRangeError(`uid range ${JSON.stringify(text)}: expected FIRST-LAST, e.g. ${DEFAULT_INSTANCE_UIDS.first}-${DEFAULT_INSTANCE_UIDS.last}`)
  const range = { first: Number(m[1]), last: Number(m[2]) }
  const problem = uidRangeProblem(range)
  if (problem !== undefined) throw new InvalidUidRangeError(`uid range ${text}: ${problem}`)
  return range
}

/**
 * Where an instance's search for a uid starts: a hash of its id. The same
 * instance then gets the same uid on every node (unless that uid is taken
 * there), so a volume that moves with it needs no re-chowning, and a uid
 * freed by one instance is rarely handed to another.
 */
export function preferredUid (range: UidRange, id: string): number {
  const size = range.last - range.first + 1
  const hash = createHash('sha256').update(id).digest().readUInt32BE(0)
  return range.first + (hash % size)
}

/**
 * The uid for instance `id`: the first from its preferred uid onwards
 * (wrapping around) that no other instance holds and the system does not
 * use. Undefined when the range is full.
 */
export function allocateUid (range: UidRange, id: string, taken: ReadonlySet<number>, inUse: (uid: number) => boolean): number | undefined {
  const size = range.last - range.first + 1
  const start = preferredUid(range, id) - range.first
  for (let i = 0; i < size; i++) {
    const uid = range.first + ((start + i) % size)
    if (!taken.has(uid) && !inUse(uid)) return uid
  }
  return undefined
}

/**
 * The ids that /etc/passwd and /etc/group give to someone (third field of
 * each line): an instance never gets one of them.
 */
export function idsInDatabase (text: string): Set<number> {
  const ids = new Set<number>()
  for (const line of text.split('\n')) {
    const field = line.split(':')[2] ?? ''
    if (!line.startsWith('#') && /^\d+$/.test(field)) ids.add(Number(field))
  }
  return ids
}
