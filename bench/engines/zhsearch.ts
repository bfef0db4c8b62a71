/**
 * zhsearch (ours) through its public API only: `new SearchEngine({ fields: { title: { weight: 2 }, body: {} }, filterFields: ['category'] })`,
 * `addAll`, `search(query, { limit })` (filtered: `search(query, { limit, where: { category } })`) (and, for the page latency, reading each hit's `snippet`), `suggest(prefix, { limit })`, `serialize()` / `SearchEngine.deserialize(bytes)`. Defaults
 * for everything else (analysis, ranking), exactly what a user gets.
 *
 * `zhsearch-workers` builds with `await engine.addAllAsync(docs)` instead: the default worker count (one
 * fewer than the cores; the main thread analyses too while it waits, and inserts in order). Its index is
 * byte-for-byte the one `addAll` builds, so the row is there for the build speed. Its heap is the main
 * thread's: the workers' own dictionaries are freed when they end.
 */
// The built package, as users import it (`npm run bench` builds it first).
import { SearchEngine } from '../../dist/index.js'
import type { BenchDoc } from '../data/corpus'
import { type BenchEngine, TITLE_BOOST } from './bench-engine'

// The category is a filter field, as a law's category would be in an app: the filtered queries use it.
const options = { fields: { title: { weight: TITLE_BOOST }, body: {} }, filterFields: ['category'] }

function toDocuments(docs: readonly BenchDoc[]) {
  return docs.map((doc) => ({ id: doc.id, title: doc.title ?? '', body: doc.body, ...(doc.category === undefined ? {} : { category: doc.category }) }))
}

function createWith(name: string, build: (engine: SearchEngine, docs: readonly BenchDoc[]) => void | Promise<void>): BenchEngine {
  let engine = new SearchEngine(options)
  return {
    name,
    build: (docs) => build(engine, docs),
    search: (query, k) => engine.search(query, { limit: k }).hits.map((hit) => hit.id),
    searchInCategory: (query, k, category) => engine.search(query, { limit: k, where: { category } }).hits.map((hit) => hit.id),
    // Snippets are built when first read; a search box shows them, so this reads every one.
    searchPage: (query, k) =>
      engine.search(query, { limit: k }).hits.map((hit) => {
        void hit.snippet
        return hit.id
      }),
    suggest: (prefix, k) => engine.suggest(prefix, { limit: k }).map((suggestion) => suggestion.text),
    serialize: () => engine.serialize(),
    load(bytes) {
      engine = SearchEngine.deserialize(bytes)
    },
  }
}

export function create(): BenchEngine {
  return createWith('zhsearch', (engine, docs) => engine.addAll(toDocuments(docs)))
}

export function createWithWorkers(): BenchEngine {
  return createWith('zhsearch-workers', (engine, docs) => engine.addAllAsync(toDocuments(docs)))
}
