/**
 * The mix of queries latency is measured over: the kinds people type into a search box, drawn
 * deterministically from the corpus itself so that every engine answers the same few hundred queries.
 */
import type { BenchDoc } from './corpus'
import type { JudgedQuery } from './judgments'
import { type Random, pick, seededRandom, shuffled } from './random'

/** single: one word · multi: a few title words · nospace: the same run together · phrase: two adjacent words in quotes · long: a 30–60-character stretch of text · question: judged natural questions · filtered: multi restricted to a category. */
export type LatencyKind = 'single' | 'multi' | 'nospace' | 'phrase' | 'long' | 'question' | 'filtered'

export interface LatencyQuery {
  readonly kind: LatencyKind
  readonly text: string
  /** Only for `filtered`: the category the results must belong to. */
  readonly category?: string
}

/** How many queries of each generated kind: a few hundred in all, weighted toward short queries as in search logs. */
export const LATENCY_MIX: Readonly<Record<Exclude<LatencyKind, 'question'>, number>> = {
  single: 100,
  multi: 150,
  nospace: 75,
  phrase: 50,
  long: 50,
  filtered: 50,
}

const LONG_MIN_CHARS = 30
const LONG_MAX_CHARS = 60
const SEED = 7

export interface LatencyQueryInput {
  readonly docs: readonly BenchDoc[]
  readonly knownItems: readonly JudgedQuery[]
  readonly judged: readonly JudgedQuery[]
  /** Segments text into words (jieba `cut`). */
  readonly words: (text: string) => string[]
}

/** Builds the mix; kinds for which the corpus has no material (no titles, no categories) are left out. */
export function buildLatencyQueries(input: LatencyQueryInput): LatencyQuery[] {
  const random = seededRandom(SEED)
  const queries: LatencyQuery[] = []
  const multi = input.knownItems.slice(0, LATENCY_MIX.multi).map((q) => q.query)
  for (const text of multi) queries.push({ kind: 'multi', text })
  for (const text of multi.slice(0, LATENCY_MIX.nospace)) queries.push({ kind: 'nospace', text: text.replace(/\s+/g, '') })
  for (const q of input.judged) queries.push({ kind: 'question', text: q.query })

  const byId = new Map(input.docs.map((doc) => [doc.id, doc]))
  for (const q of input.knownItems.slice(0, LATENCY_MIX.filtered)) {
    const doc = byId.get(Object.keys(q.qrels)[0] ?? '')
    if (doc?.category) queries.push({ kind: 'filtered', text: q.query, category: doc.category })
  }

  const sample = shuffled(random, input.docs).slice(0, Math.max(LATENCY_MIX.single, LATENCY_MIX.phrase, LATENCY_MIX.long))
  sample.slice(0, LATENCY_MIX.single).forEach((doc) => {
    const word = pick(random, contentWords(input.words(firstSentence(doc))))
    if (word) queries.push({ kind: 'single', text: word })
  })
  sample.slice(0, LATENCY_MIX.phrase).forEach((doc) => {
    const words = contentWords(input.words(firstSentence(doc)))
    const at = Math.floor(random() * Math.max(words.length - 1, 0))
    if (words.length >= 2) queries.push({ kind: 'phrase', text: `"${words[at]}${words[at + 1]}"` })
  })
  sample.slice(0, LATENCY_MIX.long).forEach((doc) => {
    const stretch = longStretch(random, doc.body)
    if (stretch) queries.push({ kind: 'long', text: stretch })
  })
  return queries
}

/** Words a person would search for: two characters or more, with a letter in them. */
function contentWords(words: readonly string[]): string[] {
  return words.filter((w) => w.length >= 2 && /\p{L}/u.test(w))
}

/** The title, or else the body's first sentence: where the words that name a document are. */
function firstSentence(doc: BenchDoc): string {
  if (doc.title) return doc.title
  return doc.body.split(/[。！？!?\n]/u)[0] ?? doc.body
}

/** A 30–60-character stretch of one sentence, without its punctuation (a long query pasted from text). */
function longStretch(random: Random, body: string): string | undefined {
  const sentences = body.split(/[。！？!?\n]/u).filter((s) => s.length >= LONG_MIN_CHARS)
  const sentence = pick(random, sentences)
  if (!sentence) return undefined
  const length = LONG_MIN_CHARS + Math.floor(random() * (LONG_MAX_CHARS - LONG_MIN_CHARS + 1))
  const start = Math.floor(random() * Math.max(sentence.length - length, 0))
  return sentence.slice(start, start + length).replace(/[\p{P}\p{Z}]+/gu, ' ').trim()
}
