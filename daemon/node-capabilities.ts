/**
 * What this node can run and how, as its advert's capabilities and notes
 * say: the process driver (limits, user isolation), volume mounting, and
 * whether mDNS can find grid members from here. Probed once at start.
 */
import type { Logger } from 'pino'
import { loadGridConfig } from './commands/index.ts'
import type { NodeConfig } from './config.ts'
import { probeMulticast } from './mesh/index.ts'
import { fingerprintHost } from './resources/index.ts'
import type { DriverFingerprint, ProcessDriver } from './runtime/index.ts'
import { probeMountSupport } from './volumes/mount/index.ts'

/** What this node can run and how, as its advert says: the driver, cgroup limits, user isolation, volume mounting. */
export async function nodeFingerprints (driver: ProcessDriver, grid: boolean): Promise<Array<{ capabilities: string[], notes: string[] }>> {
  const f: DriverFingerprint = await driver.fingerprint()
  // A lone node keeps volumes as directories; a grid node replicates them as block devices, mounted when it can.
  const mount = grid ? await probeMountSupport() : { ok: true }
  return [
    await fingerprintHost(),
    {
      capabilities: [`driver:${f.driver}`, ...(f.enforcesLimits ? ['cgroup-limits'] : []), ...(f.isolatesUsers === true ? ['user-isolation'] : [])],
      notes: [
        ...(f.enforcesLimits ? [] : [`limits advisory: ${f.detail}`]),
        ...(f.isolatesUsers === true ? [] : [`instances not isolated: ${f.isolationDetail ?? 'they run as the daemon\'s user'}`])
      ]
    },
    mount.ok
      ? { capabilities: ['volume-mount'], notes: [] }
      : { capabilities: [], notes: [`cannot mount volumes: ${mount.why ?? 'unknown'}`] }
  ]
}

/** A grid node that looks for members by mDNS says so, in its log and its advert's notes, when multicast cannot leave the host. */
export async function multicastNotes (config: NodeConfig, logger: Logger): Promise<{ capabilities: string[], notes: string[] }> {
  const saved = await loadGridConfig(config.dataDir)
  if ((config.mdns ?? saved?.mdns ?? true) === false) return { capabilities: [], notes: [] }
  const probe = await probeMulticast()
  if (probe.ok) return { capabilities: [], notes: [] }
  const bootstrap = (saved?.bootstrap ?? []).length + config.bootstrap.length
  logger.warn({ why: probe.why, bootstrap }, bootstrap > 0 || saved?.founder === true
    ? 'mDNS cannot find grid members from this host; only the bootstrap addresses can'
    : 'mDNS cannot find grid members from this host; scanning the subnets for them instead')
  return { capabilities: [], notes: [`mDNS cannot work: ${probe.why}`] }
}
