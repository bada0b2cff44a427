import { createRequire } from 'node:module'

/**
 * A work-around for two faults of @libp2p/pnet ≤ 3.0.27 and the xsalsa20
 * 1.2.0 WASM cipher it uses, fixed upstream by libp2p/js-libp2p#3585 but not
 * yet released. Remove this file when a pnet release carries that fix.
 *
 * 1. Every cipher in the process shares one WASM memory (10 pages, at most
 *    1000) and caches a view of it. A write larger than the memory (pnet XORs
 *    a whole send batch at once, easily MBs under load) grows it, which
 *    detaches every other cipher's view; each of those then "grows" again on
 *    its next update, and the ciphers of two connections ping-pong the memory
 *    to its cap within a few hundred writes. The RangeError is thrown in a
 *    socket 'data' listener: the daemon crashes. Fixed here by XORing in
 *    windows that fit the memory, and by refreshing a stale view before use.
 * 2. pnet never calls finalize(), so each connection leaks two 64-byte cipher
 *    slots for good (and its key stays in WASM memory); a few hundred
 *    thousand connections, even unauthenticated ones, exhaust the memory.
 *    Fixed here, for ciphers that have been used, by finalizing a cipher once
 *    it is garbage collected.
 */

/** Bytes XORed per call into the cipher: far below the 640 KiB the WASM memory starts with. */
const WINDOW = 64 * 1024 // bytes

interface WasmCipher {
  _memory: Uint8Array
  finalize (): void
}

interface Cipher {
  _xor: WasmCipher | object | null
  update (input: Uint8Array, output?: Uint8Array): Uint8Array
}

const kPatched = Symbol.for('trellis.pnet-cipher.patched')

/**
 * Patches the xsalsa20 module @libp2p/pnet loads (resolved from pnet itself,
 * so it is the very copy pnet uses). Idempotent; call before the first
 * connection.
 */
export function patchPnetCipher (): void {
  const XSalsa20 = createRequire(import.meta.resolve('@libp2p/pnet'))('xsalsa20') as { prototype: Cipher & { [kPatched]?: true } }
  const proto = XSalsa20.prototype
  if (proto[kPatched] === true) return
  proto[kPatched] = true
  const update = proto.update
  /** The WASM memory's buffer after the last update; a view on any other is stale. */
  let current: ArrayBuffer | undefined
  const released = new FinalizationRegistry<WasmCipher>(xor => {
    refresh(xor)
    xor.finalize()
  })
  const seen = new WeakSet<Cipher>()

  function refresh (xor: WasmCipher): void {
    if (current !== undefined && xor._memory.buffer !== current) xor._memory = new Uint8Array(current)
  }

  proto.update = function (this: Cipher, input: Uint8Array, output?: Uint8Array): Uint8Array {
    const xor = this._xor
    // The JS fallback (no WebAssembly) has neither fault.
    if (xor === null || !('_memory' in xor)) return update.call(this, input, output)
    if (!seen.has(this)) {
      seen.add(this)
      released.register(this, xor)
    }
    const out = output ?? new Uint8Array(input.byteLength)
    for (let at = 0; at < input.byteLength || at === 0; at += WINDOW) {
      const end = Math.min(at + WINDOW, input.byteLength)
      refresh(xor)
      update.call(this, input.subarray(at, end), out.subarray(at, end))
      current = xor._memory.buffer as ArrayBuffer
      if (end === input.byteLength) break
    }
    return out
  }
}
