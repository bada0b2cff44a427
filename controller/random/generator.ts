/**
 * The generator and hash everything seeded is built on.
 */

/** A source of uniform numbers in [0, 1), like Math.random. */
export type Rng = () => number

/**
 * mulberry32 (Tommy Ettinger, public domain): uniform in [0, 1), tiny and
 * fast. Statistically plenty for shuffles, probe choice and simulations; not
 * for secrets.
 */
export function mulberry32 (seed: number): Rng {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 15), z | 1)
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61)
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296
  }
}

/** FNV-1a over the UTF-16 code units of text, 32 bits; `h` chains one hash into the next. */
export function fnv1a (text: string, h = 0x811c9dc5): number {
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}
