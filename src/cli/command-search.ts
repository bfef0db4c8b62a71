import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import { parseArgs } from 'node:util'
import { ZhsearchError, type SearchEngine } from '../index'
import { UsageError } from './cli-error'
import { formatHits, highlightMarkers } from './format-hits'
import { ENGINE_SOURCE_OPTIONS, loadEngine, nameList } from './load-engine'

export const SEARCH_USAGE = `zhsearch search <query> [-i <file.zhs> | -c <corpus> [--filter-fields f,g]] [--where field=value ...] [-k 10] [--offset 0] [--json] [--explain]
zhsearch search --queries <file.jsonl> [-i <file.zhs> | -c <corpus>] [-k 100] --json`

function parseLimit(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback
  const number = Number(value)
  if (!Number.isInteger(number) || number < 0 || number > 1000) throw new UsageError(`${name} must be a whole number from 0 to 1000, got "${value}"`)
  return number
}

/** `--where field=value` options as the `where` search option: a field given twice accepts either value. */
function parseWhere(conditions: readonly string[] | undefined): Record<string, string[]> | undefined {
  if (!conditions || conditions.length === 0) return undefined
  const where: Record<string, string[]> = Object.create(null) as Record<string, string[]>
  for (const condition of conditions) {
    const at = condition.indexOf('=')
    if (at <= 0) throw new UsageError(`--where takes field=value, got "${condition}"\nusage: ${SEARCH_USAGE}`)
    ;(where[condition.slice(0, at)] ??= []).push(condition.slice(at + 1))
  }
  return where
}

async function runBatch(engine: SearchEngine, path: string, limit: number, filtering: { where?: Record<string, string[]> }): Promise<void> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity })
  let number = 0
  for await (const line of lines) {
    number++
    if (line.trim() === '') continue
    let entry: { qid?: unknown; query?: unknown }
    try {
      entry = JSON.parse(line) as typeof entry
    } catch {
      throw new ZhsearchError('INVALID_QUERY', `${path}:${number}: not valid JSON`)
    }
    if (typeof entry.query !== 'string') throw new ZhsearchError('INVALID_QUERY', `${path}:${number}: "query" must be a string`)
    const result = engine.search(entry.query, { limit, snippet: { format: 'none' }, ...filtering })
    process.stdout.write(JSON.stringify({ qid: entry.qid ?? number, hits: result.hits.map((hit) => ({ id: hit.id, score: hit.score })) }) + '\n')
  }
}

export async function commandSearch(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      ...ENGINE_SOURCE_OPTIONS,
      k: { type: 'string', short: 'k' },
      offset: { type: 'string' },
      json: { type: 'boolean' },
      explain: { type: 'boolean' },
      queries: { type: 'string' },
      where: { type: 'string', multiple: true },
    },
  })
  if (values.index && values.corpus) throw new UsageError('give either -i <index> or -c <corpus>, not both')
  const query = positionals.join(' ')
  if (!values.queries && positionals.length === 0) throw new UsageError(`a query is required\nusage: ${SEARCH_USAGE}`)
  const where = parseWhere(values.where)
  const filtering = where ? { where } : {}
  const engine = await loadEngine({ index: values.index, corpus: values.corpus, fields: nameList(values.fields), idField: values['id-field'], filterFields: nameList(values['filter-fields']) })
  if (values.queries) {
    await runBatch(engine, values.queries, parseLimit(values.k, 100, '-k'), filtering)
    return
  }
  const limit = parseLimit(values.k, 10, '-k')
  const offset = parseLimit(values.offset, 0, '--offset')
  const explain = values.explain ?? false
  if (values.json) {
    const result = engine.search(query, { limit, offset, explain, snippet: { format: 'text' }, ...filtering })
    const hits = result.hits.map((hit) => ({
      id: hit.id,
      score: hit.score,
      snippet: hit.snippet,
      ...(typeof hit.fields.title === 'string' ? { title: hit.fields.title } : {}),
      highlights: hit.highlights,
      ...(hit.section ? { section: hit.section } : {}),
      ...(hit.explanation ? { explanation: hit.explanation } : {}),
    }))
    process.stdout.write(JSON.stringify({ query, total: result.total, tookMs: result.tookMs, hits }) + '\n')
    return
  }
  const result = engine.search(query, { limit, offset, explain, snippet: { format: 'text', ...highlightMarkers(process.stdout) }, ...filtering })
  process.stdout.write(formatHits(query, result, explain) + '\n')
}
