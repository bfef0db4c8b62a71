import type { DocumentStore } from '../index/index'
import type { AnalyzedQuery, QueryGroup } from '../query'
import {
  closeness,
  collectPositions,
  coordinationFactor,
  PROXIMITY_WEIGHT,
  scoreQuery,
  type BM25Parameters,
  type GroupOccurrences,
  type PostingSource,
  type ScoredDocuments,
} from '../rank'
import type { ResolvedSearchOptions } from './options'
import { buildSnippet, type MatchSpan } from './snippet'
import type { SearchHit } from './search-result'

/** Proximity is computed for this many top documents (at least): enough to reorder the first pages. */
const PROXIMITY_CANDIDATES = 100

export interface RankHitsInput {
  query: AnalyzedQuery
  scored: ScoredDocuments
  reader: PostingSource
  store: DocumentStore
  options: ResolvedSearchOptions
  bm25: BM25Parameters
}

function topDocuments(scores: ReadonlyMap<number, number>, count: number): number[] {
  return [...scores.entries()]
    .sort((a, b) => b[1] - a[1] || a[0] - b[0])
    .slice(0, count)
    .map(([doc]) => doc)
}

/** The term that stands for a group in proximity: each alternative's first (the user's own) word. */
function groupWords(group: QueryGroup): { text: string; length: number }[] {
  return group.alternatives.map((alternative) => {
    const first = alternative.terms[0]!
    const last = alternative.terms.at(-1)!
    const length = alternative.phrase ? last.offset + last.text.length - first.offset : first.text.length
    return { text: first.text, length }
  })
}

/** Proximity multiplier per candidate: best field's closeness of the matched groups, scaled by how many matched. */
function proximityFactors(input: RankHitsInput, candidates: number[]): Map<number, number> {
  const { query, reader } = input
  const groups = query.groups.filter((group) => group.occur !== 'must_not')
  const factors = new Map<number, number>()
  if (groups.length < 2 || candidates.length === 0) return factors
  const docs = new Set(candidates)
  reader.fieldNames.forEach((name, field) => {
    // The hidden entity field holds term ordinals, not character offsets: closeness means nothing there.
    if (name.startsWith('@')) return
    const occurrences = groups.map((group) => {
      const perDoc = new Map<number, GroupOccurrences>()
      for (const word of groupWords(group)) {
        const termId = reader.termId(word.text)
        if (termId === undefined) continue
        for (const [doc, positions] of collectPositions(reader, termId, field, docs)) {
          const existing = perDoc.get(doc)
          perDoc.set(doc, existing ? { positions: [...existing.positions, ...positions].sort((a, b) => a - b), length: Math.min(existing.length, word.length) } : { positions, length: word.length })
        }
      }
      return perDoc
    })
    for (const doc of candidates) {
      const present = occurrences.map((perDoc) => perDoc.get(doc)).filter((found): found is GroupOccurrences => found !== undefined)
      if (present.length < 2) continue
      const factor = 1 + PROXIMITY_WEIGHT * closeness(present) * ((present.length - 1) / (groups.length - 1))
      factors.set(doc, Math.max(factors.get(doc) ?? 1, factor))
    }
  })
  return factors
}

function matchSpans(input: RankHitsInput, doc: number, field: number): MatchSpan[] {
  const spans: MatchSpan[] = []
  const only = new Set([doc])
  for (const [term, weight] of input.query.highlightTerms) {
    const termId = input.reader.termId(term)
    if (termId === undefined) continue
    for (const start of collectPositions(input.reader, termId, field, only).get(doc) ?? []) {
      spans.push({ term, weight, start, end: start + term.length })
    }
  }
  return spans
}

/** The field to take the snippet from: the one with the most matched weight, the longer one on a tie. */
function snippetField(input: RankHitsInput, doc: number, stored: Record<string, unknown>): { field: number; spans: MatchSpan[] } {
  let best = { field: 0, spans: [] as MatchSpan[], value: -1, length: -1 }
  input.reader.fieldNames.forEach((name, field) => {
    const text = stored[name]
    if (typeof text !== 'string') return
    const spans = matchSpans(input, doc, field)
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
  const candidates = topDocuments(scored.scores, Math.max(wanted, PROXIMITY_CANDIDATES))
  const proximity = proximityFactors(input, candidates)
  const final = new Map(candidates.map((doc) => [doc, scored.scores.get(doc)! * (proximity.get(doc) ?? 1)]))
  const page = topDocuments(final, wanted).slice(options.offset)
  const explanations = options.explain
    ? scoreQuery(input.query, reader, { bm25: input.bm25, explainFor: new Set(page) }).explanations
    : undefined
  return page.map((doc) => {
    const fields = store.fields(doc)
    const { field, spans } = snippetField(input, doc, fields)
    const name = reader.fieldNames[field]!
    const text = typeof fields[name] === 'string' ? (fields[name] as string) : ''
    const snippet = buildSnippet(text, spans, options.snippet)
    const hit: SearchHit = { id: store.idOf(doc)!, score: final.get(doc)!, fields, snippet: snippet.text, snippetField: name, highlights: snippet.highlights }
    if (explanations) {
      const matchedGroups = scored.matchedGroups.get(doc) ?? 0
      const coordination = coordinationFactor(matchedGroups, scored.scoringGroupCount)
      hit.explanation = {
        terms: explanations.get(doc) ?? [],
        bm25f: scored.scores.get(doc)! / (coordination || 1),
        matchedGroups,
        totalGroups: scored.scoringGroupCount,
        coordination,
        proximity: proximity.get(doc) ?? 1,
        score: hit.score,
      }
    }
    return hit
  })
}
