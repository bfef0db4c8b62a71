import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { recognizeEntities, ZhsearchError, type EntityMention } from '../index'
import { UsageError } from './cli-error'

export const ENTITIES_USAGE = 'zhsearch entities <text> [--json] | zhsearch entities --input <file.jsonl> [--field body] --json'

/** The fields of a mention in the CLI contract's order (ancestors are left to the API). */
function contractShape(mention: EntityMention): Record<string, unknown> {
  const { type, text, start, end, canonical, code, level, value, unit, approx, subject } = mention
  return Object.fromEntries(Object.entries({ type, text, start, end, canonical, code, level, value, unit, approx, subject }).filter(([, v]) => v !== undefined))
}

function describe(mention: EntityMention): string {
  const details = [mention.canonical && mention.canonical !== mention.text ? `→ ${mention.canonical}` : '', mention.code ? `${mention.code} ${mention.level}` : '']
  if (mention.type === 'figure') details.push(`${JSON.stringify(mention.value)} ${mention.unit}${mention.approx ? ' (approx)' : ''}${mention.subject ? ` of ${mention.subject}` : ''}`)
  return `${mention.type.padEnd(7)} ${mention.text}  [${mention.start}, ${mention.end})  ${details.filter(Boolean).join('  ')}`
}

async function runInput(path: string, field: string): Promise<void> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity })
  let number = 0
  for await (const line of lines) {
    number++
    if (line.trim() === '') continue
    let entry: Record<string, unknown>
    try {
      entry = JSON.parse(line) as Record<string, unknown>
    } catch {
      throw new ZhsearchError('INVALID_CORPUS', `${path}:${number}: not valid JSON`, { path, line: number })
    }
    const text = entry[field]
    if (typeof text !== 'string') throw new ZhsearchError('INVALID_CORPUS', `${path}:${number}: "${field}" must be a string`, { path, line: number })
    process.stdout.write(JSON.stringify({ id: entry.id ?? number, entities: recognizeEntities(text).map(contractShape) }) + '\n')
  }
}

/** Tags places, programmes, figures, people and organisations in a text or in each line of a JSONL file. */
export async function commandEntities(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { input: { type: 'string' }, field: { type: 'string' }, json: { type: 'boolean' } },
  })
  if (values.input) {
    await runInput(values.input, values.field ?? 'body')
    return
  }
  if (positionals.length === 0) throw new UsageError(`a text or --input is required\nusage: ${ENTITIES_USAGE}`)
  const mentions = recognizeEntities(positionals.join(' '))
  if (values.json) process.stdout.write(JSON.stringify({ entities: mentions.map(contractShape) }) + '\n')
  else process.stdout.write((mentions.map(describe).join('\n') || '(no entities)') + '\n')
}
