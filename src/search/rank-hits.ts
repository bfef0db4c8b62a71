import type { DocumentStore, StoredDocument } from '../index/index'
import type { AnalyzedQuery, QueryGroup } from '../query'
import {
  collectPositions,
  inverseDocumentFrequency,
  OccurrenceCollector,
  passageCoverage,
  PASSAGE_WEIGHT,
  scoreQuery,
  topDocuments,
  type BM25Parameters,
  ChunkPostingSource,
  DEFAULT_CHARACTERS_PER_WORD,
  type PostingSource,
  type ScoredDocuments,
} from '../rank'
import type { ResolvedSearchOptions } from './options'
import { buildSnippet, type TermMatches } from './snippet'
import type { SearchHit } from './search-result'

/**
 * Chunks are scored for this many top documents (at least): enough to reorder the first pages. 100 scores
 * the laws dev and probe questions as 200 did (50 did not), in two thirds of the time.
 */
const PASSAGE_CANDIDATES = 100

/** What choosing a snippet field reads of a stored document. */
interface StoredText {
  textLength(name: string): number | undefined
}

export interface RankHitsInput {
  query: AnalyzedQuery
  scored: ScoredDocuments
  reader: PostingSource
  store: DocumentStore
  options: ResolvedSearchOptions
  bm25: BM25Parameters
  /** Chunk statistics kept between searches until the index changes (see {@link ChunkPostingSource}). */
  chunkStatistics: Map<string, number>
}

/** The terms that stand for a group in passages: each alternative's own words (not sub-words, which overlap them). */
function groupTerms(group: QueryGroup): string[] {
  return group.alternatives.flatMap((alternative) =>
    alternative.phrase ? [alternative.terms[0]!.text] : alternative.terms.filter((term) => term.origin !== 'subword').map((term) => term.text),
  )
}

/**
 * A group's weight within one field: the idf of its rarest word counted over that field. 条例 or 规定
 * stand in nearly every law's body (idf near 0) but in few titles, where they tell laws apart.
 */
function fieldGroupWeight(reader: PostingSource, group: QueryGroup, field: number): number {
  let weight = 0
  for (const alternative of group.alternatives) {
    for (const term of alternative.terms) {
      if (term.origin === 'subword') continue
      const termId = reader.termId(term.text)
      const df = termId === undefined ? 0 : reader.fieldDocFrequency(termId, field)
      weight = Math.max(weight, term.weight * alternative.weight * inverseDocumentFrequency(reader.documentCount, df))
    }
  }
  return weight
}

/**
 * Groups under this share of the query's weight in a field are left out of that field's windows: they
 * move a window's coverage by at most this share, and common words have the longest position lists.
 * Dev relevance is the same at 0.1% and 3%; the slowest 30–60-character queries run twice as fast at 3%.
 */
const MINOR_WEIGHT_SHARE = 0.03

/**
 * Passage multiplier per candidate from its short fields (a title): the best field's best-window coverage
 * of the query weight, a heavier field counting more. Long fields are scored by chunks instead.
 */
function shortFieldPassageFactors(input: RankHitsInput, candidates: number[], isChunked: (field: number) => boolean): Map<number, number> {
  const { query, reader } = input
  const groups = query.groups.filter((group) => group.occur !== 'must_not')
  const factors = new Map<number, number>()
  if (groups.length < 2 || candidates.length === 0) return factors
  // One list of occurrences per word of each group, in the order the groups and their words come.
  const listTerms: string[] = []
  const listGroups: number[] = []
  groups.forEach((group, index) => {
    for (const term of groupTerms(group)) {
      listTerms.push(term)
      listGroups.push(index)
    }
  })
  // The hidden entity field holds term ordinals, not character offsets: windows mean nothing there.
  const indexed = reader.fieldNames.map((_, field) => field).filter((field) => !reader.fieldNames[field]!.startsWith('@'))
  const heaviest = Math.max(0, ...indexed.map((field) => reader.fieldWeight(field)))
  const readDocs = Int32Array.from(candidates).sort()
  for (const field of indexed.filter((field) => !isChunked(field))) {
    // A passage in a heavier field counts more: all the query's words in a title say more than in one article.
    const fieldShare = reader.fieldWeight(field) / heaviest
    // A word in nearly every document of the field (中华人民共和国, 条例 in a law's body) weighs next to
    // nothing in a window, yet has the longest position lists: it is left out of this field's windows.
    const weights = groups.map((group) => fieldGroupWeight(reader, group, field))
    const minor = MINOR_WEIGHT_SHARE * weights.reduce((sum, weight) => sum + weight, 0)
    for (let group = 0; group < weights.length; group++) if (weights[group]! < minor) weights[group] = 0
    const occurrences = new Map<number, OccurrenceCollector>()
    listTerms.forEach((term, list) => {
      if (weights[listGroups[list]!] === 0) return
      const termId = reader.termId(term)
      if (termId === undefined) return
      // Positions go straight from the posting list into the collector: no array or map entry per document.
      reader.forEachPostingIn(termId, field, readDocs, (doc, tf, positions) => {
        let collector = occurrences.get(doc)
        if (!collector) occurrences.set(doc, (collector = new OccurrenceCollector(listGroups)))
        let position = 0
        for (let i = 0; i < tf; i++) collector.add(list, (position += positions.readVarint()))
      })
    })
    for (const [doc, collector] of occurrences) {
      const factor = 1 + PASSAGE_WEIGHT * fieldShare * passageCoverage(collector.sorted(), weights).coverage
      factors.set(doc, Math.max(factors.get(doc) ?? 1, factor))
    }
  }
  return factors
}

/** Documents sampled to measure the corpus's characters per word: the first ones, so the figure is reproducible. */
const CHARACTERS_PER_WORD_SAMPLE = 64

/**
 * Characters per indexed word over the first documents' text fields, kept with the chunk statistics: a
 * law averages about three, a news report fewer. Chunks are cut by characters, and field lengths count words.
 */
function charactersPerWord(input: RankHitsInput): number {
  const { chunkStatistics, reader, store } = input
  const cached = chunkStatistics.get(CHARACTERS_PER_WORD_KEY)
  if (cached !== undefined) return cached
  let characters = 0
  let words = 0
  let sampled = 0
  for (let doc = 0; doc < reader.documentCapacity && sampled < CHARACTERS_PER_WORD_SAMPLE; doc++) {
    if (reader.isDeleted(doc)) continue
    const stored = store.document(doc)
    if (!stored) continue
    sampled++
    reader.fieldNames.forEach((name, field) => {
      const length = name.startsWith('@') ? undefined : stored.textLength(name)
      if (length === undefined) return
      characters += length
      words += reader.fieldLength(field, doc)
    })
  }
  const measured = words > 0 && characters > 0 ? characters / words : DEFAULT_CHARACTERS_PER_WORD
  chunkStatistics.set(CHARACTERS_PER_WORD_KEY, measured)
  return measured
}

/** The key of the measured characters per word among the chunk statistics. */
const CHARACTERS_PER_WORD_KEY = 'characters per word'

/**
 * The whole document's share of a candidate's score, against its best chunk's (a weighted geometric
 * mean): a law about the topic throughout (法律援助法 for a question about a free lawyer) should not lose
 * to a law with one apt article. Laws dev and probe questions: 0 (best chunk alone) 0.560 / 0.644,
 * 0.15 0.580 / 0.656, 0.25 0.582 / 0.661, 0.35 0.590 / 0.663, 0.5 0.562 / 0.655; known-item alike.
 */
const WHOLE_DOCUMENT_SHARE = 0.3

/**
 * Passage multiplier per candidate from its best chunk: the candidates' long fields cut into chunks of
 * about an article each (short fields such as the title standing in every chunk), each chunk scored like
 * a document, and a candidate's score taken from its best chunk and, for {@link WHOLE_DOCUMENT_SHARE},
 * its own, both times the passage factor of its short fields (all the query's words in a title still lift
 * a law above one that has them in one article). Expressed as a factor on the document's own score.
 */
function chunkFactors(input: RankHitsInput, candidates: number[]): Map<number, number> {
  const { query } = input
  const terms = query.groups.flatMap((group) =>
    group.alternatives.flatMap((alternative) => [...alternative.terms.map((term) => term.text), ...(alternative.phraseTokens ?? [])]),
  )
  const chunks = new ChunkPostingSource(input.reader, candidates, terms, input.chunkStatistics, charactersPerWord(input))
  const titles = shortFieldPassageFactors(input, candidates, (field) => chunks.isChunked(field))
  const best = new Map<number, number>()
  scoreQuery(query, chunks, { bm25: input.bm25 }).scores.forEach((score, chunk) => {
    const doc = chunks.documentOf(chunk)
    if (score > (best.get(doc) ?? -Infinity)) best.set(doc, score)
  })
  const factors = new Map<number, number>()
  for (const doc of candidates) {
    const whole = input.scored.scores.get(doc)!
    const title = titles.get(doc) ?? 1
    // A document with no chunk left (a required word only in a chunk that lacks the rest) keeps its own score.
    const chunk = best.get(doc) ?? whole
    const combined = Math.pow(Math.max(chunk * title, 0), 1 - WHOLE_DOCUMENT_SHARE) * Math.pow(Math.max(whole * title, 0), WHOLE_DOCUMENT_SHARE)
    factors.set(doc, combined / whole)
  }
  return factors
}

/** Matches of the highlight terms in the page's documents, per document and field: one pass over each posting list. */
function pageMatches(input: RankHitsInput, page: readonly number[]): Map<number, TermMatches[][]> {
  const docs = new Set(page)
  const matches = new Map<number, TermMatches[][]>(page.map((doc) => [doc, input.reader.fieldNames.map(() => [])]))
  for (const [term, weight] of input.query.highlightTerms) {
    const termId = input.reader.termId(term)
    if (termId === undefined) continue
    input.reader.fieldNames.forEach((name, field) => {
      if (name.startsWith('@')) return
      // Positions are original start offsets.
      for (const [doc, starts] of collectPositions(input.reader, termId, field, docs)) if (starts.length > 0) matches.get(doc)![field]!.push({ term, weight, starts })
    })
  }
  return matches
}

/** The field to take the snippet from: the one with the most distinct matched terms, the longer one on a tie. */
function snippetField(input: RankHitsInput, stored: StoredText, matchesByField: TermMatches[][]): { field: number; matches: TermMatches[] } {
  let best = { field: 0, matches: [] as TermMatches[], value: -1, length: -1 }
  input.reader.fieldNames.forEach((name, field) => {
    const length = stored.textLength(name)
    if (length === undefined) return
    // Each highlight term has at most one entry per field.
    const matches = matchesByField[field]!
    const value = matches.length
    if (value > best.value || (value === best.value && length > best.length)) best = { field, matches, value, length }
  })
  return best
}

/** Replaces a lazily defined property by its value, as if it had always been a plain one. */
function settleProperty(hit: SearchHit, key: keyof SearchHit, value: unknown): void {
  if (value === undefined) delete hit[key]
  else Object.defineProperty(hit, key, { value, writable: true, enumerable: true, configurable: true })
}

/**
 * Defines `keys` on the hit as enumerable properties computed together on the first read of any of them
 * (`JSON.stringify` and spreading read them too). A caller who wants the ranked ids alone pays for none
 * of it, the way Elasticsearch and Meilisearch build highlights only when asked; writing one first fixes
 * the others as computed.
 */
function defineLazyProperties(hit: SearchHit, keys: readonly (keyof SearchHit)[], compute: () => Partial<SearchHit>): void {
  const settle = () => {
    const values = compute()
    for (const key of keys) settleProperty(hit, key, values[key])
  }
  for (const key of keys) {
    Object.defineProperty(hit, key, {
      enumerable: true,
      configurable: true,
      get: () => {
        settle()
        return hit[key]
      },
      set: (value: unknown) => {
        settle()
        settleProperty(hit, key, value)
      },
    })
  }
}

/** What a hit shows beside its id and score, built when first read. */
const PRESENTATION_KEYS = ['snippet', 'snippetField', 'highlights', 'section'] as const satisfies readonly (keyof SearchHit)[]

/** Orders the scored documents (BM25F × coordination × proximity) and builds the requested page of hits. */
export function rankHits(input: RankHitsInput): SearchHit[] {
  const { scored, options, store, reader } = input
  const wanted = options.offset + options.limit
  if (wanted === 0 || scored.scores.size === 0) return []
  const candidates = scored.scores.top(Math.max(wanted, PASSAGE_CANDIDATES))
  const passages = chunkFactors(input, candidates)
  const final = new Map(candidates.map((doc) => [doc, scored.scores.get(doc)! * (passages.get(doc) ?? 1)]))
  const page = topDocuments(final, wanted).slice(options.offset)
  const explained = options.explain ? scoreQuery(input.query, reader, { bm25: input.bm25, explainFor: new Set(page) }) : undefined
  // Snippets and stored fields are built when a hit's are first read; the page's matches once for all its hits.
  // Documents are never renumbered in memory and stored records are append-only, so a later read shows
  // the document as it was found even after it is removed or updated.
  let matchesOfPage: Map<number, TermMatches[][]> | undefined
  return page.map((doc) => {
    let stored: StoredDocument | undefined
    const storedDocument = () => (stored ??= store.document(doc)!)
    // The placeholders keep the properties in their usual order.
    const hit: SearchHit = { id: store.idOf(doc)!, score: final.get(doc)!, fields: {}, snippet: '', snippetField: '', highlights: [], section: '' }
    defineLazyProperties(hit, ['fields'], () => ({ fields: storedDocument().fields() }))
    defineLazyProperties(hit, PRESENTATION_KEYS, () => {
      const document = storedDocument()
      matchesOfPage ??= pageMatches(input, page)
      const { field, matches } = snippetField(input, document, matchesOfPage.get(doc)!)
      const name = reader.fieldNames[field]!
      const text = { length: document.textLength(name) ?? 0, slice: (from: number, to: number) => document.textSlice(name, from, to) }
      const snippet = buildSnippet(text, matches, options.snippet)
      return { snippet: snippet.text, snippetField: name, highlights: snippet.highlights, section: snippet.section }
    })
    if (explained) {
      const coordination = explained.coordination.get(doc) ?? 1
      hit.explanation = {
        terms: explained.explanations.get(doc) ?? [],
        bm25f: scored.scores.get(doc)! / (coordination || 1),
        matchedGroups: explained.matchedGroups.get(doc) ?? 0,
        totalGroups: scored.scoringGroupCount,
        coordination,
        passage: passages.get(doc) ?? 1,
        score: hit.score,
      }
    }
    return hit
  })
}
