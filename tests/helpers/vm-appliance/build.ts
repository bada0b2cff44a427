/**
 * Builds the test VM appliance (image `vm-web`) from Debian packages and
 * caches it outside the repository, keyed by what went into it:
 *
 *   apt-get download linux-image-<abi>-amd64, busybox-static ─▶ dpkg-deb -x
 *   kernel modules it needs (virtio, fw_cfg, ext4, ACPI button) ─┐
 *   busybox, the host's mke2fs and its libraries, guest/ files ──┴▶ cpio newc ─▶ boot/initrd.img
 *   boot/vmlinuz, manifest.yaml                                  ──────────────▶ <cache>/<key>/
 *
 * The key hashes the package versions and the guest files, so a new kernel
 * in the archive or an edited init script builds a new appliance and
 * everything else reuses the cached one. Concurrent builders each build in
 * their own temp dir and the first rename wins.
 */
import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { homedir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { moduleLoadOrder, moduleName, readModuleDepends } from './modules.ts'

const run = promisify(execFile)
const HERE = dirname(fileURLToPath(import.meta.url))
/** Bumped when the layout of the built folder changes, so old cache entries are not used. */
const FORMAT = 1
/** Kernel modules the guest loads (their dependencies are added): virtio PCI, net and block, fw_cfg for the environment, ext4 for the volume, the ACPI power button and evdev for acpid. */
export const GUEST_MODULES = ['virtio_pci', 'virtio_net', 'virtio_blk', 'qemu_fw_cfg', 'crc32c_generic', 'ext4', 'button', 'evdev']
/** Debian's kernel meta package; its dependency names the current kernel ABI. */
const KERNEL_META = 'linux-image-amd64'

/** The built appliance: an image folder (manifest.yaml, boot/vmlinuz, boot/initrd.img). */
export interface VmAppliance {
  dir: string
  kernel: string
  initrd: string
  /** The cache key: a hash of the versions and guest files. */
  key: string
  versions: { kernel: string, kernelPackage: string, busybox: string, e2fsprogs: string }
}

/** Where built appliances are kept: TRELLIS_VM_CACHE, else ~/.cache/trellis/vm-appliance. */
export function applianceCacheDir (): string {
  return process.env.TRELLIS_VM_CACHE ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'trellis', 'vm-appliance')
}

/** The appliance for the current Debian packages, built on first use. */
export async function buildVmAppliance (options: { cacheDir?: string } = {}): Promise<VmAppliance> {
  const cacheDir = options.cacheDir ?? applianceCacheDir()
  const versions = await packageVersions()
  const guest = await listFiles(join(HERE, 'guest'))
  const hash = createHash('sha256').update(JSON.stringify({ FORMAT, versions, modules: GUEST_MODULES }))
  for (const file of guest) hash.update(file.path).update(String(file.mode)).update(await readFile(file.abs))
  hash.update(await readFile(join(HERE, 'manifest.yaml')))
  const key = hash.digest('hex').slice(0, 16)
  const dir = join(cacheDir, key)
  const appliance = { dir, kernel: join(dir, 'boot', 'vmlinuz'), initrd: join(dir, 'boot', 'initrd.img'), key, versions }
  if (await exists(join(dir, 'manifest.yaml'))) return appliance
  await mkdir(cacheDir, { recursive: true })
  const work = await mkdtemp(join(cacheDir, '.build-'))
  try {
    const out = join(work, 'out')
    await build(work, out, versions, guest)
    try {
      await rename(out, dir)
    } catch (err) {
      // another builder finished first: its appliance is the same
      if (!['ENOTEMPTY', 'EEXIST'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err
    }
  } finally {
    await rm(work, { recursive: true, force: true })
  }
  return appliance
}

async function build (work: string, out: string, versions: VmAppliance['versions'], guest: GuestFile[]): Promise<void> {
  const debs = join(work, 'debs')
  const pkgs = join(work, 'pkgs')
  const root = join(work, 'root')
  await mkdir(debs)
  await mkdir(pkgs)
  await run('apt-get', ['download', '-q', `${versions.kernelPackage}=${versions.kernel}`, `busybox-static=${versions.busybox}`], { cwd: debs, maxBuffer: 16 << 20 })
  for (const deb of await readdir(debs)) await run('dpkg-deb', ['-x', join(debs, deb), pkgs])

  for (const d of ['bin', 'sbin', 'etc', 'proc', 'sys', 'dev', 'run', 'tmp', 'data', 'lib/modules']) await mkdir(join(root, d), { recursive: true })
  for (const file of guest) {
    await mkdir(dirname(join(root, file.path)), { recursive: true })
    await copyFile(file.abs, join(root, file.path))
    await chmod(join(root, file.path), file.mode)
  }
  await copyFile(join(pkgs, 'bin', 'busybox'), join(root, 'bin', 'busybox'))
  await chmod(join(root, 'bin', 'busybox'), 0o755)
  // busybox's mke2fs makes only ext2: the guest formats its volume with the real one
  await copyWithLibraries('/sbin/mke2fs', root)
  await copyFile('/etc/mke2fs.conf', join(root, 'etc', 'mke2fs.conf')).catch(() => {})

  const kernelDir = join(pkgs, 'lib', 'modules')
  const [release] = await readdir(kernelDir)
  if (release === undefined) throw new Error(`${versions.kernelPackage} holds no modules`)
  const files = new Map<string, string>()
  for (const f of await listFiles(join(kernelDir, release, 'kernel'))) if (f.path.endsWith('.ko')) files.set(moduleName(f.path), f.abs)
  const order = await moduleLoadOrder(GUEST_MODULES, async name => {
    const file = files.get(name)
    if (file === undefined) throw new Error(`kernel ${release} has no module ${name}`)
    return readModuleDepends(await readFile(file))
  })
  for (const name of order) await copyFile(files.get(name)!, join(root, 'lib', 'modules', `${name}.ko`))
  await writeFile(join(root, 'etc', 'modules'), order.join('\n') + '\n')

  await mkdir(join(out, 'boot'), { recursive: true })
  await copyFile(join(pkgs, 'boot', `vmlinuz-${release}`), join(out, 'boot', 'vmlinuz'))
  await run('sh', ['-c', 'find . | LC_ALL=C sort | cpio -o -H newc --owner=0:0 --reproducible --quiet > "$0"', join(out, 'boot', 'initrd.img')], { cwd: root })
  await copyFile(join(HERE, 'manifest.yaml'), join(out, 'manifest.yaml'))
  await writeFile(join(out, 'versions.json'), JSON.stringify({ ...versions, release, modules: order }, null, 2) + '\n')
}

/** Versions of what goes in: the kernel package the meta package points at, busybox-static, and the host's e2fsprogs. */
async function packageVersions (): Promise<VmAppliance['versions']> {
  const depends = (await run('apt-cache', ['depends', KERNEL_META])).stdout
  const kernelPackage = /Depends: (linux-image-[^\s]+)/.exec(depends)?.[1]
  if (kernelPackage === undefined) throw new Error(`apt-cache depends ${KERNEL_META} names no kernel (run apt-get update)`)
  return {
    kernelPackage,
    kernel: await candidate(kernelPackage),
    busybox: await candidate('busybox-static'),
    e2fsprogs: (await run('dpkg-query', ['-W', '-f', '${Version}', 'e2fsprogs'])).stdout.trim()
  }
}

async function candidate (pkg: string): Promise<string> {
  const text = (await run('apt-cache', ['policy', pkg])).stdout
  const version = /Candidate: (\S+)/.exec(text)?.[1]
  if (version === undefined || version === '(none)') throw new Error(`no candidate version of ${pkg} (run apt-get update)`)
  return version
}

/** Copies a dynamically linked binary and every library ldd lists into the same paths under root. */
async function copyWithLibraries (binary: string, root: string): Promise<void> {
  const libs = [...(await run('ldd', [binary])).stdout.matchAll(/(\/[^\s]+) \(0x/g)].map(m => m[1]!)
  for (const file of [binary, ...libs]) {
    await mkdir(join(root, dirname(file)), { recursive: true })
    await copyFile(file, join(root, file))
    await chmod(join(root, file), 0o755)
  }
}

interface GuestFile { path: string, abs: string, mode: number }

/** Every file under dir, sorted, with its path relative to dir and its permission bits. */
async function listFiles (dir: string): Promise<GuestFile[]> {
  const out: GuestFile[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue
    const abs = join(entry.parentPath, entry.name)
    out.push({ path: relative(dir, abs), abs, mode: (await stat(abs)).mode & 0o777 })
  }
  return out.sort((a, b) => a.path < b.path ? -1 : 1)
}

async function exists (path: string): Promise<boolean> {
  return await stat(path).then(() => true, () => false)
}
