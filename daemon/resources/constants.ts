/**
 * Sizes and intervals of node adverts. docs/node-adverts.md explains each;
 * change them there too.
 */

/** Memory kept back for the operating system and the daemon itself, in bytes. */
export const RESERVED_MEMORY = 512 * 1024 * 1024
/** Disk kept free in the data dir, in bytes. */
export const RESERVED_DISK = 1024 * 1024 * 1024

/**
 * Largest encoded advert a node sends or accepts, in bytes. A full advert is
 * well under 2 KiB; the limit bounds what a confused or hostile peer can make
 * every node decode and keep, and stays far below gossipsub's 1 MiB message cap.
 */
export const MAX_ADVERT_BYTES = 16 * 1024
/** Largest encoded heartbeat accepted, in bytes (a real one is under 64). */
export const MAX_HEARTBEAT_BYTES = 256

/** A node publishes its advert at least this often even when nothing changed, in ms. */
export const ADVERT_INTERVAL_MS = 10_000 // ms
/** Least gap between two adverts published because something changed, in ms; damps flapping values. */
export const ADVERT_MIN_GAP_MS = 1_000 // ms

/**
 * How long one systeminformation call may take before the probe falls back
 * to node:os, in ms. A stuck call (a hung /sys read, a slow subprocess on
 * another OS) must not stall the advert loop.
 */
export const PROBE_TIMEOUT_MS = 2_000 // ms
