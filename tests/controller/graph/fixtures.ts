/**
 * A catalog for graph tests: the real images (lb, web, db) plus `kv`, made up
 * to have what they lack: an enum property, a property without default, a tcp
 * input, an optional output and optional volumes.
 */
import { fileURLToPath } from 'node:url'
import { createCatalog, loadCatalog, parseManifest } from '../../../controller/catalog/index.ts'
import type { Catalog } from '../../../controller/catalog/index.ts'
import type { NodeCapacity } from '../../../controller/graph/index.ts'

export const IMAGES_DIR = fileURLToPath(new URL('../../../images', import.meta.url))
export const EXAMPLE = fileURLToPath(new URL('../../../examples/three-tier.yaml', import.meta.url))

const KV = `
name: kv
version: 0.0.1
description: test image
resources:
  min: { cpu: 0.1, memory: 32Mi }
  default: { cpu: 0.5, memory: 64Mi, disk: 1Gi }
terminals:
  sql: { direction: in, protocol: tcp }
  metrics: { direction: out, protocol: http }
properties:
  mode: { type: string, enum: [fast, safe], default: fast, description: how }
  secret: { type: string, description: needed }
  ratio: { type: number, default: 0.5 }
  verbose: { type: boolean, default: false }
volumes:
  data: { mount: /data }
  logs: { mount: /logs }
start: { command: [node, main.ts] }
`

/** The real catalog, loaded from images/. */
export function realCatalog (): Catalog {
  const { catalog, errors } = loadCatalog(IMAGES_DIR)
  if (errors.length > 0) throw new Error(`images/ does not load: ${JSON.stringify(errors)}`)
  return catalog
}

/** The real images plus kv. */
export function testCatalog (): Catalog {
  const kv = parseManifest(KV, '/nowhere/kv')
  if (!kv.ok) throw new Error(`kv fixture is bad: ${JSON.stringify(kv.errors)}`)
  return createCatalog([...realCatalog().list(), kv.manifest])
}

const GiB = 1024 ** 3

/** Two modest nodes: 2 and 4 cores, 4 and 2 GiB, 20 GiB disk each. */
export const NODES: NodeCapacity[] = [
  { name: 'n1', allocatable: { cpu: 2, memory: 4 * GiB, disk: 20 * GiB } },
  { name: 'n2', allocatable: { cpu: 4, memory: 2 * GiB, disk: 20 * GiB } }
]
