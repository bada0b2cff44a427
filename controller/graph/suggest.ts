/**
 * The candidate nearest to a misspelt word, if it is near enough to be what was
 * meant (edit distance at most a third of the word, at least 1). Messages use it
 * for "did you mean": a typo in a graph is the commonest fault.
 */
export function closest (word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1
  for (const c of candidates) {
    const d = distance(word.toLowerCase(), c.toLowerCase())
    if (d < bestDistance) { best = c; bestDistance = d }
  }
  return best
}

// Levenshtein distance with one rolling row.
function distance (a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + cost)
      diagonal = above
    }
  }
  return row[b.length] as number
}

/** ` (did you mean "x"?)` or '' — ready to append to a message. */
export function didYouMean (word: string, candidates: Iterable<string>): string {
  const hint = closest(word, candidates)
  return hint === undefined ? '' : ` (did you mean "${hint}"?)`
}
