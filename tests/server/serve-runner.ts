/** Runs `zhsearch serve` in a child process for serve-command.test.ts, without going through the CLI's command table. */
import { commandServe } from '../../src/cli/command-serve'

commandServe(process.argv.slice(2)).then(
  () => process.stderr.write('serve returned\n'),
  (error: unknown) => {
    process.stderr.write(`serve failed: ${(error as Error).message}\n`)
    process.exitCode = 1
  },
)
