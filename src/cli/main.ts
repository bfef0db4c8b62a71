#!/usr/bin/env node
import { ZhsearchError } from '../index'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError } from './cli-error'
import { commandDemo } from './command-demo'
import { commandEntities, ENTITIES_USAGE } from './command-entities'
import { commandServe, SERVE_USAGE } from './command-serve'
import { commandIndex, INDEX_USAGE } from './command-index'
import { commandSearch, SEARCH_USAGE } from './command-search'
import { commandSegment, SEGMENT_USAGE } from './command-segment'

const USAGE = `zhsearch — full-text search for Chinese text

usage:
  ${INDEX_USAGE}
  ${SEARCH_USAGE}
  ${SEGMENT_USAGE}
  ${ENTITIES_USAGE}
  ${SERVE_USAGE}
  zhsearch demo [query]            index the bundled seeds/ and show results

options: --debug prints stack traces; --help prints this text.
exit codes: 0 success, 1 failure, 2 usage error.`

const COMMANDS: Record<string, (args: string[]) => Promise<void>> = {
  index: commandIndex,
  search: commandSearch,
  segment: commandSegment,
  demo: commandDemo,
  entities: commandEntities,
  serve: commandServe,
}

/** Runs the CLI and returns its exit code; errors become one line on stderr (stack only with --debug). */
export async function runCli(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug')
  const args = argv.filter((arg) => arg !== '--debug')
  const [name, ...rest] = args
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE + '\n')
    return name ? EXIT_OK : EXIT_USAGE
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined
  if (!command) {
    process.stderr.write(`zhsearch: unknown command "${name}" (try --help)\n`)
    return EXIT_USAGE
  }
  try {
    await command(rest)
    return EXIT_OK
  } catch (error) {
    const isUsage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    const message = error instanceof ZhsearchError ? `${error.code}: ${error.message}` : (error as Error).message
    process.stderr.write(`zhsearch: ${message.split('\n')[0]}\n`)
    const rest = message.split('\n').slice(1).join('\n')
    if (isUsage && error instanceof UsageError && rest) process.stderr.write(rest + '\n')
    if (debug) process.stderr.write(`${(error as Error).stack ?? ''}\n`)
    return isUsage ? EXIT_USAGE : EXIT_FAILURE
  }
}

runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`zhsearch: ${(error as Error).message}\n`)
    process.exitCode = EXIT_FAILURE
  },
)
