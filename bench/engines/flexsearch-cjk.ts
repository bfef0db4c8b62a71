/**
 * FlexSearch 0.8 with its CJK preset, as its README lists for Chinese: `encoder: Charset.CJK`
 * (`split: ""`: every character is a term). Default tokenizer ("strict"), resolution 9, no context;
 * searches require every term (FlexSearch's default, `suggest: false`).
 */
import { Charset } from 'flexsearch'
import type { BenchEngine } from './bench-engine'
import { createFlexSearchEngine } from './flexsearch-index'

export function create(): BenchEngine {
  return createFlexSearchEngine({ name: 'flexsearch-cjk', options: () => ({ encoder: Charset.CJK }) })
}
