/**
 * Kernel modules for the appliance's initramfs: which files, in which order
 * to insmod them. Without depmod or modinfo on the host, each module's
 * dependencies come from its own `.modinfo` section (`depends=a,b`).
 */

/** `kernel/fs/ext4/ext4.ko` → `ext4`; the kernel treats `-` and `_` in module names alike. */
export function moduleName (path: string): string {
  return path.slice(path.lastIndexOf('/') + 1).replace(/\.ko$/, '').replaceAll('-', '_')
}

/** The modules a .ko file depends on, from its `depends=` modinfo string; none when it has no such string. */
export function readModuleDepends (ko: Buffer): string[] {
  const at = ko.indexOf('\0depends=')
  if (at < 0) return []
  const start = at + '\0depends='.length
  const end = ko.indexOf(0, start)
  const list = ko.subarray(start, end < 0 ? undefined : end).toString('latin1')
  return list === '' ? [] : list.split(',').map(n => n.replaceAll('-', '_'))
}

/**
 * `wanted` and everything they depend on, each after its dependencies (a
 * depth-first topological order). A dependency cycle, which the kernel's own
 * build refuses, is an error here too.
 */
export async function moduleLoadOrder (wanted: string[], dependsOf: (name: string) => Promise<string[]>): Promise<string[]> {
  const order: string[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = async (name: string, path: string[]): Promise<void> => {
    const s = state.get(name)
    if (s === 'done') return
    if (s === 'visiting') throw new Error(`module dependency cycle: ${[...path, name].join(' → ')}`)
    state.set(name, 'visiting')
    for (const dep of await dependsOf(name)) await visit(dep, [...path, name])
    state.set(name, 'done')
    order.push(name)
  }
  for (const name of wanted) await visit(name, [])
  return order
}
