/**
 * Keys arrive URL-encoded in the path. They are decoded once, checked, and
 * stored as their UTF-8 bytes, so the byte order LevelDB sorts by is the order
 * `GET /kv?prefix=` lists in.
 */
import { HttpError } from './shared/index.ts'

/** Largest key in bytes of UTF-8. */
export const MAX_KEY_BYTES = 512

/** Control characters would make keys unprintable in logs and listings. */
const CONTROL = /[\u0000-\u001f\u007f]/ // eslint-disable-line no-control-regex

/**
 * The key encoded in `raw` (the path after `/kv/`), or a 400 HttpError
 * naming the problem.
 */
export function decodeKey (raw: string): string {
  let key: string
  try {
    key = decodeURIComponent(raw)
  } catch {
    throw new HttpError(400, 'key is not valid percent-encoded UTF-8', 'key')
  }
  checkKey(key, 'key')
  return key
}

/** Throws a 400 HttpError naming `field` unless `key` is a valid key. */
export function checkKey (key: string, field: string): void {
  const bytes = Buffer.byteLength(key)
  if (bytes === 0) throw new HttpError(400, `${field} is empty`, field)
  if (bytes > MAX_KEY_BYTES) throw new HttpError(400, `${field} is ${bytes} bytes, more than ${MAX_KEY_BYTES}`, field)
  if (CONTROL.test(key)) throw new HttpError(400, `${field} contains a control character`, field)
  if (!key.isWellFormed()) throw new HttpError(400, `${field} is not valid UTF-8`, field)
}

/**
 * The smallest byte string greater than every string that starts with
 * `prefix`, for an exclusive upper bound; undefined when there is none.
 */
export function prefixEnd (prefix: Buffer): Buffer | undefined {
  const end = Buffer.from(prefix)
  for (let i = end.length - 1; i >= 0; i--) {
    if (end[i] < 0xff) {
      end[i]++
      return end.subarray(0, i + 1)
    }
  }
  return undefined
}
