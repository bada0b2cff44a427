/** Types of the NBD server's public face. */
import type { BlockStore } from '../block/index.ts'

/** A named BlockStore offered to NBD clients. */
export interface NbdExport {
  /** What clients ask for (NBD_OPT_GO / NBD_OPT_EXPORT_NAME); "" is the default export. */
  name: string
  store: BlockStore
  /** The generation this node's writes carry; read per request so an attach can move it without re-exporting. */
  generation: number | (() => number)
  /** Refuse writes (NBD_FLAG_READ_ONLY) whatever the store allows. */
  readOnly?: boolean
  /** Shown by nbdinfo and NBD_OPT_LIST. */
  description?: string
}

/** Counters of one server since it was made. */
export interface NbdServerStats {
  connectionsAccepted: number
  connectionsActive: number
  /** Connections dropped for breaking the protocol (garbage handshake, bad request magic). */
  connectionsRejected: number
  requests: { read: number, write: number, flush: number, trim: number, writeZeroes: number, disc: number, unknown: number }
  /** Requests answered with an NBD error. */
  errors: number
  bytesRead: number
  bytesWritten: number
  /** Buffers taken from the pool — write payloads joined from several socket chunks, and read replies — and how many of those reused one. */
  payloadsPooled: number
  payloadsReused: number
}

/** The counters connections keep themselves (the pool's are read from it). */
export type NbdConnectionCounters = Omit<NbdServerStats, 'payloadsPooled' | 'payloadsReused'>

/** Where a listener is: a TCP port or a Unix socket path. */
export type NbdAddress = { host: string, port: number } | { path: string }
