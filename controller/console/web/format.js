/** Numbers as people read them. */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB']

/** @param {number} n bytes */
export function bytes (n) {
  if (!Number.isFinite(n)) return '?'
  let i = 0
  while (Math.abs(n) >= 1024 && i < UNITS.length - 1) { n /= 1024; i++ }
  return `${i === 0 ? n : n.toFixed(n >= 10 ? 0 : 1)} ${UNITS[i]}`
}

/** @param {number} at ms since the epoch */
export function clockTime (at) {
  return new Date(at).toLocaleTimeString([], { hour12: false })
}

/** @param {number} at ms since the epoch @param {number} now */
export function ago (at, now = Date.now()) {
  const s = Math.max(0, Math.round((now - at) / 1000))
  if (s < 60) return `${s} s ago`
  if (s < 3600) return `${Math.round(s / 60)} min ago`
  if (s < 86400) return `${Math.round(s / 3600)} h ago`
  return `${Math.round(s / 86400)} d ago`
}

/** @param {number} x @param {number} digits */
export function fixed (x, digits = 1) {
  return Number.isFinite(x) ? x.toFixed(digits) : '?'
}
