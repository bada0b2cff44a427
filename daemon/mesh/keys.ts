import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { link, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { inspect } from 'node:util'
import { generateKeyPair, privateKeyFromProtobuf, privateKeyToProtobuf } from '@libp2p/crypto/keys'
import type { PrivateKey } from '@libp2p/interface'
import { GridKeyInvalidError, KeyFileExposedError, NodeKeyInvalidError } from './errors.ts'

/** The first line of a libp2p pre-shared key file (go-ipfs swarm.key): the grid key keeps that format. */
const PSK_HEADER = '/key/swarm/psk/1.0.0/'
/** The only encoding accepted (the one libp2p's pnet decodes). */
const PSK_ENCODING = '/base16/'
const PSK_BYTES = 32 // bytes
/** Where a node keeps its libp2p private key, inside its data dir. */
export const NODE_KEY_FILE = 'node.key'
/** Owner read/write only. */
const KEY_FILE_MODE = 0o600
/** Permission bits that let anyone but the owner at a file. */
const NOT_OWNER_BITS = 0o077

/**
 * The secret that makes a grid: only holders can join it (they prove holding
 * it over the join protocol, daemon/mesh/admission.ts). The bytes stay inside; printing, logging or
 * JSON-encoding a GridKey shows only its fingerprint, so it cannot leak by
 * accident.
 */
export class GridKey {
  readonly #key: Uint8Array
  /** 16 hex digits that identify the key without revealing it; safe to log and to compare by eye. */
  readonly fingerprint: string

  private constructor (key: Uint8Array) {
    this.#key = key
    this.fingerprint = derive('trellis grid key fingerprint', key).subarray(0, 8).toString('hex')
  }

  /** Makes a new random grid key. */
  static create (): GridKey {
    return new GridKey(randomBytes(PSK_BYTES))
  }

  /**
   * Reads a key in swarm.key format: `/key/swarm/psk/1.0.0/`, `/base16/` and
   * 64 hex digits, one a line. Accepts CRLF and a trailing newline. Throws
   * ERR_GRID_KEY_INVALID naming what is wrong, never quoting the key.
   */
  static parse (text: string | Uint8Array): GridKey {
    const source = typeof text === 'string' ? text : Buffer.from(text).toString('utf8')
    const lines = source.split(/\r\n|\n|\r/)
    while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop()
    if (lines.length === 0) throw new GridKeyInvalidError('grid key is empty')
    if (lines[0].trim() !== PSK_HEADER) throw new GridKeyInvalidError(`grid key must start with the line ${PSK_HEADER}`)
    const encoding = lines[1]?.trim()
    if (encoding === undefined) throw new GridKeyInvalidError(`grid key has no encoding line; expected ${PSK_ENCODING}`)
    if (encoding !== PSK_ENCODING) {
      // The encoding line is not secret, but a wrong file might hold anything
      // there; quote it only when it looks like an encoding name.
      const shown = /^\/[a-z0-9]{1,16}\/$/.test(encoding) ? ` (found ${encoding})` : ''
      throw new GridKeyInvalidError(`grid key encoding must be ${PSK_ENCODING}${shown}`)
    }
    const hex = lines[2]?.trim()
    if (hex === undefined || hex === '') throw new GridKeyInvalidError('grid key has no key line after the encoding')
    if (!/^[0-9a-fA-F]*$/.test(hex)) throw new GridKeyInvalidError('grid key line holds characters that are not hex digits')
    if (hex.length !== PSK_BYTES * 2) throw new GridKeyInvalidError(`grid key must be ${PSK_BYTES * 2} hex digits (${PSK_BYTES} bytes), found ${hex.length}`)
    if (lines.length > 3) throw new GridKeyInvalidError('grid key has more lines after the key')
    return new GridKey(Buffer.from(hex, 'hex'))
  }

  /** The key in swarm.key format (no trailing newline), as the key file holds it. */
  encode (): Uint8Array {
    return Buffer.from(`${PSK_HEADER}\n${PSK_ENCODING}\n${Buffer.from(this.#key).toString('hex')}`)
  }

  /** True when both hold the same key, however each was written. */
  equals (other: GridKey): boolean {
    return timingSafeEqual(this.#key, other.#key)
  }

  /**
   * A short tag derived from the key, for names other nodes of the same grid
   * must agree on (the mDNS service). One-way, so publishing it reveals nothing.
   */
  tag (purpose: string): string {
    return derive(`trellis grid tag ${purpose}`, this.#key).subarray(0, 4).toString('hex')
  }

  /**
   * A secret derived from the key for one purpose (a MAC key, a salt), so the
   * key itself is used for nothing but deriving. One-way: a subkey leaked
   * gives neither the key nor any other purpose's subkey.
   */
  subkey (purpose: string): Buffer {
    return derive(`trellis grid subkey ${purpose}`, this.#key)
  }

  /**
   * HMAC-SHA256 keyed by the grid key over `purpose` and `parts`, each
   * length-prefixed so no two lists of parts read the same. Proves holding
   * the key to someone who holds it too, without sending it.
   */
  mac (purpose: string, parts: ReadonlyArray<string | Uint8Array>): Buffer {
    const hmac = createHmac('sha256', derive(`trellis grid mac ${purpose}`, this.#key))
    for (const part of parts) {
      const bytes = typeof part === 'string' ? Buffer.from(part, 'utf8') : part
      const length = Buffer.alloc(4)
      length.writeUInt32BE(bytes.byteLength)
      hmac.update(length).update(bytes)
    }
    return hmac.digest()
  }

  /** `GridKey(<fingerprint>)`; never the key. */
  toString (): string {
    return `GridKey(${this.fingerprint})`
  }

  /** What JSON.stringify and pino show: the fingerprint only. */
  toJSON (): { fingerprint: string } {
    return { fingerprint: this.fingerprint }
  }

  /** What util.inspect and console show: the fingerprint only. */
  [inspect.custom] (): string {
    return this.toString()
  }
}

/** Saves a grid key in swarm.key format with mode 0600, atomically; an existing file is replaced. */
export async function saveGridKey (file: string, key: GridKey): Promise<void> {
  await writeKeyFile(file, Buffer.concat([key.encode(), Buffer.from('\n')]))
}

/**
 * Loads a grid key. Refuses (ERR_KEY_FILE_EXPOSED) a file the group or others
 * may read or write; throws ERR_GRID_KEY_INVALID for a malformed key.
 */
export async function loadGridKey (file: string): Promise<GridKey> {
  await checkKeyFile(file)
  return GridKey.parse(await readFile(file))
}

/**
 * Loads the node's libp2p private key from `<dataDir>/node.key`, creating an
 * Ed25519 key on first start, so the node keeps its peer id across restarts.
 * The file holds the key's libp2p protobuf encoding, mode 0600.
 */
export async function loadNodeKey (dataDir: string): Promise<PrivateKey> {
  const file = join(dataDir, NODE_KEY_FILE)
  let bytes: Uint8Array
  try {
    await checkKeyFile(file)
    bytes = await readFile(file)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err
    const key = await generateKeyPair('Ed25519')
    await mkdir(dataDir, { recursive: true, mode: 0o700 })
    try {
      await writeKeyFile(file, privateKeyToProtobuf(key), { exclusive: true })
      return key
    } catch (err) {
      // Another process made the key first: that one is the node's key.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      await checkKeyFile(file)
      bytes = await readFile(file)
    }
  }
  try {
    return privateKeyFromProtobuf(bytes)
  } catch (err) {
    throw new NodeKeyInvalidError(`${file} does not hold a libp2p private key`, { cause: err })
  }
}

/** Refuses a key file that is not a regular file or that anyone but its owner may read or write. */
async function checkKeyFile (file: string): Promise<void> {
  const info = await stat(file)
  if (!info.isFile()) throw new KeyFileExposedError(`${file} is not a regular file`)
  // Windows has no such mode bits; its ACLs are the operator's to set.
  if (process.platform === 'win32') return
  if ((info.mode & NOT_OWNER_BITS) !== 0) {
    const mode = (info.mode & 0o777).toString(8).padStart(4, '0')
    throw new KeyFileExposedError(`${file} has mode ${mode}, open to group or others; run: chmod 600 ${file}`)
  }
}

/**
 * Writes a key file readable by its owner only: to a temporary file made with
 * mode 0600 (so the key is never on disk with wider permissions), synced,
 * then moved into place whole, so a crash leaves no half-written key. With
 * `exclusive` the move is a hard link, and an existing file wins (EEXIST).
 */
async function writeKeyFile (file: string, data: Uint8Array, options: { exclusive?: boolean } = {}): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 })
  const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`
  try {
    await writeSynced(temporary, data)
    if (options.exclusive === true) await link(temporary, file)
    else await rename(temporary, file)
  } finally {
    await rm(temporary, { force: true })
  }
}

async function writeSynced (file: string, data: Uint8Array): Promise<void> {
  const handle = await open(file, 'wx', KEY_FILE_MODE)
  try {
    await handle.writeFile(data)
    // The umask may have narrowed the mode further, never widened it; set it
    // exactly so the check on load agrees with what was written.
    await handle.chmod(KEY_FILE_MODE)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

function derive (purpose: string, key: Uint8Array): Buffer {
  return createHash('sha256').update(purpose).update('\0').update(key).digest()
}
