/**
 * FlexSearch 0.8 with a jieba custom encoder, as FlexSearch's "Custom Encoder" docs describe:
 * `tokenize: "strict"`, `encode = text => nodejieba.cutForSearch(text)` (punctuation tokens dropped,
 * Latin lower-cased). Searches require every term (FlexSearch's default, `suggest: false`); the
 * `flexsearch-jieba-suggest` variant passes `suggest: true`, which keeps documents matching only some terms.
 */
import nodejieba from 'nodejieba'
import { type BenchEngine, isWordToken } from './bench-engine'
import { createFlexSearchEngine } from './flexsearch-index'

const encode = (text: string): string[] =>
  nodejieba
    .cutForSearch(text)
    .filter(isWordToken)
    .map((t) => t.toLowerCase())

export function create(): BenchEngine {
  return createFlexSearchEngine({ name: 'flexsearch-jieba', options: () => ({ tokenize: 'strict', encode }) })
}

export function createSuggest(): BenchEngine {
  return createFlexSearchEngine({ name: 'flexsearch-jieba-suggest', options: () => ({ tokenize: 'strict', encode }), suggest: true })
}
