/**
 * Shared driver for the FlexSearch 0.8 variants: an `Index` over title + body (FlexSearch's Document
 * index would only split the same text per field), ids as strings, `search(query, { limit })`.
 * Persistence is FlexSearch's `export(handler)` / `import(key, data)` pairs, stored as one JSON array.
 */
import { Index, type IndexOptions } from 'flexsearch'
import type { BenchDoc } from '../data/corpus'
import { type BenchEngine, bytesToJson, fullText, jsonToBytes } from './bench-engine'

/** One variant: its name, its index options, and whether searches pass `suggest: true` (OR-like). */
export interface FlexSearchVariant {
  readonly name: string
  readonly options: () => IndexOptions
  readonly suggest?: boolean
}

export function createFlexSearchEngine(variant: FlexSearchVariant): BenchEngine {
  let index = new Index(variant.options())
  return {
    name: variant.name,
    build(docs: readonly BenchDoc[]) {
      for (const doc of docs) index.add(doc.id, fullText(doc))
    },
    search(query, k) {
      const ids = index.search(query, { limit: k, suggest: variant.suggest ?? false })
      return (ids as (string | number)[]).map(String)
    },
    serialize() {
      const chunks: [string, string][] = []
      void index.export((key: string, data: string) => {
        chunks.push([key, data])
      })
      return jsonToBytes(chunks)
    },
    load(bytes) {
      index = new Index(variant.options())
      for (const [key, data] of bytesToJson<[string, string][]>(bytes)) void index.import(key, data)
    },
  }
}
