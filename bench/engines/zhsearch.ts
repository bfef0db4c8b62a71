/**
 * zhsearch (ours) through its public API only: `new SearchEngine({ fields: { title: { weight: 2 }, body: {} } })`,
 * `addAll`, `search(query, { limit })`, `serialize()` / `SearchEngine.deserialize(bytes)`. Defaults
 * for everything else (analysis, ranking), exactly what a user gets.
 */
import { SearchEngine } from '../../src/index'
import type { BenchDoc } from '../data/corpus'
import { type BenchEngine, TITLE_BOOST } from './bench-engine'

const options = { fields: { title: { weight: TITLE_BOOST }, body: {} } }

export function create(): BenchEngine {
  let engine = new SearchEngine(options)
  return {
    name: 'zhsearch',
    build(docs: readonly BenchDoc[]) {
      engine.addAll(docs.map((doc) => ({ id: doc.id, title: doc.title ?? '', body: doc.body })))
    },
    search: (query, k) => engine.search(query, { limit: k }).hits.map((hit) => hit.id),
    serialize: () => engine.serialize(),
    load(bytes) {
      engine = SearchEngine.deserialize(bytes)
    },
  }
}
