/**
 * The node's DriverSet: a task with a vm section goes to the vm driver (a
 * real QEMU, here refusing a file that is no kernel), every other to the
 * process driver; handles go to the driver named in them; a node without
 * the vm driver refuses vm tasks and handles with their codes.
 */
import t from 'tap'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { DriverSet, VmDriver, type TaskConfig } from '../../../daemon/runtime/index.ts'
import { newDriver, quietLogger, sandbox, shTask, until } from './helpers.ts'

function vmTask (dir: string): TaskConfig {
  return { ...shTask('vm.0', dir, ''), command: [], resources: { cpu: 1, memory: 64 * 1024 * 1024 }, vm: { boot: { kind: 'kernel', kernel: 'vmlinuz' }, ports: [], disks: [] } }
}

t.test('tasks go to their driver, and everything after to the one running them', async t => {
  const { dir, parent } = await sandbox(t, 'driver-set')
  const vms = new VmDriver({ logger: quietLogger() }, { runDir: join(dir, 'vm'), accel: 'tcg', process: { cgroupParent: parent } })
  t.teardown(() => { vms.close() })
  const set = new DriverSet({ default: newDriver(t, parent), others: [vms] })
  t.equal(set.driver('vm'), vms)

  const handle = await set.start(shTask('p.0', dir, 'echo hello; exec sleep 60'))
  t.equal(handle.driver, 'process', 'a task without a vm section is a process')
  t.equal(set.inspect('p.0')?.state, 'running')
  const entry = set.entry('p.0')
  t.match(entry, { kind: 'process', pid: set.inspect('p.0')?.pid }, 'a session enters a process task by its pid')
  if (process.getuid?.() === 0 && entry?.kind === 'process') t.ok(entry.cgroupDirs.length > 0 && entry.cgroupDirs.every(d => d.endsWith('/p.0')), `and its cgroups: ${entry.cgroupDirs.join(' ')}`)
  await until(async () => (await set.readLogs('p.0', { tail: 5, stream: 'stdout' })).length > 0, 10_000, 'its output')
  await set.stop('p.0', 5000)
  t.equal((await set.wait('p.0')).signal, 'SIGTERM')
  t.same(await set.readLogs('p.0', { tail: 5, stream: 'stdout' }), ['hello'])
  await set.destroy('p.0')
  t.equal(set.inspect('p.0'), undefined, 'destroyed: forgotten')
  t.equal(set.entry('p.0'), undefined, 'and no session enters it')

  await writeFile(join(dir, 'vmlinuz'), 'not a kernel')
  const err = await set.start(vmTask(dir)).catch((e: unknown) => e) as { code?: string }
  t.equal(err.code, 'ERR_TASK_START_FAILED', 'a task with a vm section went to QEMU, which refused the kernel')

  const gone = { id: 'x.0', startedAt: 0, state: { pid: 2 ** 22 + 1, startTime: 1 } }
  t.equal(await set.recover({ ...gone, driver: 'vm' }), false, 'a vm handle goes to the vm driver')
  t.equal(await set.recover({ ...gone, driver: 'process' }), false, 'a process handle to the process driver')
  await t.rejects(set.stop('x.0', 0), { code: 'ERR_TASK_NOT_FOUND' }, 'nothing is known of a task not running')
})

t.test('a node without the vm driver refuses vm tasks and vm handles', async t => {
  const { dir, parent } = await sandbox(t, 'driver-set-novm')
  const set = new DriverSet({ default: newDriver(t, parent) })
  await t.rejects(set.start(vmTask(dir)), { code: 'ERR_INVALID_TASK_CONFIG' })
  await t.rejects(set.recover({ id: 'x.0', driver: 'vm', startedAt: 0, state: {} }), { code: 'ERR_WRONG_DRIVER' })
})
