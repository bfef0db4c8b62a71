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

/** Builds an engine from a saved index (`-i`), a corpus path (`-c`), or the bundled seeds. */
export async function loadEngine(source: EngineSource): Promise<SearchEngine> {
  if (source.index) return SearchEngine.load(source.index)
  const fields = source.fields ?? ['title', 'body']
  const options: EngineOptions = {
    fields: Object.fromEntries(fields.map((field) => [field, { weight: field === 'title' ? 2 : 1 }])),
    idField: source.idField ?? 'id',
  }
  const engine = new SearchEngine(options)
  let batch: Record<string, unknown>[] = []
  let documents = 0
  let characters = 0
  for await (const document of readCorpus(source.corpus ?? bundledSeeds())) {
    batch.push(document)
    documents++
    for (const field of fields) {
      const value = (document as Record<string, unknown>)[field]
      if (typeof value === 'string') characters += value.length
    }
    if (batch.length >= PROGRESS_EVERY) {
      engine.addAll(batch)
      batch = []
      source.progress?.(documents, characters)
    }
  }
  engine.addAll(batch)
  source.progress?.(documents, characters)
  return engine
}
