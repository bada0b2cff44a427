/**
 * The driver compliance suite against the process driver: once with cgroups
 * (when root on a machine that has them) under a parent unique to this run,
 * once with cgroups turned off.
 */
import { ProcessDriver } from '../../../daemon/runtime/index.ts'
import { driverCompliance } from './driver-compliance.ts'
import { quietLogger, removeCgroupParent, uniqueCgroupParent } from './helpers.ts'

driverCompliance('process', async () => {
  const parent = uniqueCgroupParent('compliance')
  const driver = new ProcessDriver({ logger: quietLogger() }, { cgroupParent: parent })
  return {
    driver,
    cleanup: async () => {
      driver.close()
      await removeCgroupParent(parent)
    }
  }
})

driverCompliance('process without cgroups', async () => {
  const driver = new ProcessDriver({ logger: quietLogger() }, { cgroups: 'off' })
  return { driver, cleanup: async () => { driver.close() } }
})
