import { statSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { UsageError } from './cli-error'
import { addCorpus, createEngine, nameList } from './load-engine'

export const INDEX_USAGE = 'zhsearch index <path...> -o <file.zhs> [--fields title,body] [--id-field id] [--filter-fields category,region] [--workers n]'

/** The engine accepts up to 64 worker threads. */
const MAX_WORKERS = 64
/** Progress is printed at most this often, so a long run shows life without flooding stderr. */
const PROGRESS_INTERVAL_MS = 1000

export async function commandIndex(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { output: { type: 'string', short: 'o' }, fields: { type: 'string' }, 'id-field': { type: 'string' }, 'filter-fields': { type: 'string' }, workers: { type: 'string' } },
  })
  if (positionals.length === 0) throw new UsageError(`at least one input path is required\nusage: ${INDEX_USAGE}`)
  if (!values.output) throw new UsageError(`an output file is required (-o <file.zhs>)\nusage: ${INDEX_USAGE}`)
  const fields = nameList(values.fields)
  if (fields && fields.length === 0) throw new UsageError('--fields needs at least one field name')
  const workers = values.workers === undefined ? undefined : Number(values.workers)
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0 && workers <= MAX_WORKERS)) {
    throw new UsageError(`--workers takes a whole number from 0 (no worker threads) to ${MAX_WORKERS}\nusage: ${INDEX_USAGE}`)
  }
  const started = performance.now()
  let lastReport = started
  // Several input paths go into one index, read one after the other.
  const engine = createEngine(fields, values['id-field'], nameList(values['filter-fields']))
  for (const path of positionals) {
    await addCorpus(engine, path, (documents, characters) => {
      const now = performance.now()
      if (now - lastReport < PROGRESS_INTERVAL_MS) return
      lastReport = now
      process.stderr.write(`\r${path}: ${documents} documents, ${(characters / 1e6).toFixed(1)}M characters, ${((now - started) / 1000).toFixed(1)} s`)
    }, workers)
  }
  if (lastReport !== started) process.stderr.write('\n')
  await engine.save(values.output)
  const seconds = (performance.now() - started) / 1000
  const stats = engine.stats()
  const size = statSync(values.output).size
  process.stdout.write(`indexed ${stats.documents} documents, ${stats.terms} terms in ${seconds.toFixed(1)} s → ${values.output} (${(size / 1e6).toFixed(2)} MB)\n`)
}
