/**
 * The V8 flags bin/launch gives trellisd on this machine (a 2 MB semi-space
 * cap, gc exposed, and V8 single-threaded on two cores or fewer): the
 * launcher's test holds it to this list, and the benches whose processes
 * stand in for daemons run them with it, so that they measure the V8 a node
 * runs. `BENCH_V8=default` runs those processes on V8's defaults instead.
 */
import { availableParallelism } from 'node:os'

/** The flags bin/launch puts before trellisd's script here, in its order. */
export function daemonV8Flags (): string[] {
  return ['--max-semi-space-size=2', '--expose-gc', ...(availableParallelism() <= 2 ? ['--single-threaded'] : [])]
}

/**
 * execArgv for a bench's stand-in daemon: this process's own, then the
 * daemon's flags unless BENCH_V8=default, then BENCH_NODE_FLAGS (split on
 * spaces; later flags win), for trying a flag or tracing the collector
 * (`--trace-gc`) without editing the bench.
 */
export function benchNodeExecArgv (): string[] {
  const mode = process.env.BENCH_V8 ?? 'daemon'
  if (mode !== 'daemon' && mode !== 'default') throw new Error(`BENCH_V8 must be daemon or default, not ${mode}`)
  return [...process.execArgv, ...(mode === 'daemon' ? daemonV8Flags() : []), ...extraFlags()]
}

/** How a bench names the V8 its node processes run, for its header. */
export function benchNodeV8 (): string {
  const extra = extraFlags()
  return (process.env.BENCH_V8 === 'default' ? "V8's defaults (BENCH_V8=default)" : `the daemon's V8 flags (${daemonV8Flags().join(' ')}; BENCH_V8=default for V8's)`) +
    (extra.length === 0 ? '' : `, then BENCH_NODE_FLAGS ${extra.join(' ')}`)
}

/** BENCH_NODE_FLAGS, split on spaces; each must be a flag for node. */
function extraFlags (): string[] {
  const extra = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter(f => f !== '')
  const bad = extra.find(f => !f.startsWith('--'))
  if (bad !== undefined) throw new Error(`BENCH_NODE_FLAGS holds flags for node, each starting with --: '${bad}' does not`)
  return extra
}
