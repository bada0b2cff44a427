/**
 * Real mesh hosts on 127.0.0.1 for tests: every host made here is stopped in
 * t.teardown, so a failing test leaves no listener or timer behind.
 */
import { generateKeyPair } from '@libp2p/crypto/keys'
import type { PrivateKey } from '@libp2p/interface'
import { multiaddr } from '@multiformats/multiaddr'
import { pino } from 'pino'
import { createMeshHost, GridKey } from '../../../daemon/mesh/index.ts'
import type { MeshHost, MeshHostInit } from '../../../daemon/mesh/index.ts'

/** Silent unless TRELLIS_TEST_LOG names a level. */
export const logger = pino({ level: process.env.TRELLIS_TEST_LOG ?? 'silent' })

/** Short enough that a test waiting out a failed dial stays quick, long enough for a loaded CI machine. */
export const DIAL_TIMEOUT = 3_000 // ms

/** Redials fast so a test that loses a link sees it back within a second or two. */
export const FAST_BACKOFF = { initialMs: 100, maxMs: 500 }

/** Whatever stops what a helper started: a tap Test, or a suite's own list. */
export interface Owner {
  teardown (fn: () => unknown): void
}

/** Starts a host on an ephemeral 127.0.0.1 port and stops it when its owner (a test) ends. */
export async function startHost (t: Owner, init: Partial<MeshHostInit> & { gridKey: GridKey }): Promise<MeshHost> {
  const host = await createMeshHost({ logger }, {
    privateKey: init.privateKey ?? await generateKeyPair('Ed25519'),
    listen: ['/ip4/127.0.0.1/tcp/0'],
    dialTimeoutMs: DIAL_TIMEOUT,
    backoff: FAST_BACKOFF,
    ...init
  })
  t.teardown(() => host.stop())
  return host
}

/** Starts `count` hosts of one grid, each connected to the first. */
export async function startGrid (t: Owner, count: number, gridKey = GridKey.create()): Promise<MeshHost[]> {
  const hosts: MeshHost[] = []
  for (let i = 0; i < count; i++) hosts.push(await startHost(t, { gridKey }))
  for (const host of hosts.slice(1)) await connect(host, hosts[0])
  return hosts
}

/**
 * Dials `to` from `from` by its first address and waits until both ends see
 * a member connection: the dialler finishes the handshake a moment before the
 * listener does, and a dial back by peer id in that moment finds neither a
 * connection nor an address.
 */
export async function connect (from: MeshHost, to: MeshHost): Promise<void> {
  await from.libp2p.dial(multiaddr(to.addresses[0]), { signal: AbortSignal.timeout(DIAL_TIMEOUT) })
  // A first connection between strangers only proves the grid key, then
  // makes way for a member connection.
  await waitFor('both ends to see a member connection', () => from.connectedPeers.includes(to.peerId) && to.connectedPeers.includes(from.peerId), DIAL_TIMEOUT)
}

/** A fresh node key. */
export async function nodeKey (): Promise<PrivateKey> {
  return await generateKeyPair('Ed25519')
}

/** Resolves once `check` holds, polling; rejects naming `what` after `ms`. */
export async function waitFor (what: string, check: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 25))
  }
}

/** The TCP port of a host's first address. */
export function portOf (host: MeshHost): number {
  const port = multiaddr(host.addresses[0]).getComponents().find(component => component.name === 'tcp')?.value
  if (port === undefined) throw new Error(`no tcp port in ${host.addresses[0]}`)
  return Number(port)
}
