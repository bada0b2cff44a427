import t from 'tap'
import type { Test } from 'tap'
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { delimiter, join } from 'node:path'
import {
  capabilitiesFrom, fingerprintHost, gatherHostFacts, type HostFacts
} from '../../../daemon/resources/index.ts'

async function executable (path: string): Promise<void> {
  await writeFile(path, '#!/bin/sh\nexit 0\n')
  await chmod(path, 0o755)
}

/** A fake machine: two PATH folders and empty /dev, /sys, /lib/modules, cgroup trees. */
async function fakeHost (t: Test): Promise<{ root: string, bin1: string, bin2: string, path: string, paths: Record<string, string> }> {
  const root = await mkdtemp(join(tmpdir(), 'trellis-fingerprint-'))
  t.teardown(async () => { await rm(root, { recursive: true, force: true }) })
  const bin1 = join(root, 'bin1')
  const bin2 = join(root, 'bin2')
  for (const dir of [bin1, bin2, join(root, 'dev'), join(root, 'sys'), join(root, 'modules'), join(root, 'cgroup')]) await mkdir(dir)
  return {
    root,
    bin1,
    bin2,
    // Relative and empty entries must be skipped, not resolved against the cwd.
    path: ['', 'relative/bin', bin1, bin2].join(delimiter),
    paths: {
      devNbd0: join(root, 'dev', 'nbd0'),
      devFuse: join(root, 'dev', 'fuse'),
      sysModuleNbd: join(root, 'sys', 'nbd'),
      modulesDir: join(root, 'modules'),
      cgroupRoot: join(root, 'cgroup')
    }
  }
}

t.test('binaries are found on an injected PATH, and only executable files count', async t => {
  const host = await fakeHost(t)
  await executable(join(host.bin1, 'postgres'))
  await executable(join(host.bin2, 'haproxy'))
  await executable(join(host.bin2, 'postgres')) // shadowed by bin1's
  await writeFile(join(host.bin1, 'nginx'), 'not executable', { mode: 0o644 })
  await mkdir(join(host.bin1, 'qemu-img')) // a folder, not a program
  const facts = await gatherHostFacts({ path: host.path, uid: 1000, kernelRelease: '6.1.0', paths: host.paths })
  t.same(facts.binaries, { postgres: join(host.bin1, 'postgres'), haproxy: join(host.bin2, 'haproxy') })
  t.same(facts, { ...facts, root: false, nbdDevice: false, nbdModule: 'absent', cgroups: undefined, fuseDevice: false, fusermount: false })

  const fp = await fingerprintHost({ path: host.path, uid: 1000, kernelRelease: '6.1.0', paths: host.paths })
  t.same(fp.capabilities, ['binary:haproxy', 'binary:postgres'])
  t.ok(fp.notes.some(n => n.includes('advisory')))
})

t.test('a fully equipped root host', async t => {
  const host = await fakeHost(t)
  for (const name of ['nbdfuse', 'nbd-client', 'qemu-img', 'fusermount3']) await executable(join(host.bin1, name))
  await writeFile(host.paths.devFuse, '')
  await writeFile(join(host.paths.cgroupRoot, 'cgroup.controllers'), 'cpuset cpu io memory pids\n')
  await mkdir(join(host.paths.modulesDir, '6.1.0'))
  await writeFile(join(host.paths.modulesDir, '6.1.0', 'modules.dep'),
    'kernel/drivers/block/loop.ko.xz:\nkernel/drivers/block/nbd.ko.zst:\nkernel/fs/fuse/fuse.ko:\n')
  const opts = { path: host.path, uid: 0, kernelRelease: '6.1.0', paths: host.paths }
  const facts = await gatherHostFacts(opts)
  t.equal(facts.nbdModule, 'loadable')
  t.equal(facts.cgroups, 'v2')
  t.ok(facts.fusermount)
  const fp = await fingerprintHost(opts)
  t.same(fp.capabilities, [
    'binary:nbd-client', 'binary:nbdfuse', 'binary:qemu-img',
    'cgroup-limits', 'fuse', 'nbd-kernel', 'nbdfuse', 'volume-mount'
  ])
  t.same(fp.notes, [])

  t.equal((await gatherHostFacts({ ...opts, kernelRelease: '5.0.0' })).nbdModule, 'absent', 'modules of another kernel do not count')
  await mkdir(host.paths.sysModuleNbd)
  t.equal((await gatherHostFacts(opts)).nbdModule, 'loaded')
  await writeFile(host.paths.devNbd0, '')
  t.ok((await gatherHostFacts(opts)).nbdDevice)
})

t.test('cgroup v1 is recognised by its controller files', async t => {
  const host = await fakeHost(t)
  await mkdir(join(host.paths.cgroupRoot, 'memory'))
  await mkdir(join(host.paths.cgroupRoot, 'cpu'))
  await writeFile(join(host.paths.cgroupRoot, 'memory', 'memory.limit_in_bytes'), '9223372036854771712\n')
  t.equal((await gatherHostFacts({ path: '', uid: 0, paths: host.paths })).cgroups, undefined, 'memory alone is not enough')
  await writeFile(join(host.paths.cgroupRoot, 'cpu', 'cpu.cfs_quota_us'), '-1\n')
  t.equal((await gatherHostFacts({ path: '', uid: 0, paths: host.paths })).cgroups, 'v1')
})

t.test('the real machine fingerprints without throwing', async t => {
  const fp = await fingerprintHost()
  t.ok(Array.isArray(fp.capabilities) && Array.isArray(fp.notes))
  t.same(fp.capabilities, [...fp.capabilities].sort())
})

const BARE: HostFacts = {
  root: false, binaries: {}, nbdDevice: false, nbdModule: 'absent', cgroups: undefined, fuseDevice: false, fusermount: false
}

t.test('capabilities from facts, by table', async t => {
  const cases: Array<[string, Partial<HostFacts>, string[], RegExp[]]> = [
    ['bare unprivileged host', {}, [], [/kernel NBD/, /not running as root: cpu/, /no \/dev\/fuse/, /not running as root: volumes/]],
    ['binaries only', { binaries: { postgres: '/x/postgres', haproxy: '/x/haproxy' } }, ['binary:haproxy', 'binary:postgres'], []],
    ['nbd device without root', { nbdDevice: true }, ['nbd-kernel'], [/not running as root: volumes/]],
    ['nbd device with root', { root: true, nbdDevice: true }, ['nbd-kernel', 'volume-mount'], [/no cgroup/]],
    ['loadable nbd module with root', { root: true, nbdModule: 'loadable' }, ['nbd-kernel', 'volume-mount'], []],
    ['root with cgroups v1', { root: true, cgroups: 'v1' }, ['cgroup-limits'], [/neither kernel NBD nor nbdfuse/]],
    ['cgroups but not root', { cgroups: 'v2' }, [], [/not running as root: cpu/]],
    ['fuse as root', { root: true, fuseDevice: true }, ['fuse'], []],
    ['fuse device, no root, no fusermount', { fuseDevice: true }, [], [/no fusermount/]],
    ['fuse device and fusermount', { fuseDevice: true, fusermount: true }, ['fuse'], []],
    ['nbdfuse without fuse', { root: true, binaries: { nbdfuse: '/x/nbdfuse' } }, ['binary:nbdfuse'], [/nbdfuse is installed but FUSE/]],
    ['nbdfuse with fuse as root', { root: true, fuseDevice: true, binaries: { nbdfuse: '/x/nbdfuse' } },
      ['binary:nbdfuse', 'fuse', 'nbdfuse', 'volume-mount'], []],
    ['nbdfuse with fusermount but not root', { fuseDevice: true, fusermount: true, binaries: { nbdfuse: '/x/nbdfuse' } },
      ['binary:nbdfuse', 'fuse', 'nbdfuse'], [/not running as root: volumes/]]
  ]
  for (const [name, facts, capabilities, notes] of cases) {
    const fp = capabilitiesFrom({ ...BARE, ...facts })
    t.same(fp.capabilities, capabilities, `${name}: capabilities`)
    for (const note of notes) t.ok(fp.notes.some(n => note.test(n)), `${name}: note ${String(note)}`)
    if (capabilities.includes('volume-mount')) t.notOk(fp.notes.some(n => /volumes cannot be mounted into/.test(n)), `${name}: no contradicting note`)
  }
})
