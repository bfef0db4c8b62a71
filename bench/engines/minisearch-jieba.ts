/**
 * MiniSearch 7 with a jieba tokenizer, the way its README says to handle languages without spaces:
 * supply `tokenize`. Configuration: `tokenize = nodejieba.cutForSearch(text)` (search mode: long words
 * plus their dictionary sub-words), punctuation tokens dropped; the default `processTerm` (lower case);
 * fields title and body with `boost: { title: 2 }`; default search options otherwise (OR, no prefix or
 * fuzzy, BM25+ with k 1.2, b 0.7, d 0.5). Category filters use MiniSearch's `filter` callback.
 */
import MiniSearch, { type Options } from 'minisearch'
import nodejieba from 'nodejieba'
import type { BenchDoc } from '../data/corpus'
import { type BenchEngine, TITLE_BOOST, isWordToken } from './bench-engine'

const tokenize = (text: string): string[] => nodejieba.cutForSearch(text).filter(isWordToken)

const options: Options<BenchDoc> = {
  fields: ['title', 'body'],
  storeFields: ['category'],
  tokenize,
  searchOptions: { boost: { title: TITLE_BOOST } },
}

export function create(): BenchEngine {
  let index = new MiniSearch<BenchDoc>(options)
  return {
    name: 'minisearch-jieba',
    build(docs) {
      index.addAll(docs as BenchDoc[])
    },
    search: (query, k) => index.search(query).slice(0, k).map((hit) => String(hit.id)),
    searchInCategory: (query, k, category) =>
      index
        .search(query, { filter: (hit) => hit.category === category })
        .slice(0, k)
        .map((hit) => String(hit.id)),
    serialize: () => new TextEncoder().encode(JSON.stringify(index)),
    load(bytes) {
      index = MiniSearch.loadJSON<BenchDoc>(new TextDecoder().decode(bytes), options)
    },
  }
}
