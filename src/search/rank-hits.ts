import type { StoredDocument } from '../index/index'
import { isMarkedWhole, type AnalyzedQuery, type QueryAlternative } from '../query'
import { collectPositions, phraseStartsIn, scoreQuery, topDocuments } from '../rank'
import { chunkFactors, type RescoringInput } from './chunk-rescoring'
import type { ResolvedSearchOptions } from './options'
import { buildSnippet, type TermMatches } from './snippet'
import type { SearchHit } from './search-result'

/**
 * The top documents (at least this many) re-scored by their best chunk: enough to reorder the first pages.
 * 100 scores the laws dev and probe questions as 200 did (50 did not), in two thirds of the time.
 */
const RESCORED_CANDIDATES = 100

/** What choosing a snippet field reads of a stored document. */
interface StoredText {
  textLength(name: string): number | undefined
}

export interface RankHitsInput extends RescoringInput {
  /** The query `scored` was scored for, which an explanation restates (the first stage leaves out common sub-words). */
  firstStage: AnalyzedQuery
  options: ResolvedSearchOptions
}

/** The fields holding text: the hidden entity fields (`@…`) hold tags. */
function textFieldsOf(reader: RankHitsInput['reader']): number[] {
  return reader.fieldNames.flatMap((name, field) => (name.startsWith('@') ? [] : [field]))
}

/**
 * Matches of the highlight terms in the page's documents, per document and field: one pass over each
 * posting list. A multi-word expansion (住院押金 → 住院预交金) is marked as one span where its characters stand.
 */
function pageMatches(input: RankHitsInput, page: readonly number[]): Map<number, TermMatches[][]> {
  const docs = Int32Array.from(page).sort()
  const matches = new Map<number, TermMatches[][]>(page.map((doc) => [doc, input.reader.fieldNames.map(() => [])]))
  // Positions are original start offsets.
  const textFields = textFieldsOf(input.reader)
  for (const [term, weight] of input.query.highlightTerms) {
    const termId = input.reader.termId(term)
    if (termId === undefined) continue
    for (const field of textFields) {
      for (const [doc, starts] of collectPositions(input.reader, termId, field, docs)) if (starts.length > 0) matches.get(doc)![field]!.push({ term, weight, starts })
    }
  }
  for (const alternative of expansionPhrases(input.query)) {
    for (const field of textFields) {
      for (const [doc, starts] of phraseStartsIn(alternative, field, input.reader, docs)) matches.get(doc)![field]!.push({ term: alternative.phraseText!, weight: alternative.weight, starts })
    }
  }
  return matches
}

/**
 * The alternatives marked whole (multi-word expansions and article references, left out of the highlight
 * terms: {@link isMarkedWhole}), each once: an expansion of a term the query's segmentation split stands in
 * every group it spans.
 */
function expansionPhrases(query: AnalyzedQuery): QueryAlternative[] {
  const byText = new Map<string, QueryAlternative>()
  for (const group of query.groups) {
    if (group.occur === 'must_not') continue
    for (const alternative of group.alternatives) {
      if (isMarkedWhole(alternative) && alternative.phraseText && !byText.has(alternative.phraseText)) byText.set(alternative.phraseText, alternative)
    }
  }
  return [...byText.values()]
}

/** Where the sections the query names stand in the page's documents: per document, per section in query order, per text field. */
type SectionStarts = { field: number; starts: number[] }[]

function pageSections(input: RankHitsInput, page: readonly number[]): Map<number, SectionStarts> {
  const found = new Map<number, SectionStarts>()
  const sections = input.query.sections ?? []
  if (sections.length === 0) return found
  const docs = Int32Array.from(page).sort()
  const textFields = textFieldsOf(input.reader)
  for (const section of sections) {
    for (const field of textFields) {
      for (const [doc, starts] of phraseStartsIn(section, field, input.reader, docs)) {
        let list = found.get(doc)
        if (!list) found.set(doc, (list = []))
        list.push({ field, starts })
      }
    }
  }
  return found
}

/** A heading stands at the start of the text or of a line, or after a space (laws put the article's number before its text). */
const BEFORE_HEADING = /[\s\u3000]/

/**
 * The first of the query's sections that heads a line of the document: 第十一条 where article 11 begins,
 * not where another article refers to it (依照本条例第十一条).
 */
function headingIn(document: StoredDocument, fieldNames: readonly string[], sections: SectionStarts | undefined): { field: number; start: number } | undefined {
  for (const { field, starts } of sections ?? []) {
    const name = fieldNames[field]!
    const start = starts.find((at) => at === 0 || BEFORE_HEADING.test(document.textSlice(name, at - 1, at)))
    if (start !== undefined) return { field, start }
  }
  return undefined
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

/** The properties of a hit built when first read, in groups computed together: the stored fields, and what a hit shows beside its id and score. */
const LAZY_GROUPS = {
  stored: ['fields'],
  presentation: ['snippet', 'snippetField', 'highlights', 'section'],
} as const satisfies Record<string, readonly (keyof SearchHit)[]>
type LazyGroup = keyof typeof LAZY_GROUPS
type LazyComputations = Record<LazyGroup, () => Partial<SearchHit>>

/** Where a hit keeps its computations: a symbol key, defined non-enumerable, is invisible to JSON, Object.keys and spreading. */
const LAZY = Symbol('zhsearch lazy hit properties')

function settleGroup(hit: SearchHit, group: LazyGroup): void {
  const values = (hit as SearchHit & { [LAZY]: LazyComputations })[LAZY][group]()
  for (const key of LAZY_GROUPS[group]) settleProperty(hit, key, values[key])
}

/**
 * The lazy properties' accessors, shared by every hit (they find the hit through `this`). Accessors made
 * per hit gave each hit a hidden class of its own: 17 µs a hit, a third of a one-word query's time.
 */
const LAZY_DESCRIPTORS: PropertyDescriptorMap = Object.fromEntries(
  (Object.keys(LAZY_GROUPS) as LazyGroup[]).flatMap((group) =>
    LAZY_GROUPS[group].map((key) => [
      key,
      {
        enumerable: true,
        configurable: true,
        get(this: SearchHit) {
          settleGroup(this, group)
          return this[key]
        },
        set(this: SearchHit, value: unknown) {
          settleGroup(this, group)
          settleProperty(this, key, value)
        },
      },
    ]),
  ),
)

/**
 * Makes the lazy properties of the hit enumerable properties computed, group by group, on the first read
 * of any of them (`JSON.stringify` and spreading read them too). A caller who wants the ranked ids alone
 * pays for none of it, the way Elasticsearch and Meilisearch build highlights only when asked; writing
 * one first fixes the others of its group as computed.
 */
function defineLazyProperties(hit: SearchHit, computations: LazyComputations): void {
  Object.defineProperty(hit, LAZY, { value: computations })
  Object.defineProperties(hit, LAZY_DESCRIPTORS)
}

/** Orders the scored documents (BM25F × coordination, the best re-scored by chunk) and builds the requested page of hits. */
export function rankHits(input: RankHitsInput): SearchHit[] {
  const { scored, options, store, reader } = input
  const wanted = options.offset + options.limit
  if (wanted === 0 || scored.scores.size === 0) return []
  const candidates = scored.scores.top(Math.max(wanted, RESCORED_CANDIDATES))
  const passages = chunkFactors(input, candidates)
  const final = new Map(candidates.map((doc) => [doc, scored.scores.get(doc)! * (passages.get(doc) ?? 1)]))
  const page = topDocuments(final, wanted).slice(options.offset)
  const explained = options.explain ? scoreQuery(input.firstStage, reader, { bm25: input.bm25, commonTerms: true, explainFor: new Set(page) }) : undefined
  // Snippets and stored fields are built when a hit's are first read; the page's matches once for all its hits.
  // Documents are never renumbered, and compaction copies the records and postings it thins (the reader
  // and `openDocument` keep the ones of this search), so a later read shows the document as it was found
  // even after it is removed or updated.
  let matchesOfPage: Map<number, TermMatches[][]> | undefined
  let sectionsOfPage: Map<number, SectionStarts> | undefined
  const openDocument = store.documentsAsOfNow()
  return page.map((doc) => {
    let stored: StoredDocument | undefined
    const storedDocument = () => (stored ??= openDocument(doc)!)
    // The lazy properties are added after id and score, in their usual order; defined as new properties
    // rather than over placeholders, every hit follows the same hidden-class transitions.
    const hit = { id: store.idOf(doc)!, score: final.get(doc)! } as SearchHit
    defineLazyProperties(hit, {
      stored: () => ({ fields: storedDocument().fields() }),
      presentation: () => {
        const document = storedDocument()
        matchesOfPage ??= pageMatches(input, page)
        sectionsOfPage ??= pageSections(input, page)
        // A passage the query names by its number (劳动法第38条) is shown from its heading.
        const heading = headingIn(document, reader.fieldNames, sectionsOfPage.get(doc))
        const { field, matches } = heading ? { field: heading.field, matches: matchesOfPage.get(doc)![heading.field]! } : snippetField(input, document, matchesOfPage.get(doc)!)
        const name = reader.fieldNames[field]!
        const text = { length: document.textLength(name) ?? 0, slice: (from: number, to: number) => document.textSlice(name, from, to) }
        const snippet = buildSnippet(text, matches, options.snippet, heading?.start)
        return { snippet: snippet.text, snippetField: name, highlights: snippet.highlights, section: snippet.section }
      },
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
