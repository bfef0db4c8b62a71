/**
 * Known-item queries generated from a corpus's titles, so relevance on a large corpus needs no hand
 * judgments: a query is a few words of one title, kept only when exactly one title in the corpus
 * contains all of them (as substrings, so the check does not depend on any segmenter). That document
 * is the single relevant answer.
 */
import type { BenchDoc } from './corpus'
import type { JudgedQuery } from './judgments'
import { type Random, seededRandom, shuffled } from './random'

/** Name of the generated set in results, and the `type` of its queries. */
export const KNOWN_ITEM_SET = 'known-item'

export interface KnownItemOptions {
  /** How many queries to make at most. Default 400 (enough for stable MRR and latency percentiles). */
  count?: number
  /** Seed of the generator. Default 2024. */
  seed?: number
  /** Splits a title into words; the bench passes jieba's `cut`, the way a person would pick title words. */
  words: (title: string) => string[]
}

/** Fewest/most title words per query: one word rarely identifies a law, four are already a title. */
const MIN_QUERY_WORDS = 2
const MAX_QUERY_WORDS = 3
/** Words shorter than this (single characters such as 的, 和) carry no identity. */
const MIN_WORD_LENGTH = 2
const DEFAULT_COUNT = 400
const DEFAULT_SEED = 2024

/** Makes up to `count` known-item queries of type `known-item`, words joined by a space. */
export function generateKnownItems(docs: readonly BenchDoc[], options: KnownItemOptions): JudgedQuery[] {
  const random = seededRandom(options.seed ?? DEFAULT_SEED)
  const titled = docs.filter((doc): doc is BenchDoc & { title: string } => typeof doc.title === 'string' && doc.title !== '')
  const titles = titled.map((doc) => doc.title)
  const queries: JudgedQuery[] = []
  const seen = new Set<string>()
  for (const doc of shuffled(random, titled)) {
    if (queries.length >= (options.count ?? DEFAULT_COUNT)) break
    const words = [...new Set(options.words(doc.title).filter((w) => w.length >= MIN_WORD_LENGTH && /\p{L}/u.test(w)))]
    const wanted = MIN_QUERY_WORDS + Math.floor(random() * (MAX_QUERY_WORDS - MIN_QUERY_WORDS + 1))
    if (words.length < wanted) continue
    const chosen = chooseInTitleOrder(random, words, wanted)
    const query = chosen.join(' ')
    if (seen.has(query)) continue
    if (titles.filter((title) => chosen.every((w) => title.includes(w))).length !== 1) continue
    seen.add(query)
    queries.push({ qid: `K${String(queries.length + 1).padStart(3, '0')}`, query, type: KNOWN_ITEM_SET, qrels: { [doc.id]: 1 } })
  }
  return queries
}

/** `wanted` distinct words, kept in the order they stand in the title, as a person would type them. */
function chooseInTitleOrder(random: Random, words: readonly string[], wanted: number): string[] {
  const picked = new Set(shuffled(random, words.map((_, i) => i)).slice(0, wanted))
  return words.filter((_, i) => picked.has(i))
}
