/**
 * Undoes the volume mounts a test daemon left under its data dir when it was
 * killed: filesystems first (lazily), then loop devices backed by files
 * there (found while their fuse file still names its path), then the fuse
 * mounts, deepest first. Synchronous, so that it also runs from a process
 * 'exit' handler. Real nodes do this when the daemon starts again; a test
 * that ends must do it itself or leak kernel state.
 */
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'

function mounts (): Array<{ source: string, at: string, type: string }> {
  return readFileSync('/proc/mounts', 'utf8').split('\n').filter(l => l !== '').map(line => {
    const [source = '', at = '', type = ''] = line.split(' ')
    return { source, at: at.replace(/\\040/g, ' '), type }
  })
}

function quiet (cmd: string, args: string[]): void {
  try { execFileSync(cmd, args, { stdio: 'ignore' }) } catch {}
}

export function releaseMounts (dataDir: string): void {
  const under = (p: string): boolean => p.startsWith(dataDir + '/')
  for (const m of mounts().filter(m => under(m.at) && !m.type.startsWith('fuse'))) quiet('umount', ['-l', m.at])
  for (const dev of readdirSync('/sys/block').filter(d => d.startsWith('loop'))) {
    let backing = ''
    try { backing = readFileSync(`/sys/block/${dev}/loop/backing_file`, 'utf8').trim() } catch { continue }
    if (under(backing)) quiet('losetup', ['-d', `/dev/${dev}`])
  }
  for (const m of mounts().filter(m => under(m.at)).sort((a, b) => b.at.length - a.at.length)) quiet('umount', ['-l', m.at])
}

/** Mount points under dir still in /proc/mounts; [] when it is clean. */
export function mountsUnder (dir: string): string[] {
  return mounts().map(m => m.at).filter(at => at.startsWith(dir + '/'))
}

/** Loop devices whose backing file is under dir; [] when none. */
export function loopsUnder (dir: string): string[] {
  return readdirSync('/sys/block').filter(d => d.startsWith('loop')).filter(dev => {
    try { return readFileSync(`/sys/block/${dev}/loop/backing_file`, 'utf8').startsWith(dir + '/') } catch { return false }
  })
}
