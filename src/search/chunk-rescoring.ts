import type { DocumentStore } from '../index/index'
import type { AnalyzedQuery, QueryGroup } from '../query'
import {
  ChunkPostingSource,
  DEFAULT_CHARACTERS_PER_WORD,
  inverseDocumentFrequency,
  OccurrenceCollector,
  passageCoverage,
  PASSAGE_WEIGHT,
  scoreQuery,
  type BM25Parameters,
  type PostingSource,
  type ScoredDocuments,
  withoutCommonSubwords,
} from '../rank'

/**
 * Re-scoring the best documents by their best chunk (see {@link ChunkPostingSource}): what a candidate's
 * score is multiplied by so that the page is ordered by chunk evidence and title proximity.
 */

/** What re-scoring reads: the query, the documents' scores, the index, and the statistics kept between searches. */
export interface RescoringInput {
  query: AnalyzedQuery
  scored: ScoredDocuments
  reader: PostingSource
  store: DocumentStore
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
 * Measured when long fields had windows too: dev relevance the same at 0.1% and 3%, the slowest
 * 30–60-character queries twice as fast at 3%.
 */
const MINOR_WEIGHT_SHARE = 0.03

/**
 * Passage multiplier per candidate from its short fields (a title): the best field's best-window coverage
 * of the query weight, a heavier field counting more. Long fields are scored by chunks instead.
 */
function shortFieldPassageFactors(input: RescoringInput, candidates: number[], isChunked: (field: number) => boolean): Map<number, number> {
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
    // A word in nearly every document of the field (条例 in a law's title, 中华人民共和国 in a short text)
    // weighs next to nothing in a window, yet has long position lists: it is left out of this field's windows.
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
function charactersPerWord(input: RescoringInput): number {
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
export function chunkFactors(input: RescoringInput, candidates: number[]): Map<number, number> {
  // Sub-words in most chunks are left out by the first stage's rule, counted over chunks: 人民 of
  // 中华人民共和国 stands in 85% of the laws' chunks, and its places were much of a short query's
  // chunk work. A source over no candidates reads no places; it only counts chunks.
  const perWord = charactersPerWord(input)
  const corpusChunks = new ChunkPostingSource(input.reader, [], [], input.chunkStatistics, perWord)
  const query = withoutCommonSubwords(input.query, corpusChunks)
  const terms = query.groups.flatMap((group) =>
    group.alternatives.flatMap((alternative) => [...alternative.terms.map((term) => term.text), ...(alternative.phraseTokens ?? [])]),
  )
  const chunks = new ChunkPostingSource(input.reader, candidates, terms, input.chunkStatistics, perWord)
  const titles = shortFieldPassageFactors(input, candidates, (field) => chunks.isChunked(field))
  const best = new Map<number, number>()
  scoreQuery(query, chunks, { bm25: input.bm25 }).scores.forEach((score, chunk) => {
    const doc = chunks.documentOf(chunk)
    if (score > (best.get(doc) ?? -Infinity)) best.set(doc, score)
  })
  const factors = new Map<number, number>()
  for (const doc of candidates) {
    const whole = input.scored.scores.get(doc)!
    // A geometric mean needs positive scores; a document scored 0 or below keeps its place.
    if (!(whole > 0)) continue
    const title = titles.get(doc) ?? 1
    // A document with no chunk left (a required word only in a chunk that lacks the rest) keeps its own score.
    const chunk = best.get(doc) ?? whole
    const combined = Math.pow(Math.max(chunk * title, 0), 1 - WHOLE_DOCUMENT_SHARE) * Math.pow(Math.max(whole * title, 0), WHOLE_DOCUMENT_SHARE)
    factors.set(doc, combined / whole)
  }
  return factors
}
