import { RealClock } from '../../../controller/clock/index.ts'
import { BufferPool } from '../../network/index.ts'

/**
 * Buffers a copy to a member (resync) reads its chunks into, shared by every
 * copy on this node and used again once the member has answered every
 * request made from one: a fresh 4 MiB buffer per chunk cost the primary a
 * page fault per 4 KiB and collections. Four chunks are in flight per copy;
 * up to 32 MiB is kept, and none 10 s after the last copy.
 */
export const copyBuffers = new BufferPool({ clock: new RealClock() }, { maxBytes: 16 * 1024 * 1024, maxPooledBytes: 32 * 1024 * 1024, idleMs: 10_000 })
