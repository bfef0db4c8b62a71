/**
 * Lunr 2 with lunr-languages' `zh`, set up as the lunr-languages README says:
 * `require('lunr-languages/lunr.stemmer.support')(lunr); require('lunr-languages/lunr.zh')(lunr)`,
 * then `this.use(lunr.zh)` in the builder. In Node lunr.zh segments with `@node-rs/jieba`
 * (`cut(text, true)`). Fields title (boost 2) and body; BM25 k1 1.2, b 0.75 (lunr's defaults).
 * Queries: lunr's `index.search` parser splits only on spaces and never runs the zh tokenizer, so a
 * Han query such as 千名医师下基层 would be one unknown term; the query is therefore segmented with
 * `lunr.zh.tokenizer` and each token added through lunr's programmatic `index.query` as an optional
 * term (lunr's default OR semantics), which is what `search` would do with a space-separated query.
 * Lunr indexes are immutable, so there is no incremental add; persistence is `toJSON`/`Index.load`.
 */
import { createRequire } from 'node:module'
import type lunrType from 'lunr'
import type { BenchDoc } from '../data/corpus'
import { type BenchEngine, TITLE_BOOST, bytesToJson, jsonToBytes } from './bench-engine'

const require = createRequire(import.meta.url)
const lunr = require('lunr') as typeof lunrType
;(require('lunr-languages/lunr.stemmer.support') as (l: typeof lunrType) => void)(lunr)
;(require('lunr-languages/lunr.zh') as (l: typeof lunrType) => void)(lunr)
interface LunrZh {
  zh: lunrType.Builder.Plugin & { tokenizer: (text: string) => lunrType.Token[] }
}
const zhTokenizer = (lunr as unknown as LunrZh).zh.tokenizer

export function create(): BenchEngine {
  let index: lunrType.Index | undefined

  const run = (query: string): lunrType.Index.Result[] => {
    if (!index) return []
    const terms = zhTokenizer(query).map((token) => token.toString())
    return index.query((q) => {
      for (const term of terms) q.term(term, { presence: lunr.Query.presence.OPTIONAL })
    })
  }

  return {
    name: 'lunr-zh',
    build(docs: readonly BenchDoc[]) {
      index = lunr(function () {
        this.use((lunr as unknown as LunrZh).zh)
        this.ref('id')
        this.field('title', { boost: TITLE_BOOST })
        this.field('body')
        for (const doc of docs) this.add({ id: doc.id, title: doc.title ?? '', body: doc.body })
      })
    },
    search: (query, k) => run(query).slice(0, k).map((hit) => hit.ref),
    serialize: () => jsonToBytes(index),
    load(bytes) {
      index = lunr.Index.load(bytesToJson<object>(bytes))
    },
  }
}
