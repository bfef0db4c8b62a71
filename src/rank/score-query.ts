import { PostingBuffer, withCapacity } from '../index/index'
import type { AnalyzedQuery, QueryAlternative, QueryGroup } from '../query'
import { inverseDocumentFrequency, saturate, weightedFieldFrequency, type BM25Parameters } from './bm25f'
import { coordinationFactor } from './coordination'
import { readPositions, type PostingSource } from './posting-source'
import type { ScoreExplanation } from './explanation'
import { DocumentAccumulator } from './document-accumulator'
import { AlternativeScores } from './alternative-scores'
import { DocumentScores } from './document-scores'
import { offsetsIn, phraseTokensByRarity } from './phrase-starts'
import { commonGroups } from './common-groups'

export interface ScoreOptions {
  bm25: BM25Parameters
  /** Score common groups only in the documents that match a rarer group (see {@link commonGroups}). Default false. */
  commonTerms?: boolean
  /** Documents to record an explanation for (the page of hits being returned). */
  explainFor?: ReadonlySet<number>
}

export interface ScoredDocuments {
  /** Final BM25F × coordination score per matching document. */
  scores: DocumentScores
  /** Groups matched, for each document in `explainFor`. */
  matchedGroups: Map<number, number>
  explanations: Map<number, ScoreExplanation[]>
  /** Groups that count towards coordination (everything but exclusions). */
  scoringGroupCount: number
  /** The coordination factor applied, for each matching document in `explainFor`. */
  coordination: Map<number, number>
}

function fieldsOf(source: PostingSource, alternative: QueryAlternative): number[] {
  const all = source.fieldNames.map((_, field) => field)
  if (alternative.field === undefined) return all
  const field = source.fieldNames.indexOf(alternative.field)
  return field < 0 ? [] : [field]
}

interface Context {
  source: PostingSource
  options: ScoreOptions
  explanations: Map<number, ScoreExplanation[]>
  explaining: boolean
  /** Per-term scratch, reused for every term of the query. */
  accumulator: DocumentAccumulator
  /** Per-alternative scratch, reused for every alternative of the query. */
  alternativeScores: AlternativeScores
  /** One term's decoded postings in one field. */
  postings: PostingBuffer
  /** While scoring a common group: the groups matched so far per document; documents at 0 are passed over. */
  within: Int32Array | undefined
}

function explain(context: Context, doc: number, entry: ScoreExplanation): void {
  if (!context.options.explainFor?.has(doc)) return
  const list = context.explanations.get(doc)
  if (list) list.push(entry)
  else context.explanations.set(doc, [entry])
}

/** BM25F of single terms (the word, its sub-words, its expansions), summed with their weights. */
function scoreTerms(alternative: QueryAlternative, context: Context): AlternativeScores {
  const { source, options } = context
  const scores = context.alternativeScores
  scores.reset()
  const fields = fieldsOf(source, alternative)
  // Only an alternative that requires every word tallies them: a Map per call was a large share of a query's garbage.
  const requiredCount = alternative.requireAll ? alternative.terms.filter((term) => term.origin === 'query').length : 0
  const matchedRequired = alternative.requireAll ? new Map<number, number>() : undefined
  for (const term of alternative.terms) {
    const termId = source.termId(term.text)
    if (termId === undefined) {
      if (alternative.requireAll && term.origin === 'query') {
        scores.reset()
        return scores
      }
      continue
    }
    const idf = inverseDocumentFrequency(source.documentCount, source.docFrequency(termId))
    const pseudo = context.accumulator
    pseudo.clear()
    for (const field of fields) {
      const average = source.averageFieldLength(field)
      const weight = source.fieldWeight(field)
      const count = source.readPostings(termId, field, context.postings)
      const { docs, tfs } = context.postings
      const within = context.within
      for (let i = 0; i < count; i++) {
        const doc = docs[i]!
        if ((within !== undefined && within[doc] === 0) || source.isDeleted(doc)) continue
        const tf = tfs[i]!
        pseudo.add(doc, weightedFieldFrequency(tf, source.fieldLength(field, doc), average, weight, options.bm25.b))
        if (context.explaining) explain(context, doc, { term: term.text, origin: term.origin, field: source.fieldNames[field]!, tf, idf, value: 0 })
      }
    }
    for (let i = 0; i < pseudo.size; i++) {
      const doc = pseudo.documentAt(i)
      const value = term.weight * saturate(pseudo.valueOf(doc), idf, options.bm25.k1)
      scores.add(doc, value)
      if (matchedRequired && term.origin === 'query') matchedRequired.set(doc, (matchedRequired.get(doc) ?? 0) + 1)
      if (context.explaining) {
        context.explanations.get(doc)?.forEach((entry) => {
          if (entry.term === term.text && entry.value === 0) entry.value = value
        })
      }
    }
  }
  if (matchedRequired) {
    scores.forEach((doc) => {
      if ((matchedRequired.get(doc) ?? 0) < requiredCount) scores.delete(doc)
    })
  }
  return scores
}

/**
 * Live documents holding every one of the terms in a field, ascending: posting lists decoded without
 * positions and intersected by a merge walk (both sides ascend), no set of a common word's thousands of documents.
 */
function documentsWithAll(termIds: readonly number[], field: number, source: PostingSource, postings: PostingBuffer): Int32Array {
  let count = source.readPostings(termIds[0]!, field, postings)
  const documents = new Int32Array(count)
  let found = 0
  for (let i = 0; i < count; i++) if (!source.isDeleted(postings.docs[i]!)) documents[found++] = postings.docs[i]!
  for (let term = 1; term < termIds.length && found > 0; term++) {
    count = source.readPostings(termIds[term]!, field, postings)
    const docs = postings.docs
    let kept = 0
    for (let i = 0, j = 0; i < found && j < count; ) {
      const doc = documents[i]!
      if (doc === docs[j]) {
        documents[kept++] = doc
        i++
        j++
      } else if (doc < docs[j]!) i++
      else j++
    }
    found = kept
  }
  return documents.subarray(0, found)
}

/**
 * Counts occurrences of the phrase in one field of the documents holding all its words. The words are
 * read rarest first, and each one only in the documents where the phrase can still stand: the common
 * words of a phrase (服务 and 企业 of 物业服务企业) are in nearly every law, and decoding their positions
 * in all of them was most of such a query's time.
 */
function phraseFrequencies(alternative: QueryAlternative, termIds: number[], field: number, source: PostingSource, postings: PostingBuffer): Map<number, number> {
  let docs = documentsWithAll(termIds, field, source, postings)
  const first = alternative.terms[0]!.offset
  const order = termIds.map((_, i) => i).sort((a, b) => source.fieldDocFrequency(termIds[a]!, field) - source.fieldDocFrequency(termIds[b]!, field))
  // Where the phrase may start in each remaining document: docs[k]'s starts are starts[bounds[k] … bounds[k + 1]).
  let starts: Int32Array = new Int32Array(0)
  let bounds: Int32Array = new Int32Array(docs.length + 1)
  order.forEach((term, step) => {
    if (docs.length === 0) return
    const gap = alternative.terms[term]!.offset - first
    const nextDocs = new Int32Array(docs.length)
    const nextBounds = new Int32Array(docs.length + 1)
    let nextStarts: Int32Array = new Int32Array(step === 0 ? 64 : starts.length)
    let kept = 0
    let count = 0
    let k = 0
    source.forEachPostingIn(termIds[term]!, field, docs, (doc, tf, reader) => {
      while (docs[k]! < doc) k++
      const from = count
      if (step === 0 && count + tf > nextStarts.length) nextStarts = withCapacity(nextStarts, Math.max(count + tf, nextStarts.length * 2))
      // Positions ascend, so do the starts they imply: the first word's become the starts, a later word's keep those they meet.
      let cursor = bounds[k]!
      const end = bounds[k + 1]!
      let position = 0
      for (let i = 0; i < tf; i++) {
        position += reader.readVarint()
        const start = position - gap
        if (step === 0) {
          nextStarts[count++] = start
          continue
        }
        while (cursor < end && starts[cursor]! < start) cursor++
        if (cursor === end) break
        if (starts[cursor] === start) nextStarts[count++] = start
      }
      if (count > from) {
        nextDocs[kept++] = doc
        nextBounds[kept] = count
      }
    })
    docs = nextDocs.subarray(0, kept)
    bounds = nextBounds.subarray(0, kept + 1)
    starts = nextStarts
  })
  const frequencies = new Map<number, number>()
  for (let k = 0; k < docs.length; k++) frequencies.set(docs[k]!, bounds[k + 1]! - bounds[k]!)
  return frequencies
}

/**
 * Phrase checks by characters read at most this many stretches of text per field, so a phrase of common
 * words stays fast: each stretch is about three times the phrase long, normalised and searched.
 */
const MAX_CHARACTER_CHECKS = 10_000

/** Where the phrase would start in a document, by each place `token` takes in it, per document holding the token. */
function phraseStarts(token: number, offsets: readonly number[], field: number, source: PostingSource, docs?: ReadonlySet<number>): Map<number, number[]> {
  const starts = new Map<number, number[]>()
  source.forEachPosting(token, field, (doc, tf, reader) => {
    if (source.isDeleted(doc) || (docs && !docs.has(doc))) return true
    const found: number[] = []
    for (const position of readPositions(reader, tf)) for (const offset of offsets) found.push(position - offset)
    starts.set(doc, found)
    return true
  })
  return starts
}

/**
 * Phrase frequencies by characters: for documents that segmented the phrase differently from the query.
 * The sub-word lattice indexes dictionary words at their own offsets however the words around them were
 * cut, so the phrase's two rarest tokens must stand exactly where the phrase puts them: only the places
 * where they do (or the rarest token's places, for a phrase of one token) are read and compared, one
 * phrase length either side.
 */
function phraseFrequenciesByCharacters(alternative: QueryAlternative, field: number, source: PostingSource): Map<number, number> {
  const frequencies = new Map<number, number>()
  const needle = alternative.phraseText
  if (!needle) return frequencies
  const tokens = phraseTokensByRarity(alternative, source)
  if (tokens.length === 0) return frequencies
  const rarest = tokens[0]!
  // The confirming token must lie outside the rarest one: 复议 inside 行政复议 stands wherever 行政复议 does.
  const span = offsetsIn(needle, rarest).map((at) => [at, at + rarest.length] as const)
  const outside = (token: string) => offsetsIn(needle, token).filter((at) => span.every(([from, to]) => at + token.length <= from || at >= to))
  const second = tokens.find((token) => outside(token).length > 0)
  let candidates = phraseStarts(source.termId(rarest)!, offsetsIn(needle, rarest), field, source)
  if (second !== undefined) {
    const confirming = phraseStarts(source.termId(second)!, outside(second), field, source, new Set(candidates.keys()))
    const aligned = new Map<number, number[]>()
    for (const [doc, starts] of candidates) {
      const others = new Set(confirming.get(doc))
      const kept = starts.filter((start) => others.has(start))
      if (kept.length > 0) aligned.set(doc, kept)
    }
    candidates = aligned
  }
  let checks = MAX_CHARACTER_CHECKS
  const margin = needle.length
  for (const [doc, starts] of candidates) {
    const ranges = [...new Set(starts)].map((start) => [start - margin, start + 2 * margin] as const)
    // The phrase must start within the left margin (less any whitespace removed there), not just anywhere in the stretch.
    const count = source.compactFieldSlices(field, doc, ranges).filter((stretch) => {
      const at = stretch.indexOf(needle)
      return at >= 0 && at <= margin
    }).length
    if (count > 0) frequencies.set(doc, count)
    checks -= ranges.length
    if (checks <= 0) break
  }
  return frequencies
}

/**
 * BM25F of a phrase: its frequency is saturated like a term's, with the idf of the phrase itself, from the
 * documents that hold it. A statutory phrase is made of common words (未取得道路运输经营许可 stands in a few
 * laws, each of its words in hundreds): weighed by its rarest word, as before, an expansion to it scored
 * next to nothing. Never below its rarest word's idf, which is what a phrase found in no document gets.
 */
function scorePhrase(alternative: QueryAlternative, context: Context): AlternativeScores {
  const { source, options } = context
  const scores = context.alternativeScores
  scores.reset()
  const termIds = alternative.terms.map((term) => source.termId(term.text))
  const allKnown = termIds.every((id) => id !== undefined)
  const idf = (alternative.phraseTokens ?? alternative.terms.map((term) => term.text))
    .map((token) => source.termId(token))
    .filter((id): id is number => id !== undefined)
    .reduce((best, id) => Math.max(best, inverseDocumentFrequency(source.documentCount, source.docFrequency(id))), 0)
  const pseudo = new Map<number, number>()
  for (const field of fieldsOf(source, alternative)) {
    const average = source.averageFieldLength(field)
    let found = allKnown ? phraseFrequencies(alternative, termIds as number[], field, source, context.postings) : new Map<number, number>()
    if (found.size === 0) found = phraseFrequenciesByCharacters(alternative, field, source)
    for (const [doc, count] of found) {
      const frequency = weightedFieldFrequency(count, source.fieldLength(field, doc), average, source.fieldWeight(field), options.bm25.b)
      pseudo.set(doc, (pseudo.get(doc) ?? 0) + frequency)
      explain(context, doc, { term: `"${alternative.source}"`, origin: 'phrase', field: source.fieldNames[field]!, tf: count, idf, value: 0 })
    }
  }
  const phraseIdf = Math.max(idf, inverseDocumentFrequency(source.documentCount, pseudo.size))
  for (const [doc, frequency] of pseudo) {
    const value = saturate(frequency, phraseIdf, options.bm25.k1)
    scores.set(doc, value)
    context.explanations.get(doc)?.forEach((entry) => {
      if (entry.origin === 'phrase' && entry.value === 0) {
        entry.value = value
        entry.idf = phraseIdf
      }
    })
  }
  return scores
}

/**
 * How much a group counts towards coordination: the idf of its rarest word, so that matching the
 * distinctive words of a long question counts more than matching its common ones. A word absent from
 * the index counts as the rarest possible.
 */
function groupWeight(group: QueryGroup, source: PostingSource): number {
  let weight = 0
  for (const alternative of group.alternatives) {
    for (const term of alternative.terms) {
      if (term.origin !== 'query') continue
      const termId = source.termId(term.text)
      const df = termId === undefined ? 0 : source.docFrequency(termId)
      weight = Math.max(weight, term.weight * inverseDocumentFrequency(source.documentCount, df))
    }
  }
  return weight
}

/**
 * Per document: the group's score (its best alternative's) and how fully it matched (that alternative's
 * weight), in typed arrays reused from group to group.
 */
class GroupScores {
  readonly score: Float64Array
  readonly completeness: Float64Array
  private readonly seen: Int32Array
  private stamp = 0
  /** The group's documents, the first `touchedCount` entries. */
  readonly touched: Int32Array
  touchedCount = 0

  constructor(capacity: number) {
    this.score = new Float64Array(capacity)
    this.completeness = new Float64Array(capacity)
    this.seen = new Int32Array(capacity)
    this.touched = new Int32Array(capacity)
  }

  /** Starts a new group. */
  reset(): void {
    if (this.stamp === STAMP_LIMIT) {
      this.seen.fill(0)
      this.stamp = 0
    }
    this.stamp++
    this.touchedCount = 0
  }

  offer(doc: number, score: number, completeness: number): void {
    if (this.seen[doc] !== this.stamp) {
      this.seen[doc] = this.stamp
      this.touched[this.touchedCount++] = doc
      this.score[doc] = score
      this.completeness[doc] = completeness
      return
    }
    if (score > this.score[doc]!) this.score[doc] = score
    if (completeness > this.completeness[doc]!) this.completeness[doc] = completeness
  }
}

/**
 * A group's score is its best alternative's. A group matched only through a synonym or expansion counts
 * towards coordination at that expansion's weight, not as fully as the user's own word.
 */
function scoreGroup(group: QueryGroup, context: Context, best: GroupScores): void {
  best.reset()
  // An expansion follows the user's word it expands: in an OR group (出租车 OR 网约车) each operand's own.
  let own: QueryAlternative | undefined
  let need: number | undefined
  group.alternatives.forEach((alternative) => {
    if (alternative.terms[0]?.origin === 'query') {
      own = alternative
      need = undefined
    }
    // Expansions are worth more when the user's own word is rare in the corpus.
    const scaled = alternative.expansion && !alternative.equivalent && own !== undefined
    const weight = scaled
      ? alternative.weight * (alternative.expandedWords ? wordsNeed(alternative.expandedWords, context.source) : (need ??= ownWordNeed(own!, context.source)))
      : alternative.weight
    if (weight <= 0) return
    const scores = alternative.phrase ? scorePhrase(alternative, context) : scoreTerms(alternative, context)
    for (let i = 0; i < scores.entryCount; i++) {
      const doc = scores.documentAt(i)
      if (scores.has(doc)) best.offer(doc, scores.valueOf(doc) * weight, weight)
    }
  })
}

/**
 * Share of documents holding a word beyond which its expansions add nothing: a word the corpus already
 * uses widely (孩子) is the corpus's own vocabulary, while a word it hardly uses (网约车) needs its
 * statutory equivalent (网络预约出租汽车) to be found at all. Chosen on the laws dev questions.
 */
const EXPANSION_SATURATION = 0.1

/** 1 when the user's word is absent from the corpus, falling to 0 as its document share reaches {@link EXPANSION_SATURATION}; 1 for a phrase. */
function ownWordNeed(own: QueryAlternative, source: PostingSource): number {
  return own.phrase ? 1 : wordsNeed([own.terms[0]!.text], source)
}

/**
 * The need of an expansion of several query words, by the rarest of them: the words stand together in
 * no more documents than that one (校园 is in many laws, 霸凌 in none, so 校园霸凌 needs 学生欺凌).
 */
function wordsNeed(words: readonly string[], source: PostingSource): number {
  let df = Infinity
  for (const word of words) {
    const termId = source.termId(word)
    df = Math.min(df, termId === undefined ? 0 : source.docFrequency(termId))
  }
  return Math.max(0, 1 - df / Math.max(1, source.documentCount * EXPANSION_SATURATION))
}

/** Stamps restart before they would overflow an Int32Array entry. */
const STAMP_LIMIT = 2 ** 31 - 1

/**
 * Per-document arrays for scoring, kept from query to query: allocating a dozen arrays the size of the
 * corpus for every query made garbage collection a fifth of a query's time. Scoring is synchronous, so
 * one set serves every query of the process.
 */
class ScoringScratch {
  readonly accumulator: DocumentAccumulator
  readonly alternativeScores: AlternativeScores
  readonly postings = new PostingBuffer()
  readonly groupScores: GroupScores
  /** Per-document sums over the groups; zero between queries. */
  readonly totals: Float64Array
  readonly matchedCount: Int32Array
  readonly matchedWeight: Float64Array
  /** The documents the query has touched (matched by any group), the first `touchedCount` entries. */
  private readonly touched: Int32Array
  private touchedCount = 0

  constructor(readonly capacity: number) {
    this.accumulator = new DocumentAccumulator(capacity)
    this.alternativeScores = new AlternativeScores(capacity)
    this.groupScores = new GroupScores(capacity)
    this.totals = new Float64Array(capacity)
    this.matchedCount = new Int32Array(capacity)
    this.matchedWeight = new Float64Array(capacity)
    this.touched = new Int32Array(capacity)
  }

  /** Adds one group's score and matched weight for a document, listing the document when it is the first group to match it. */
  addGroupMatch(doc: number, score: number, weight: number): void {
    if (this.matchedCount[doc] === 0) this.touched[this.touchedCount++] = doc
    this.totals[doc]! += score
    this.matchedCount[doc]!++
    this.matchedWeight[doc]! += weight
  }

  /** The touched documents so far. */
  touchedDocuments(): Int32Array {
    return this.touched.subarray(0, this.touchedCount)
  }

  /** Zeroes the sums of the documents a query touched, for the next query. */
  release(): void {
    for (let i = 0; i < this.touchedCount; i++) {
      const doc = this.touched[i]!
      this.totals[doc] = 0
      this.matchedCount[doc] = 0
      this.matchedWeight[doc] = 0
    }
    this.touchedCount = 0
  }
}

let sharedScratch: ScoringScratch | undefined

function scratchFor(capacity: number): ScoringScratch {
  if (!sharedScratch || sharedScratch.capacity < capacity) sharedScratch = new ScoringScratch(capacity)
  return sharedScratch
}

/**
 * Scores every document that matches the query: the sum of its groups' BM25F scores times the
 * coordination factor; documents missing a `must` group or matching a `must_not` group are dropped.
 */
export function scoreQuery(query: AnalyzedQuery, source: PostingSource, options: ScoreOptions): ScoredDocuments {
  const scratch = scratchFor(Math.max(source.documentCapacity, 1))
  try {
    return scoreWith(scratch, { query, source, options })
  } finally {
    scratch.release()
  }
}

/**
 * The touched documents that match, ascending. When they are a large share of the corpus (a common word
 * touches nearly every law), one pass over the per-document counts in document order is cheaper than
 * sorting them: the sort was the costliest line of a query.
 */
function ascendingMatches(touched: Int32Array, matchedCount: Int32Array, capacity: number, isMatch: (doc: number) => boolean): Int32Array {
  const matching = new Int32Array(touched.length)
  let count = 0
  if (touched.length * SCAN_INSTEAD_OF_SORT > capacity) {
    for (let doc = 0; doc < capacity; doc++) if (matchedCount[doc]! > 0 && isMatch(doc)) matching[count++] = doc
    return matching.subarray(0, count)
  }
  for (const doc of touched) if (isMatch(doc)) matching[count++] = doc
  return matching.subarray(0, count).sort()
}

/** Scan the corpus instead of sorting once the touched documents are more than one in this many. */
const SCAN_INSTEAD_OF_SORT = 16

/** Whether every set holds `doc`; a loop, as a closure per matching document was most of a query's garbage. */
function isInAll(doc: number, sets: readonly ReadonlySet<number>[]): boolean {
  for (const set of sets) if (!set.has(doc)) return false
  return true
}

function scoreWith(scratch: ScoringScratch, input: { query: AnalyzedQuery; source: PostingSource; options: ScoreOptions }): ScoredDocuments {
  const { query, source, options } = input
  const context: Context = {
    source,
    options,
    explanations: new Map(),
    explaining: options.explainFor !== undefined,
    accumulator: scratch.accumulator,
    postings: scratch.postings,
    alternativeScores: scratch.alternativeScores,
    within: undefined,
  }
  // Per-document sums in typed arrays: every matching document passes through here once per group.
  const { totals, matchedCount, matchedWeight, groupScores } = scratch
  let totalWeight = 0
  const excluded = new Set<number>()
  const required: Set<number>[] = []
  let scoringGroupCount = 0
  // Rarer groups first, so that the common ones can be scored in the documents those matched.
  const common = options.commonTerms ? commonGroups(query, source) : query.groups.map(() => false)
  const order = query.groups.map((_, index) => index).sort((a, b) => Number(common[a]) - Number(common[b]))
  for (const index of order) {
    const group = query.groups[index]!
    if (common[index] && context.within === undefined && scratch.touchedDocuments().length > 0) context.within = matchedCount
    scoreGroup(group, context, groupScores)
    const docs = groupScores.touched.subarray(0, groupScores.touchedCount)
    if (group.occur === 'must_not') {
      for (const doc of docs) excluded.add(doc)
      continue
    }
    scoringGroupCount++
    const weight = groupWeight(group, source)
    totalWeight += weight
    if (group.occur === 'must') required.push(new Set(docs))
    for (const doc of docs) scratch.addGroupMatch(doc, groupScores.score[doc]!, weight * groupScores.completeness[doc]!)
  }
  const matchedGroups = new Map<number, number>()
  const coordination = new Map<number, number>()
  const touched = scratch.touchedDocuments()
  if (options.explainFor) for (const doc of touched) if (options.explainFor.has(doc)) matchedGroups.set(doc, matchedCount[doc]!)
  const isMatch = (doc: number) => !excluded.has(doc) && isInAll(doc, required)
  const docs = ascendingMatches(touched, matchedCount, source.documentCapacity, isMatch)
  const matchingCount = docs.length
  const values = new Float64Array(matchingCount)
  for (let i = 0; i < matchingCount; i++) {
    const doc = docs[i]!
    const factor = coordinationFactor(matchedWeight[doc]!, totalWeight)
    if (options.explainFor?.has(doc)) coordination.set(doc, factor)
    values[i] = totals[doc]! * factor
  }
  const scores = new DocumentScores(docs, values)
  return { scores, matchedGroups, explanations: context.explanations, scoringGroupCount, coordination }
}
