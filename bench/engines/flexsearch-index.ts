/**
 * Shared driver for the FlexSearch 0.8 variants. FlexSearch's docs recommend a `Document` index for
 * records with several fields: fields `title` and `body`, `category` as a `tag` (its native filter),
 * the variant's encoder options applied to every field. Searches ask for `merge: true`, which lists
 * title matches before body matches (FlexSearch has no per-field scores to combine), and keep the
 * first k ids. Persistence is FlexSearch's `export(handler)` / `import(key, data)` pairs, stored as one JSON array.
 */
import { Document, type DocumentOptions, type IndexOptions } from 'flexsearch'
import type { BenchDoc } from '../data/corpus'
import { type BenchEngine, bytesToJson, jsonToBytes } from './bench-engine'

/** One variant: its name, its per-field index options, and whether searches pass `suggest: true` (keeps partial matches). */
export interface FlexSearchVariant {
  readonly name: string
  readonly options: () => IndexOptions
  readonly suggest?: boolean
}

type Record = { id: string; title: string; body: string; category: string }

function createIndex(variant: FlexSearchVariant): Document<Record> {
  const options = {
    ...variant.options(),
    document: { id: 'id', index: ['title', 'body'], tag: ['category'] },
  } as unknown as DocumentOptions<Record>
  return new Document<Record>(options)
}

/** Merged results hold each id once, title matches first; FlexSearch's limit applies per field, hence the slice. */
function firstIds(results: unknown, k: number): string[] {
  return (results as { id: string | number }[]).slice(0, k).map((hit) => String(hit.id))
}

export function createFlexSearchEngine(variant: FlexSearchVariant): BenchEngine {
  let index = createIndex(variant)
  const suggest = variant.suggest ?? false
  return {
    name: variant.name,
    build(docs: readonly BenchDoc[]) {
      for (const doc of docs) index.add({ id: doc.id, title: doc.title ?? '', body: doc.body, category: doc.category ?? '' })
    },
    search: (query, k) => firstIds(index.search(query, { limit: k, suggest, merge: true } as never), k),
    searchInCategory: (query, k, category) =>
      firstIds(index.search(query, { limit: k, suggest, merge: true, tag: { category } } as never), k),
    serialize() {
      const chunks: [string, string][] = []
      void index.export((key: string, data: string) => {
        chunks.push([key, data])
      })
      return jsonToBytes(chunks)
    },
    load(bytes) {
      index = createIndex(variant)
      for (const [key, data] of bytesToJson<[string, string][]>(bytes)) void index.import(key, data)
    },
  }
}
