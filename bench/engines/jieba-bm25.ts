/**
 * The floor: plain jieba + BM25, the least anyone would build by hand.
 * Configuration: `nodejieba.cut(text)` (jieba's default, HMM off) over title + body, lower-cased,
 * punctuation dropped; one field, no boosts; OR semantics (a document matching any query word is a
 * hit); BM25 with k1 = 1.2, b = 0.75 (Robertson & Zaragoza 2009, the Lucene defaults).
 */
import nodejieba from 'nodejieba'
import type { BenchDoc } from '../data/corpus'
import { type BenchEngine, bytesToJson, fullText, isWordToken, jsonToBytes } from './bench-engine'

const K1 = 1.2
const B = 0.75

interface Postings {
  docs: number[]
  tfs: number[]
}

interface Bm25State {
  ids: string[]
  categories: (string | null)[]
  lengths: number[]
  postings: Record<string, Postings>
}

/** The k best documents by score (ties: lower index first), by insertion into a short sorted list: k is small. */
function topK(docs: readonly number[], scores: Float64Array, k: number): number[] {
  const best: number[] = []
  const better = (a: number, b: number): boolean => (scores[a] as number) > (scores[b] as number) || (scores[a] === scores[b] && a < b)
  for (const doc of docs) {
    if (best.length === k && !better(doc, best[k - 1] as number)) continue
    let at = best.length === k ? k - 1 : best.length
    while (at > 0 && better(doc, best[at - 1] as number)) {
      best[at] = best[at - 1] as number
      at--
    }
    best[at] = doc
  }
  return best
}

function tokenize(text: string): string[] {
  return nodejieba.cut(text).filter(isWordToken).map((t) => t.toLowerCase())
}

export function create(): BenchEngine {
  let state: Bm25State = { ids: [], categories: [], lengths: [], postings: {} }
  let postings = new Map<string, Postings>()
  let averageLength = 0

  const finish = (): void => {
    const total = state.lengths.reduce((a, b) => a + b, 0)
    averageLength = state.ids.length > 0 ? total / state.ids.length : 0
  }

  const rank = (query: string, k: number, keep: (doc: number) => boolean): string[] => {
    const n = state.ids.length
    const scores = new Float64Array(n)
    const touched: number[] = []
    for (const term of new Set(tokenize(query))) {
      const list = postings.get(term)
      if (!list) continue
      const idf = Math.log(1 + (n - list.docs.length + 0.5) / (list.docs.length + 0.5))
      for (let i = 0; i < list.docs.length; i++) {
        const doc = list.docs[i] as number
        const tf = list.tfs[i] as number
        const norm = K1 * (1 - B + (B * (state.lengths[doc] as number)) / averageLength)
        if (scores[doc] === 0) touched.push(doc)
        scores[doc] = (scores[doc] as number) + (idf * tf * (K1 + 1)) / (tf + norm)
      }
    }
    return topK(touched.filter(keep), scores, k).map((doc) => state.ids[doc] as string)
  }

  return {
    name: 'jieba-bm25',
    build(docs: readonly BenchDoc[]) {
      for (const doc of docs) {
        const index = state.ids.length
        const terms = tokenize(fullText(doc))
        state.ids.push(doc.id)
        state.categories.push(doc.category ?? null)
        state.lengths.push(terms.length)
        const counts = new Map<string, number>()
        for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1)
        for (const [term, tf] of counts) {
          let list = postings.get(term)
          if (!list) postings.set(term, (list = { docs: [], tfs: [] }))
          list.docs.push(index)
          list.tfs.push(tf)
        }
      }
      finish()
    },
    search: (query, k) => rank(query, k, () => true),
    searchInCategory: (query, k, category) => rank(query, k, (doc) => state.categories[doc] === category),
    serialize() {
      return jsonToBytes({ ...state, postings: Object.fromEntries(postings) })
    },
    load(bytes) {
      state = bytesToJson<Bm25State>(bytes)
      postings = new Map(Object.entries(state.postings))
      state.postings = {}
      finish()
    },
  }
}
