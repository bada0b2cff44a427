/**
 * Installs the system packages the tests need, idempotently, before `tap`
 * runs (part of `npm test`). Each entry names a command the tests call and the
 * Debian package that provides it; nothing is installed when all are present.
 */
import { ensureDebian, type Needed } from './helpers/debian.ts'

const NEEDED: Needed[] = [
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
  // What a FUA write asks of the kernel is read from strace (tests/daemon/volumes/block/fua-syscalls.test.ts).
  { command: 'strace', pkg: 'strace' },
  // The web console's walk-through drives a real headless browser (tests/integration/console.test.ts).
  { command: 'chromium', pkg: 'chromium' }
]

try {
  ensureDebian(NEEDED, 'tests')
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`)
  process.exit(1)
}
