import { join } from 'node:path'
import { SearchEngine, readCorpus, type EngineOptions } from '../index'
import { packageRoot } from '../package-root'

/** The bundled sample corpus: the five seed articles. */
export function bundledSeeds(): string {
  return join(packageRoot(), 'seeds')
}

export interface EngineSource {
  index?: string | undefined
  corpus?: string | undefined
  fields?: string[] | undefined
  idField?: string | undefined
  filterFields?: string[] | undefined
  /** Called every `progressEvery` documents while indexing. */
  progress?: ((documents: number, characters: number) => void) | undefined
}

/**
 * Documents are handed to the engine in batches of about this many characters: progress shows between
 * batches, and each batch is large enough to keep worker threads busy.
 */
const BATCH_CHARACTERS = 4_000_000

/** The options every command that needs an engine takes: where it comes from and how a corpus is read. */
export const ENGINE_SOURCE_OPTIONS = {
  index: { type: 'string', short: 'i' },
  corpus: { type: 'string', short: 'c' },
  fields: { type: 'string' },
  'id-field': { type: 'string' },
  'filter-fields': { type: 'string' },
} as const

/** A comma-separated list option as names; undefined when not given. */
export function nameList(value: string | undefined): string[] | undefined {
  return value?.split(',').map((name) => name.trim()).filter(Boolean)
}

/** A new engine with the CLI's field setup: the given fields (title weighs 2), or title and body; `filterFields` for `--where`. */
export function createEngine(fields: readonly string[] = DEFAULT_FIELDS, idField = 'id', filterFields: readonly string[] = []): SearchEngine {
  const options: EngineOptions = {
    fields: Object.fromEntries(fields.map((field) => [field, { weight: field === 'title' ? 2 : 1 }])),
    idField,
    filterFields: [...filterFields],
  }
  return new SearchEngine(options)
}

const DEFAULT_FIELDS = ['title', 'body']

/**
 * Adds every document of a corpus path to an engine, in batches, reporting progress after each.
 * `workers`: worker threads for the analysis (`addAllAsync`); 0 analyses on this thread (`addAll`);
 * undefined takes the engine's default.
 */
export async function addCorpus(engine: SearchEngine, path: string, progress?: EngineSource['progress'], workers?: number): Promise<void> {
  const fields = engine.stats().fields
  let batch: Record<string, unknown>[] = []
  let batchCharacters = 0
  let documents = 0
  let characters = 0
  const flush = async () => {
    if (workers === 0) engine.addAll(batch)
    else await engine.addAllAsync(batch, workers === undefined ? {} : { workers })
    batch = []
    batchCharacters = 0
    progress?.(documents, characters)
  }
  for await (const document of readCorpus(path)) {
    batch.push(document)
    documents++
    for (const field of fields) {
      const value = (document as Record<string, unknown>)[field]
      if (typeof value === 'string') batchCharacters += value.length
    }
    if (batchCharacters >= BATCH_CHARACTERS) {
      characters += batchCharacters
      await flush()
    }
  }
  characters += batchCharacters
  await flush()
}

/** Builds an engine from a saved index (`-i`), a corpus path (`-c`), or the bundled seeds. */
export async function loadEngine(source: EngineSource): Promise<SearchEngine> {
  if (source.index) return SearchEngine.load(source.index)
  const engine = createEngine(source.fields, source.idField, source.filterFields)
  await addCorpus(engine, source.corpus ?? bundledSeeds(), source.progress)
  return engine
}
