import type { DocumentStore } from '../index/index'
import type { AnalyzedQuery, QueryGroup } from '../query'
import {
  collectPositions,
  inverseDocumentFrequency,
  passageCoverage,
  PASSAGE_WEIGHT,
  scoreQuery,
  type BM25Parameters,
  type GroupOccurrence,
  type PostingSource,
  type ScoredDocuments,
} from '../rank'
import type { ResolvedSearchOptions } from './options'
import { buildSnippet, type MatchSpan } from './snippet'
import type { SearchHit } from './search-result'

/** Passages are scored for this many top documents (at least): enough to reorder the first pages. */
const PASSAGE_CANDIDATES = 200

export interface RankHitsInput {
  query: AnalyzedQuery
  scored: ScoredDocuments
  reader: PostingSource
  store: DocumentStore
  options: ResolvedSearchOptions
  bm25: BM25Parameters
}

/** Whether (scoreA, docA) ranks before (scoreB, docB): higher score first, earlier document on a tie. */
function ranksBefore(scoreA: number, docA: number, scoreB: number, docB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && docA < docB)
}

/**
 * The `count` best documents, best first. A bounded min-heap instead of sorting every match: a common
 * word matches thousands of laws, and only the first page and the passage candidates are wanted.
 */
function topDocuments(scores: ReadonlyMap<number, number>, count: number): number[] {
  const heap: [number, number][] = [] // [score, doc], worst at the root
  const worse = (i: number, j: number) => ranksBefore(heap[j]![0], heap[j]![1], heap[i]![0], heap[i]![1])
  const swap = (i: number, j: number) => ([heap[i], heap[j]] = [heap[j]!, heap[i]!])
  for (const [doc, score] of scores) {
    if (heap.length < count) {
      heap.push([score, doc])
      for (let i = heap.length - 1; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1)
    } else if (count > 0 && ranksBefore(score, doc, heap[0]![0], heap[0]![1])) {
      heap[0] = [score, doc]
      for (let i = 0; ; ) {
        const left = 2 * i + 1
        const right = left + 1
        let worst = i
        if (left < heap.length && worse(left, worst)) worst = left
        if (right < heap.length && worse(right, worst)) worst = right
        if (worst === i) break
        swap(i, worst)
        i = worst
      }
    }
  }
  return heap.sort((a, b) => (ranksBefore(a[0], a[1], b[0], b[1]) ? -1 : 1)).map(([, doc]) => doc)
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

/** Passage multiplier per candidate: the best field's best-window coverage of the query weight. */
function passageFactors(input: RankHitsInput, candidates: number[]): Map<number, number> {
  const { query, reader, scored } = input
  const groups = query.groups.filter((group) => group.occur !== 'must_not')
  const factors = new Map<number, number>()
  if (groups.length < 2 || candidates.length === 0) return factors
  const docs = new Set(candidates)
  const heaviest = Math.max(...reader.fieldNames.map((name, field) => (name.startsWith('@') ? 0 : reader.fieldWeight(field))))
  reader.fieldNames.forEach((name, field) => {
    // The hidden entity field holds term ordinals, not character offsets: windows mean nothing there.
    if (name.startsWith('@')) return
    const occurrences = new Map<number, GroupOccurrence[]>()
    groups.forEach((group, index) => {
      for (const term of groupTerms(group)) {
        const termId = reader.termId(term)
        if (termId === undefined) continue
        for (const [doc, positions] of collectPositions(reader, termId, field, docs)) {
          const list = occurrences.get(doc) ?? []
          for (const position of positions) list.push({ position, group: index })
          occurrences.set(doc, list)
        }
      }
    })
    // A passage in a heavier field counts more: all the query's words in a title say more than in one article.
    const fieldShare = reader.fieldWeight(field) / heaviest
    const weights = groups.map((group) => fieldGroupWeight(reader, group, field))
    for (const [doc, list] of occurrences) {
      list.sort((a, b) => a.position - b.position)
      const factor = 1 + PASSAGE_WEIGHT * fieldShare * passageCoverage(list, weights).coverage
      factors.set(doc, Math.max(factors.get(doc) ?? 1, factor))
    }
  })
  return factors
}

/** Matches of the highlight terms in the page's documents, per document and field: one pass over each posting list. */
function pageSpans(input: RankHitsInput, page: readonly number[]): Map<number, MatchSpan[][]> {
  const docs = new Set(page)
  const spans = new Map<number, MatchSpan[][]>(page.map((doc) => [doc, input.reader.fieldNames.map(() => [])]))
  for (const [term, weight] of input.query.highlightTerms) {
    const termId = input.reader.termId(term)
    if (termId === undefined) continue
    input.reader.fieldNames.forEach((name, field) => {
      if (name.startsWith('@')) return
      // Positions are original start offsets; the end is the normalised length, made exact for the snippet's spans later.
      for (const [doc, positions] of collectPositions(input.reader, termId, field, docs)) {
        const list = spans.get(doc)![field]!
        for (const start of positions) list.push({ term, weight, start, end: start + term.length })
      }
    })
  }
  return spans
}

/** The field to take the snippet from: the one with the most matched weight, the longer one on a tie. */
function snippetField(input: RankHitsInput, stored: Record<string, unknown>, spansByField: MatchSpan[][]): { field: number; spans: MatchSpan[] } {
  let best = { field: 0, spans: [] as MatchSpan[], value: -1, length: -1 }
  input.reader.fieldNames.forEach((name, field) => {
    const text = stored[name]
    if (typeof text !== 'string') return
    const spans = spansByField[field]!
    const value = new Set(spans.map((span) => span.term)).size
    if (value > best.value || (value === best.value && text.length > best.length)) best = { field, spans, value, length: text.length }
  })
  return best
}

/** Orders the scored documents (BM25F × coordination × proximity) and builds the requested page of hits. */
export function rankHits(input: RankHitsInput): SearchHit[] {
  const { scored, options, store, reader } = input
  const wanted = options.offset + options.limit
  if (wanted === 0 || scored.scores.size === 0) return []
  const candidates = topDocuments(scored.scores, Math.max(wanted, PASSAGE_CANDIDATES))
  const passages = passageFactors(input, candidates)
  const final = new Map(candidates.map((doc) => [doc, scored.scores.get(doc)! * (passages.get(doc) ?? 1)]))
  const page = topDocuments(final, wanted).slice(options.offset)
  const explanations = options.explain
    ? scoreQuery(input.query, reader, { bm25: input.bm25, explainFor: new Set(page) }).explanations
    : undefined
  const spansOfPage = pageSpans(input, page)
  return page.map((doc) => {
    const fields = store.fields(doc)
    const { field, spans } = snippetField(input, fields, spansOfPage.get(doc)!)
    const name = reader.fieldNames[field]!
    const text = typeof fields[name] === 'string' ? (fields[name] as string) : ''
    const snippet = buildSnippet(text, spans, options.snippet)
    const hit: SearchHit = { id: store.idOf(doc)!, score: final.get(doc)!, fields, snippet: snippet.text, snippetField: name, highlights: snippet.highlights, ...(snippet.section ? { section: snippet.section } : {}) }
    if (explanations) {
      const coordination = scored.coordination.get(doc) ?? 1
      hit.explanation = {
        terms: explanations.get(doc) ?? [],
        bm25f: scored.scores.get(doc)! / (coordination || 1),
        matchedGroups: scored.matchedGroups.get(doc) ?? 0,
        totalGroups: scored.scoringGroupCount,
        coordination,
        passage: passages.get(doc) ?? 1,
        score: hit.score,
      }
    }
    return hit
  })
}
