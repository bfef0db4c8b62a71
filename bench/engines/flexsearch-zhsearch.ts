/**
 * FlexSearch 0.8 fed by zhsearch's analysis through the exported `createFlexSearchEncoder()`
 * (dictionary segmentation, traditional → simplified, sub-word lattice): `tokenize: "strict"`,
 * `encode = encoder.encode`. Searches require every term (FlexSearch's default) unless the `-suggest`
 * variant is used.
 */
// The built package, as users import it (`npm run bench` builds it first).
import { createFlexSearchEncoder } from '../../dist/index.js'
import type { BenchEngine } from './bench-engine'
import { createFlexSearchEngine } from './flexsearch-index'

export function create(): BenchEngine {
  const { encode } = createFlexSearchEncoder()
  return createFlexSearchEngine({ name: 'flexsearch-zhsearch', options: () => ({ tokenize: 'strict', encode }) })
}

export function createSuggest(): BenchEngine {
  const { encode } = createFlexSearchEncoder()
  return createFlexSearchEngine({ name: 'flexsearch-zhsearch-suggest', options: () => ({ tokenize: 'strict', encode }), suggest: true })
}
