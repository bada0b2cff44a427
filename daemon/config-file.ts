/**
 * `trellisd --config FILE`: a YAML file of the same settings as the flags,
 * named as the flags are (`data-dir: /var/lib/trellis`). It is turned into
 * flags placed before those on the command line, so every value goes through
 * the flag's own checks, and a flag given on the command line wins (lists,
 * such as `listen` and `label`, add up).
 */
import { readFileSync } from 'node:fs'
import type { Command, Option } from 'commander'
import { parse as parseYaml } from 'yaml'

/** Thrown when the config file cannot be read or names what no flag is; the message names the file and the setting. */
export class ConfigFileError extends Error {
  readonly code = 'ERR_CONFIG_FILE'
  override name = 'ConfigFileError'
}

/** argv with the config file's settings spliced in after the subcommand; argv itself when no --config (nor $TRELLISD_CONFIG) is given. */
export function withConfigFile (argv: string[], program: Command, env: NodeJS.ProcessEnv = process.env): string[] {
  const args = argv.slice(2)
  const at = args.findIndex(a => a === '--config' || a.startsWith('--config='))
  const file = at < 0 ? env.TRELLISD_CONFIG : args[at]!.startsWith('--config=') ? args[at]!.slice('--config='.length) : args[at + 1]
  if (file === undefined || file === '') return argv
  const named = program.commands.find(c => c.name() === args[0])
  const command = named ?? program.commands.find(c => c.name() === 'run')!
  const flags = argsOf(file, read(file), command.options as readonly Option[])
  const cut = named === undefined ? 0 : 1
  return [...argv.slice(0, 2), ...args.slice(0, cut), ...flags, ...args.slice(cut)]
}

function read (file: string): Record<string, unknown> {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    throw new ConfigFileError(`cannot read the config file ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`)
  }
  let value: unknown
  try {
    value = parseYaml(text)
  } catch (err) {
    throw new ConfigFileError(`${file}: not YAML: ${(err as Error).message}`)
  }
  if (value === null || value === undefined) return {}
  if (typeof value !== 'object' || Array.isArray(value)) throw new ConfigFileError(`${file}: expected settings (key: value), one per line`)
  return value as Record<string, unknown>
}

function argsOf (file: string, settings: Record<string, unknown>, options: readonly Option[]): string[] {
  const out: string[] = []
  for (const [key, value] of Object.entries(settings)) {
    if (key === 'config') throw new ConfigFileError(`${file}: a config file cannot name another`)
    const flag = `--${key}`
    const option = options.find(o => o.long === flag && !o.negate)
    const negation = options.find(o => o.long === `--no-${key}`)
    if (option === undefined && negation === undefined) {
      const known = [...new Set(options.map(o => (o.long ?? '').replace(/^--(no-)?/, '')))].filter(k => k !== '' && k !== 'config').sort()
      throw new ConfigFileError(`${file}: unknown setting "${key}" (settings are the flags' names: ${known.join(', ')})`)
    }
    const takesValue = option !== undefined && (option.required || option.optional)
    if (typeof value === 'boolean') {
      if (takesValue) throw new ConfigFileError(`${file}: ${key} wants a value, not ${String(value)}`)
      // A flag only turns a setting from its default; naming the default changes nothing.
      if (value && option !== undefined) out.push(flag)
      else if (!value && negation !== undefined) out.push(`--no-${key}`)
      continue
    }
    if (!takesValue) throw new ConfigFileError(`${file}: ${key} is on or off: write true or false`)
    const values = Array.isArray(value)
      ? value
      : typeof value === 'object' && value !== null
        ? Object.entries(value).map(([k, v]) => `${k}=${String(v)}`) // labels: { rack: r1 } → --label rack=r1
        : [value]
    // The repeatable flags say so in their help, which is also what tells a person.
    if (values.length > 1 && !/repeatable/.test(option!.description)) throw new ConfigFileError(`${file}: ${key} takes one value`)
    for (const v of values) {
      if (typeof v !== 'string' && typeof v !== 'number') throw new ConfigFileError(`${file}: ${key} wants text or a number`)
      out.push(flag, String(v))
    }
  }
  return out
}
