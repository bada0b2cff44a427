/** The node's power-off hook: runs its command once per parking, after a delay an unpark cancels. */
import t from 'tap'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pino } from 'pino'
import { VirtualClock } from '../../../controller/clock/index.ts'
import { PowerOffHook } from '../../../daemon/power/index.ts'

async function waitFor (check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (await check()) return
    await new Promise(resolve => setImmediate(resolve))
    await new Promise(resolve => setTimeout(resolve, 10))
  }
  throw new Error('condition not met')
}

t.test('parked: the command runs once after the delay; unparked in between: never', async t => {
  const dir = await mkdtemp(join(tmpdir(), 'trellis-power-off-'))
  t.teardown(async () => { await rm(dir, { recursive: true, force: true }) })
  const file = join(dir, 'off')
  const clock = new VirtualClock()
  let parked = false
  const hook = new PowerOffHook({ clock, logger: pino({ level: 'silent' }), parked: () => parked }, { command: `echo off >> ${file}`, delayMs: 10_000 })
  t.teardown(() => { hook.stop() })
  const runs = async (): Promise<number> => (await readFile(file, 'utf8').catch(() => '')).split('\n').filter(l => l === 'off').length

  parked = true
  hook.check()
  await clock.advance(5_000)
  parked = false
  hook.check()
  await clock.advance(10_000)
  t.equal(await runs(), 0, 'an unpark within the delay keeps the node on')

  parked = true
  hook.check()
  hook.check()
  await clock.advance(10_000)
  await waitFor(async () => await runs() === 1)
  hook.check()
  await clock.advance(20_000)
  t.equal(await runs(), 1, 'once per parking')

  parked = false
  hook.check()
  parked = true
  hook.check()
  await clock.advance(10_000)
  await waitFor(async () => await runs() === 2)
  t.equal(await runs(), 2, 'parked again: runs again')
})
