/**
 * Orama 3 with its Mandarin tokenizer, as Orama's "Supported languages" docs show for Chinese:
 * `components: { tokenizer: createTokenizer() }` from `@orama/tokenizers/mandarin`
 * (`Intl.Segmenter('zh-CN', { granularity: 'word' })`). Schema: title and body as `string`, category
 * as `enum` (for `where` filters); `boost: { title: 2 }`; default search otherwise (BM25 k 1.2,
 * b 0.75, d 0.5; threshold 1, i.e. any term matches; prefix matching on). Persistence: `save`/`load`
 * (the raw data, documents included), JSON-encoded.
 */
import { type AnyOrama, type RawData, create as createOrama, insertMultiple, load, save, search } from '@orama/orama'
import { createTokenizer } from '@orama/tokenizers/mandarin'
import type { BenchDoc } from '../data/corpus'
import { type BenchEngine, TITLE_BOOST, bytesToJson, jsonToBytes } from './bench-engine'

const schema = { title: 'string', body: 'string', category: 'enum' } as const

function createDatabase(): AnyOrama {
  return createOrama({ schema, components: { tokenizer: createTokenizer() } }) as unknown as AnyOrama
}

async function topIds(db: AnyOrama, params: Record<string, unknown>): Promise<string[]> {
  const results = await search(db, { ...params, boost: { title: TITLE_BOOST } } as Parameters<typeof search>[1])
  return results.hits.map((hit) => hit.id)
}

export function create(): BenchEngine {
  let db = createDatabase()
  return {
    name: 'orama-mandarin',
    async build(docs: readonly BenchDoc[]) {
      const records = docs.map((doc) => ({ id: doc.id, title: doc.title ?? '', body: doc.body, category: doc.category ?? '' }))
      await insertMultiple(db, records)
    },
    search: (query, k) => topIds(db, { term: query, limit: k }),
    searchInCategory: (query, k, category) => topIds(db, { term: query, limit: k, where: { category: { eq: category } } }),
    serialize: () => jsonToBytes(save(db)),
    load(bytes) {
      db = createDatabase()
      load(db, bytesToJson<RawData>(bytes))
    },
  }
}
