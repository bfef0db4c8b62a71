import { isTraditionalText, type Analyzer, type TermOccurrence, type Token } from '../analysis'
import type { ParsedQuery, TermClause } from './query-node'
import { articleNumbers } from './article-numbers'
import { isMarkedWhole, type AnalyzedQuery, type QueryAlternative, type QueryGroup, type QueryTerm } from './analyzed-query'

/** A sub-word match is evidence for the word but weaker than the word itself (measured on the dev queries). */
export const SUBWORD_WEIGHT = 0.3

/**
 * How the query's words gain related words: synonyms, expansions, places. Each result is added beside the
 * word with its weight; with `alternative: true` it becomes a separate way to match the group (the group
 * then scores its best alternative instead of adding them up).
 */
export type TermExpander = (term: string) => ReadonlyArray<{ term: string; weight: number; alternative?: boolean }>

/** Finds dictionary terms in a query text (whatever the segmenter makes of it) and what they also search for. */
export type TextExpander = (text: string) => readonly TermOccurrence[]

export interface AnalyzeQueryOptions {
  analyzer: Analyzer
  expand?: TermExpander
  expandText?: TextExpander
  /** The whole query is in traditional script: every clause's regional phrases are converted (set by {@link analyzeQuery}). */
  traditional?: boolean
}

/** Splits tokens into coarse words, each followed by the sub-words that lie inside it. */
function coarseWords(tokens: readonly Token[]): { word: Token; subwords: Token[] }[] {
  const words: { word: Token; subwords: Token[] }[] = []
  for (const token of tokens) {
    if (!token.subword) words.push({ word: token, subwords: [] })
    else words.at(-1)?.subwords.push(token)
  }
  return words
}

/**
 * A phrase's terms (its coarse words, at their offsets in it) and every token of it, sub-words included:
 * documents that segmented the phrase otherwise are found by those.
 */
function phraseWords(tokens: readonly Token[], origin: QueryTerm['origin']): Pick<QueryAlternative, 'terms' | 'phraseTokens'> {
  return {
    terms: coarseWords(tokens).map(({ word }) => ({ text: word.text, weight: 1, offset: word.start, origin })),
    phraseTokens: [...new Set(tokens.map((token) => token.text))],
  }
}

/**
 * A single character typed as a word of a question counts, but little. A Han one (去, 上, 管) is usually
 * a verb or particle of everyday speech, not the topic (measured on the laws dev questions); a lone
 * letter or digit is mostly a fragment of a mixed word the segmenter split (5G → 5 g, U盘 → u 盘), and as
 * a term it matches list markers and numbering all over the laws. A Han character that is part of a
 * dictionary term the segmenter split (年 and 假 of 年假) weighs fully again (see attachTextExpansions).
 */
export const SINGLE_CHARACTER_WEIGHT = 0.3

function wordWeight(text: string): number {
  return text.length === 1 && /[\p{Script=Han}\p{L}\p{N}]/u.test(text) ? SINGLE_CHARACTER_WEIGHT : 1
}

function wordAlternatives(word: Token, subwords: readonly Token[], field: string | undefined, options: AnalyzeQueryOptions): QueryAlternative[] {
  const terms: QueryTerm[] = [{ text: word.text, weight: wordWeight(word.text), offset: word.start, origin: 'query' }]
  for (const subword of subwords) terms.push({ text: subword.text, weight: SUBWORD_WEIGHT, offset: subword.start, origin: 'subword' })
  const scope = field ? { field } : {}
  const separate: QueryAlternative[] = []
  for (const expansion of options.expand?.(word.text) ?? []) {
    const term: QueryTerm = { text: expansion.term, weight: expansion.weight, offset: word.start, origin: 'synonym' }
    // A place term lives in the hidden entity field: it cannot honour a `field:` scope.
    if (expansion.alternative) {
      if (!field) separate.push({ terms: [term], phrase: false, weight: 1, source: expansion.term })
    }
    else if (!terms.some((existing) => existing.text === expansion.term)) terms.push(term)
  }
  return [{ terms, phrase: false, weight: 1, ...scope, source: word.text }, ...separate]
}

/**
 * A yes-no question asked by "A not A" (能不能, 算不算, 有没有, 可不可以, 还不还钱) asks about A: it keeps A
 * alone. The segmenter cuts such forms in many ways (能 / 不能, 不能不), and their 不 / 没 halves were searched as words.
 */
function withoutAnotA(text: string): string {
  return text.replace(/(\p{Script=Han})[不没]\1/gu, '$1')
}

/** A text clause becomes one group per coarse word; a phrase stays one group whose words must be adjacent. */
function clauseGroups(clause: TermClause, occur: QueryGroup['occur'], options: AnalyzeQueryOptions): QueryGroup[] {
  // Offsets are taken in the normalised text: a regional word may be longer than its mainland form
  // (網際網路 → 互联网), and the spacing a phrase or proximity demands is that of the words as indexed.
  const normalized = options.analyzer.normalize(clause.text, { traditional: options.traditional }).text
  const text = clause.kind === 'text' ? withoutAnotA(normalized) : normalized
  const tokens = options.analyzer.analyze(text)
  const words = coarseWords(tokens)
  if (words.length === 0) return []
  if (clause.kind === 'phrase' && words.length > 1) {
    const { terms, phraseTokens } = phraseWords(tokens, 'query')
    const phraseText = text.replace(/\s+/g, '')
    const alternative: QueryAlternative = { terms, phrase: true, weight: 1, ...(clause.field ? { field: clause.field } : {}), source: clause.text, phraseText, phraseTokens }
    return [{ occur, alternatives: [alternative] }]
  }
  if (clause.kind === 'phrase') {
    // A quoted single word means exactly that word: no sub-words, no expansions.
    const { word } = words[0]!
    return [{ occur, alternatives: [{ terms: [{ text: word.text, weight: 1, offset: word.start, origin: 'query' }], phrase: false, weight: 1, ...(clause.field ? { field: clause.field } : {}), source: clause.text }] }]
  }
  const groups = words.map(({ word, subwords }) => ({ occur, alternatives: wordAlternatives(word, subwords, clause.field, options) }))
  if (clause.kind !== 'text' || occur === 'must_not') return groups
  attachTextExpansions(text, words, groups, options, clause.field)
  const parts = attachArticleNumbers(text, words, groups, options, clause.field)
  return groups.filter((_, index) => !parts.has(index))
}

/**
 * An article number written the other way (第38条 ↔ 第三十八条) is another way to match the number's
 * group. The reference is one thing asked for: the groups of its other words (第 and 条 when the segmenter
 * cut 第/38/条) are returned to be dropped, as they would only mark every 条 of a law in its snippets; and
 * the number's own alternative becomes the reference as typed, a phrase, since a bare 38 also stands in
 * 38号 and 38周岁, where the rarity of digits in statutes made it outweigh 第三十八条.
 */
function attachArticleNumbers(text: string, words: { word: Token }[], groups: QueryGroup[], options: AnalyzeQueryOptions, field: string | undefined): Set<number> {
  const parts = new Set<number>()
  for (const reference of articleNumbers(text)) {
    const index = words.findIndex(({ word }) => word.end > reference.numberStart && word.start < reference.numberEnd)
    if (index < 0) continue
    const group = groups[index]!
    if (group.alternatives.some((existing) => existing.source === reference.otherForm)) continue
    const alternative = expansionAlternative(reference.otherForm, 1, options)
    if (!alternative) continue
    const typed = text.slice(reference.start, reference.end)
    const own = words[index]!.word.text !== typed ? referenceAlternative(typed, options) : undefined
    if (own) group.alternatives[0] = { ...own, ...(field ? { field } : {}) }
    group.alternatives.push({ ...alternative, equivalent: true, ...(field ? { field } : {}) })
    words.forEach(({ word }, other) => {
      if (other !== index && word.start >= reference.start && word.end <= reference.end) parts.add(other)
    })
  }
  return parts
}

/** An article reference in normalised text (第38条, 第三十八条) as a phrase of the user's own words. */
function referencePhrase(reference: string, options: AnalyzeQueryOptions): QueryAlternative {
  const { terms, phraseTokens } = phraseWords(options.analyzer.analyze(reference), 'query')
  return { terms, phrase: true, weight: 1, source: reference, phraseText: reference, phraseTokens }
}

/** A reference as the user typed it (第38条, 38条), matched whole; undefined when it is one word. */
function referenceAlternative(typed: string, options: AnalyzeQueryOptions): QueryAlternative | undefined {
  const phrase = referencePhrase(typed, options)
  return phrase.terms.length < 2 ? undefined : { ...phrase, equivalent: true }
}

/** An expansion of one word is a word alternative; of several words, a phrase alternative. */
function expansionAlternative(text: string, weight: number, options: AnalyzeQueryOptions): QueryAlternative | undefined {
  const tokens = options.analyzer.analyze(text)
  const words = coarseWords(tokens)
  if (words.length === 0) return undefined
  if (words.length === 1) {
    // No sub-words here: they would let an expansion's parts (未成年人 → 成年人) count on their own.
    return { terms: [{ text: words[0]!.word.text, weight: 1, offset: 0, origin: 'synonym' }], phrase: false, weight, source: text, expansion: true }
  }
  const { terms, phraseTokens } = phraseWords(tokens, 'synonym')
  const phraseText = options.analyzer.normalize(text).text.replace(/\s+/g, '')
  return { terms, phrase: true, weight, source: text, phraseText, phraseTokens, expansion: true }
}

/**
 * Dictionary terms found in the clause's text become extra alternatives of the group of the first word
 * they cover, so 网约车 also searches 网络预约出租汽车 however the query was segmented; and of the groups of
 * the further words wholly inside them, so a text that says 学生欺凌 answers all of 校园霸凌 (cut 校园 / 霸凌).
 * A Han term cut into single characters (年假 in 几天年假 → 年 / 假) also gives them the weight of a word:
 * the user typed a word, not two particles. The words typed inside a term (手写[了一份]遗嘱) are not its words.
 */
function attachTextExpansions(text: string, words: { word: Token }[], groups: QueryGroup[], options: AnalyzeQueryOptions, field: string | undefined): void {
  for (const occurrence of options.expandText?.(text) ?? []) {
    // The first word the term touches, and every further word wholly inside it (城市管理 in 城市 管理条例 spans 城市 only).
    const first = words.findIndex(({ word }) => word.end > occurrence.start && word.start < occurrence.end)
    if (first < 0) continue
    const covered = [first]
    for (let index = first + 1; index < words.length && words[index]!.word.end <= occurrence.end; index++) {
      const { word } = words[index]!
      if (!(occurrence.gap && word.start >= occurrence.gap.start && word.end <= occurrence.gap.end)) covered.push(index)
    }
    const spanned = covered.length > 1 ? { expandedWords: covered.map((index) => words[index]!.word.text) } : {}
    if (covered.length > 1 && HAN_ONLY.test(occurrence.term)) covered.forEach((index) => weighWordFully(groups[index]!))
    for (const expansion of occurrence.expansions) {
      const alternative = expansionAlternative(expansion.term, expansion.weight, options)
      if (!alternative) continue
      for (const index of covered) {
        const group = groups[index]!
        if (group.alternatives.some((existing) => existing.source === expansion.term)) continue
        group.alternatives.push({ ...alternative, ...spanned, ...(field ? { field } : {}) })
      }
    }
  }
}

const HAN_ONLY = /^\p{Script=Han}+$/u

/** Lifts a group's own word to full weight (it had {@link SINGLE_CHARACTER_WEIGHT} as a lone character). */
function weighWordFully(group: QueryGroup): void {
  const alternative = group.alternatives[0]!
  const [word, ...others] = alternative.terms
  if (word?.origin === 'query' && word.weight < 1) group.alternatives[0] = { ...alternative, terms: [{ ...word, weight: 1 }, ...others] }
}

/**
 * An `OR` operand of several words (远程会诊 → 远程, 会诊) is one alternative that needs all of them,
 * not one alternative per word: its words' own terms are merged (expansions of single words are dropped).
 */
function operandAlternatives(groups: QueryGroup[]): QueryAlternative[] {
  if (groups.length <= 1) return groups.flatMap((group) => group.alternatives)
  const firsts = groups.map((group) => group.alternatives[0]!)
  return [{ terms: firsts.flatMap((alternative) => alternative.terms), phrase: false, weight: 1, source: firsts.map((alternative) => alternative.source).join(' '), requireAll: true }]
}

/**
 * Runs a parsed query's text through the document analyzer. `OR` groups keep one alternative per operand;
 * an operand of several words becomes a phrase-free alternative whose words all count.
 */
export function analyzeQuery(parsed: ParsedQuery, options: AnalyzeQueryOptions): AnalyzedQuery {
  // Script is a property of the query, not of each word: 最佳化 in 商丘市 最佳化 環境 is Taiwan's 优化.
  options = { ...options, traditional: isTraditionalText(clauseTexts(parsed.clauses).join(' ')) }
  const groups: QueryGroup[] = []
  for (const clause of parsed.clauses) {
    if (clause.kind !== 'or') {
      groups.push(...clauseGroups(clause, clause.occur, options))
      continue
    }
    const alternatives = clause.clauses.flatMap((operand) => operandAlternatives(clauseGroups(operand, 'should', options)))
    if (alternatives.length > 0) groups.push({ occur: clause.occur, alternatives })
  }
  const highlightTerms = new Map<string, number>()
  for (const group of groups) {
    if (group.occur === 'must_not') continue
    for (const alternative of group.alternatives) {
      if (isMarkedWhole(alternative)) continue
      for (const term of alternative.terms) highlightTerms.set(term.text, Math.max(term.weight, highlightTerms.get(term.text) ?? 0))
    }
  }
  const sections = namedSections(parsed.clauses, options)
  return { groups, highlightTerms, ...(sections.length > 0 ? { sections } : {}) }
}

/** The headings of the parts the query's words (not its exclusions) name, each once, as phrases to find them by. */
function namedSections(clauses: ParsedQuery['clauses'], options: AnalyzeQueryOptions): QueryAlternative[] {
  const sections = new Map<string, QueryAlternative>()
  for (const clause of clauses) {
    if (clause.occur === 'must_not') continue
    if (clause.kind === 'or') {
      for (const section of namedSections(clause.clauses, options)) if (!sections.has(section.source)) sections.set(section.source, section)
      continue
    }
    const text = options.analyzer.normalize(clause.text, { traditional: options.traditional }).text
    for (const { heading } of articleNumbers(text)) {
      // A heading is one dictionary word (第十一条) or several (第 二百六十四 条): found by its tokens either way.
      const section = sections.has(heading) ? undefined : referencePhrase(heading, options)
      if (section && section.terms.length > 0) sections.set(heading, section)
    }
  }
  return [...sections.values()]
}

function clauseTexts(clauses: ParsedQuery['clauses']): string[] {
  return clauses.flatMap((clause) => (clause.kind === 'or' ? clauseTexts(clause.clauses) : [clause.text]))
}
