/**
 * Power at the node's edge: Wake-on-LAN (the leader wakes a parked node that
 * is off) and the node's optional power-off hook when parked. The decisions
 * are controller/reconciler/consolidate.ts's; docs/field.md, Power.
 */
export { magicPacket, normalizeMac, sendWakeOnLan, wakeMacOf, MAGIC_PACKET_BYTES, WAKE_ADDRESS, WAKE_PORT } from './wake-on-lan.ts'
export { PowerOffHook, POWER_OFF_DELAY_MS } from './power-off.ts'
export type { PowerOffComponents, PowerOffInit } from './power-off.ts'
export { BadMacError } from './errors.ts'
