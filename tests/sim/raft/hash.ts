/**
 * A running 64-bit hash (two 32-bit FNV-1a-style lanes) over the numbers a
 * run produces. Two runs with the same seed must end with the same value; it
 * is a fingerprint, not a cryptographic digest.
 */
export class TraceHash {
  #h1 = 0x811c9dc5
  #h2 = 0x01000193

  /** Mixes in a number (integers up to 2^53 keep all their bits). */
  add (n: number): void {
    const lo = n >>> 0
    const hi = Math.floor(n / 4294967296) >>> 0
    this.#h1 = Math.imul(this.#h1 ^ lo, 0x01000193)
    this.#h1 = Math.imul(this.#h1 ^ hi, 0x01000193)
    this.#h2 = Math.imul(this.#h2 ^ lo, 0x5bd1e995)
    this.#h2 = Math.imul(this.#h2 ^ (this.#h2 >>> 15), 0x27d4eb2d)
    this.#h2 = Math.imul(this.#h2 ^ hi, 0x5bd1e995)
  }

  hex (): string {
    return (this.#h1 >>> 0).toString(16).padStart(8, '0') + (this.#h2 >>> 0).toString(16).padStart(8, '0')
  }
}

/** A 32-bit hash step for chaining values (log prefixes, state-machine states). */
export function mix (h: number, v: number): number {
  h = Math.imul(h ^ (v >>> 0), 0x01000193)
  h = Math.imul(h ^ Math.floor(v / 4294967296), 0x5bd1e995)
  return (h ^ (h >>> 13)) >>> 0
}
