/**
 * Builds the vm-web image of examples/vm-web.yaml from Debian packages
 * (Debian's kernel, busybox; tests/helpers/vm-appliance) and prints its
 * folder. With --import, also imports it into the grid of the node whose
 * data dir is --data-dir (default: the local node's), as `trellis image
 * import <folder>` would.
 *
 *   npx node examples/vm-web/build.ts [--import] [--data-dir DIR]
 */
import { parseArgs } from 'node:util'
import { packImage } from '../../controller/catalog/index.ts'
import { defaultDataDir, TrellisClient } from '../../controller/client/index.ts'
import { buildVmAppliance } from '../../tests/helpers/vm-appliance/build.ts'

const { values } = parseArgs({ options: { import: { type: 'boolean' }, 'data-dir': { type: 'string' } } })
const appliance = await buildVmAppliance()
process.stdout.write(`${appliance.dir}\n`)
if (values.import === true) {
  const client = await TrellisClient.fromDataDir(values['data-dir'] ?? defaultDataDir())
  const imported = await client.importImage(await packImage(appliance.dir))
  process.stdout.write(`vm-web@${imported.image.version}: ${imported.change}\n`)
}
