import { parseArgs } from 'node:util'
import { createAnalyzer } from '../index'
import { UsageError } from './cli-error'

export const SEGMENT_USAGE = 'zhsearch segment <text> [--json]'

/** Prints the tokens of a text: coarse words, with their sub-words in brackets. */
export async function commandSegment(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } })
  if (positionals.length === 0) throw new UsageError(`a text is required\nusage: ${SEGMENT_USAGE}`)
  const tokens = createAnalyzer().analyze(positionals.join(' '))
  if (values.json) {
    process.stdout.write(JSON.stringify(tokens) + '\n')
    return
  }
  const parts: string[] = []
  for (const token of tokens) {
    if (!token.subword) parts.push(token.text)
    else parts[parts.length - 1] += `[${token.text}]`
  }
  process.stdout.write(parts.join(' / ') + '\n')
}
