/**
 * What a node knows and says about itself. The wire form is
 * proto/mesh.proto; these are the same messages with plain numbers (bytes,
 * ms since the epoch) and string unions, which codec.ts maps to and from.
 */
import type { Resources } from '../../controller/graph/types.ts'

/** Where a node's power comes from. */
export type PowerSource = 'mains' | 'battery' | 'unknown'

/** A node's power state. */
export interface Power {
  source: PowerSource
  /** 0..100; absent when the node has no battery. */
  chargePercent?: number
  /** Minutes left on battery at the present draw; absent when unknown or on mains. */
  timeRemainingMinutes?: number
  charging: boolean
}

/** What this node has and what it can give to instances, as probed. */
export interface NodeResources {
  cpu: {
    cores: number
    model: string
    load1: number
    load5: number
    load15: number
    /** Busy share of all cores, 0..100 percent. */
    usage: number
  }
  /** Bytes; `free` is what new work can use without swapping. */
  memory: { total: number, free: number }
  /** The data dir's file system, bytes; `free` is what an unprivileged writer may still use. */
  disk: { total: number, free: number }
  power: Power
  /** What instances may ask for in all: totals less the reservations. */
  allocatable: Resources
  /** What the probe could not read and estimated instead, one sentence each; for the log. */
  fallbacks: string[]
}

/** Capabilities of a node and why some are missing or limited. */
export interface Fingerprint {
  /** e.g. `binary:postgres`, `nbd-kernel`, `cgroup-limits`; sorted, unique. */
  capabilities: string[]
  notes: string[]
}

/** Software versions a node runs. */
export interface Versions {
  trellis: string
  node: string
}

/** The advert a node publishes about itself (proto: trellis.mesh.NodeAdvert). */
export interface NodeAdvert {
  nodeId: string
  name: string
  /** Bumped on every daemon start; from 1. */
  incarnation: number
  /** Bumped for every advert or heartbeat within an incarnation; from 1. */
  sequence: number
  /** ms since the epoch, by the sender's clock. */
  sentAt: number
  versions: Versions
  zone: string
  labels: Record<string, string>
  cpu: {
    cores: number
    model: string
    load1: number
    load5: number
    load15: number
    usage: number
    allocatable: number
    allocated: number
  }
  memory: { total: number, free: number, allocatable: number, allocated: number }
  disk: { total: number, free: number, allocatable: number, allocated: number }
  power: Power
  capabilities: string[]
  notes: string[]
  /** host:port of the admin API; empty when not published. */
  apiAddress: string
  listenAddrs: string[]
  /** MAC address (aa:bb:cc:dd:ee:ff) that Wake-on-LAN wakes the node at; absent when unknown. */
  wakeMac?: string
}

/** A liveness beat (proto: trellis.mesh.Heartbeat). */
export interface Heartbeat {
  nodeId: string
  incarnation: number
  sequence: number
  sentAt: number
  /** A clean shutdown: peers mark the node left rather than down. */
  leaving?: boolean
  /** In a datagram: the sender has lately heard the recipient's datagrams (membership/datagram-reach.ts). */
  heard?: boolean
}

/** Where a message sits in its node's history; what the replay guard compares. */
export interface AdvertStamp {
  incarnation: number
  sequence: number
}
