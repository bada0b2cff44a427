/** The HTML page of the web image; every dynamic string goes through `escapeHtml`. */
import type { Note } from './notes.ts'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** `text` safe inside HTML text and quoted attributes. */
export function escapeHtml (text: string): string {
  return text.replace(/[&<>"']/g, c => ESCAPES[c])
}

/** What the page shows. */
export interface PageModel {
  title: string
  visits: number
  notes: Note[]
  instance: string
}

/** The whole page. */
export function renderPage (m: PageModel): string {
  const title = escapeHtml(m.title)
  const notes = m.notes.length === 0
    ? '<p class="empty">No notes yet.</p>'
    : '<ul class="notes">\n' + m.notes.map(n =>
      `  <li><span class="text">${escapeHtml(n.text)}</span> <time datetime="${escapeHtml(n.at)}">${escapeHtml(n.at)}</time></li>`
    ).join('\n') + '\n</ul>'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>
body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; }
time, footer { color: #666; font-size: 0.85em; }
</style>
</head>
<body>
<h1>${title}</h1>
<p>Visits: <strong id="visits">${m.visits}</strong></p>
<h2>Notes</h2>
${notes}
<form method="post" action="/notes">
<input name="text" maxlength="1000" required placeholder="Write a note" aria-label="Note">
<button type="submit">Add note</button>
</form>
<footer>Served by <span id="instance">${escapeHtml(m.instance)}</span></footer>
</body>
</html>
`
}
