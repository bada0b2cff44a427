import Table from 'cli-table3'

/** A plain table for people: no borders, two spaces between columns. */
export function table (head: string[], rows: Array<Array<string | number>>): string {
  const t = new Table({
    head,
    chars: {
      top: '', 'top-mid': '', 'top-left': '', 'top-right': '', bottom: '', 'bottom-mid': '', 'bottom-left': '', 'bottom-right': '',
      left: '', 'left-mid': '', mid: '', 'mid-mid': '', right: '', 'right-mid': '', middle: '  '
    },
    style: { head: [], border: [], 'padding-left': 0, 'padding-right': 0 }
  })
  for (const r of rows) t.push(r.map(String))
  return t.toString().split('\n').map(l => l.trimEnd()).join('\n')
}

/** 1536 → "1.5Ki", in binary units like the app format. */
export function bytes (n: number): string {
  const units = ['', 'Ki', 'Mi', 'Gi', 'Ti']
  let i = 0
  let v = n
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++ }
  return `${v >= 10 || i === 0 ? Math.round(v) : v.toFixed(1)}${units[i]}`
}

/** ms since epoch → "12s ago", "3m ago". */
export function ago (at: number | undefined, now = Date.now()): string {
  if (at === undefined) return '-'
  const s = Math.max(0, Math.round((now - at) / 1000))
  if (s < 60) return `${s}s ago`
  if (s < 3600) return `${Math.floor(s / 60)}m ago`
  if (s < 86400) return `${Math.floor(s / 3600)}h ago`
  return `${Math.floor(s / 86400)}d ago`
}

export function time (at: number): string {
  return new Date(at).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z')
}
