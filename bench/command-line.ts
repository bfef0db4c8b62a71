/**
 * The command lines of the bench scripts (`npm run bench`, `eval`, `bench:terms`, `bench:entities`):
 * `--help` prints the script's usage, and a mistyped option or a bad value prints what is wrong and the
 * usage (exit 2) instead of a stack trace, as the zhsearch CLI does.
 */
import { existsSync } from 'node:fs'
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** The exit code of a usage error, as in the zhsearch CLI. */
const EXIT_USAGE = 2

/** Prints `message` and the usage to stderr and exits with the usage error code. */
export function failUsage(usage: string, message: string): never {
  process.stderr.write(`${message}\n\n${usage}\n`)
  process.exit(EXIT_USAGE)
}

/** `parseArgs` (strict, so unknown options are errors) with `--help` and usage errors handled as above. */
export function readCommandLine<const Config extends ParseArgsConfig>(usage: string, config: Config): ReturnType<typeof parseArgs<Config>> {
  const args = config.args ?? process.argv.slice(2)
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(`${usage}\n`)
    process.exit(0)
  }
  try {
    return parseArgs(config)
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) failUsage(usage, (error as Error).message)
    throw error
  }
}

/** A positive integer option, the fallback when it is absent; anything else is a usage error. */
export function positiveIntegerOption(usage: string, text: string | undefined, fallback: number, name: string): number {
  if (text === undefined) return fallback
  const value = Number(text)
  if (!Number.isInteger(value) || value < 1) failUsage(usage, `--${name} must be a positive integer, got "${text}"`)
  return value
}

/** The path of an input file given as `--name`, when it exists; a usage error otherwise. */
export function existingFile(usage: string, path: string, name: string): string {
  if (!existsSync(path)) failUsage(usage, `--${name}: no such file or folder: ${path}`)
  return path
}
