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
  /** Called every `progressEvery` documents while indexing. */
  progress?: ((documents: number, characters: number) => void) | undefined
}

const PROGRESS_EVERY = 200

/** The options every command that needs an engine takes: where it comes from and how a corpus is read. */
export const ENGINE_SOURCE_OPTIONS = {
  index: { type: 'string', short: 'i' },
  corpus: { type: 'string', short: 'c' },
  fields: { type: 'string' },
  'id-field': { type: 'string' },
} as const

/** A new engine with the CLI's field setup: the given fields (title weighs 2), or title and body. */
export function createEngine(fields: readonly string[] = DEFAULT_FIELDS, idField = 'id'): SearchEngine {
  const options: EngineOptions = {
    fields: Object.fromEntries(fields.map((field) => [field, { weight: field === 'title' ? 2 : 1 }])),
    idField,
  }
  return new SearchEngine(options)
}

const DEFAULT_FIELDS = ['title', 'body']

/** Adds every document of a corpus path to an engine, in batches, reporting progress after each. */
export async function addCorpus(engine: SearchEngine, path: string, progress?: EngineSource['progress']): Promise<void> {
  const fields = engine.stats().fields
  let batch: Record<string, unknown>[] = []
  let documents = 0
  let characters = 0
  for await (const document of readCorpus(path)) {
    batch.push(document)
    documents++
    for (const field of fields) {
      const value = (document as Record<string, unknown>)[field]
      if (typeof value === 'string') characters += value.length
    }
    if (batch.length >= PROGRESS_EVERY) {
      engine.addAll(batch)
      batch = []
      progress?.(documents, characters)
    }
  }
  engine.addAll(batch)
  progress?.(documents, characters)
}

/** Builds an engine from a saved index (`-i`), a corpus path (`-c`), or the bundled seeds. */
export async function loadEngine(source: EngineSource): Promise<SearchEngine> {
  if (source.index) return SearchEngine.load(source.index)
  const engine = createEngine(source.fields, source.idField)
  await addCorpus(engine, source.corpus ?? bundledSeeds(), source.progress)
  return engine
}
