/**
 * Installs the system packages the tests need, idempotently, before `tap`
 * runs (part of `npm test`). Each entry names a command the tests call and the
 * Debian package that provides it; nothing is installed when all are present.
 */
import { execFileSync, spawnSync } from 'node:child_process'

const NEEDED: Array<{ command: string, pkg: string }> = [
  { command: 'ip', pkg: 'iproute2' },
  // Real NBD clients for the volume export tests.
  { command: 'qemu-io', pkg: 'qemu-utils' },
  { command: 'nbdcopy', pkg: 'libnbd-bin' },
  // The vm driver's tests boot QEMU; its test appliance's initramfs is packed with cpio.
  { command: 'qemu-system-x86_64', pkg: 'qemu-system-x86' },
  { command: 'cpio', pkg: 'cpio' },
  // PostgreSQL's client, for the postgres example app (whose image brings its own server).
  { command: 'psql', pkg: 'postgresql-client-15' },
  // Consoles and exec drop to the instance's user with it.
  { command: 'setpriv', pkg: 'util-linux' },
  // The web console's walk-through drives a real headless browser (tests/integration/console.test.ts).
  { command: 'chromium', pkg: 'chromium' }
]

function has (command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

const missing = NEEDED.filter(n => !has(n.command)).map(n => n.pkg)
if (missing.length > 0) {
  if (process.getuid?.() !== 0) {
    process.stderr.write(`tests need these Debian packages: ${missing.join(' ')} (run as root, or install them)\n`)
    process.exit(1)
  }
  process.stderr.write(`installing ${missing.join(' ')}\n`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { stdio: 'inherit', env })
}
