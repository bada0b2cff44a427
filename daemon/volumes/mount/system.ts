/** Reading what the kernel has set up: mounts, loop devices, processes. */
import { readdir, readFile } from 'node:fs/promises'
import { resolve, sep } from 'node:path'

export interface MountEntry {
  source: string
  target: string
  type: string
}

// /proc/mounts escapes space, tab, newline and backslash as \ooo.
function unescapeMountField (field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_, oct: string) => String.fromCharCode(parseInt(oct, 8)))
}

/** The mount table of this process's namespace. */
export async function readMounts (): Promise<MountEntry[]> {
  const text = await readFile('/proc/self/mounts', 'utf8')
  return text.split('\n').filter(l => l !== '').map(line => {
    const [source = '', target = '', type = ''] = line.split(' ')
    return { source: unescapeMountField(source), target: unescapeMountField(target), type }
  })
}

/** Whether something is mounted at path (the topmost of stacked mounts counts too). */
export async function isMounted (path: string): Promise<boolean> {
  const want = resolve(path)
  return (await readMounts()).some(m => m.target === want)
}

/** Loop devices (as /dev/loopN) whose backing file is path or lies under it. */
export async function loopDevicesBackedBy (path: string): Promise<string[]> {
  // sysfs rather than `losetup -j`: that stats the backing file, which fails with ENOTCONN once nbdfuse is dead.
  const root = resolve(path)
  const names = (await readdir('/sys/block').catch(() => [] as string[])).filter(n => /^loop\d+$/.test(n))
  const found: string[] = []
  for (const name of names) {
    const backing = await readFile(`/sys/block/${name}/loop/backing_file`, 'utf8').catch(() => undefined)
    if (backing === undefined) continue
    const file = backing.trim().replace(/ \(deleted\)$/, '')
    if (file === root || file.startsWith(root + sep)) found.push(`/dev/${name}`)
  }
  return found
}

/** Whether a loop device still has a backing file (detach is deferred while it is open). */
export async function loopAttached (device: string): Promise<boolean> {
  const name = device.replace(/^\/dev\//, '')
  return await readFile(`/sys/block/${name}/loop/backing_file`, 'utf8').then(() => true, () => false)
}

/** Whether a loop device does direct I/O on its backing file (false when unknown). */
export async function loopDirectIo (device: string): Promise<boolean> {
  const name = device.replace(/^\/dev\//, '')
  return await readFile(`/sys/block/${name}/loop/dio`, 'utf8').then(v => v.trim() === '1', () => false)
}

/** Whether a kernel nbd device is connected. */
export async function nbdConnected (device: string): Promise<boolean> {
  const name = device.replace(/^\/dev\//, '')
  return await readFile(`/sys/block/${name}/pid`, 'utf8').then(() => true, () => false)
}

/** Whether pid is a live process whose command line contains every one of words (guards against reused pids). */
export async function processMatches (pid: number, words: string[]): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => undefined)
  if (cmdline === undefined || cmdline === '') return false // gone, or a zombie
  return words.every(w => cmdline.includes(w))
}
