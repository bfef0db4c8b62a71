import type { Analyzer, Token } from '../analysis'
import type { ParsedQuery, TermClause } from './query-node'
import type { AnalyzedQuery, QueryAlternative, QueryGroup, QueryTerm } from './analyzed-query'

/** A sub-word match is evidence for the word but weaker than the word itself (measured on the dev queries). */
export const SUBWORD_WEIGHT = 0.3

/**
 * How the query's words gain related words: synonyms, expansions, places. Each result is added beside the
 * word with its weight; with `alternative: true` it becomes a separate way to match the group (the group
 * then scores its best alternative instead of adding them up).
 */
export type TermExpander = (term: string) => ReadonlyArray<{ term: string; weight: number; alternative?: boolean }>

export interface AnalyzeQueryOptions {
  analyzer: Analyzer
  expand?: TermExpander
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

function wordAlternatives(word: Token, subwords: readonly Token[], field: string | undefined, options: AnalyzeQueryOptions): QueryAlternative[] {
  const terms: QueryTerm[] = [{ text: word.text, weight: 1, offset: word.start, origin: 'query' }]
  for (const subword of subwords) terms.push({ text: subword.text, weight: SUBWORD_WEIGHT, offset: subword.start, origin: 'subword' })
  const scope = field ? { field } : {}
  const separate: QueryAlternative[] = []
  for (const expansion of options.expand?.(word.text) ?? []) {
    const term: QueryTerm = { text: expansion.term, weight: expansion.weight, offset: word.start, origin: 'synonym' }
    if (expansion.alternative) separate.push({ terms: [term], phrase: false, source: expansion.term })
    else if (!terms.some((existing) => existing.text === expansion.term)) terms.push(term)
  }
  return [{ terms, phrase: false, ...scope, source: word.text }, ...separate]
}

/** A text clause becomes one group per coarse word; a phrase stays one group whose words must be adjacent. */
function clauseGroups(clause: TermClause, occur: QueryGroup['occur'], options: AnalyzeQueryOptions): QueryGroup[] {
  const tokens = options.analyzer.analyze(clause.text)
  const words = coarseWords(tokens)
  if (words.length === 0) return []
  if (clause.kind === 'phrase' && words.length > 1) {
    const terms = words.map(({ word }) => ({ text: word.text, weight: 1, offset: word.start, origin: 'query' as const }))
    const phraseText = options.analyzer.normalize(clause.text).text.replace(/\s+/g, '')
    const phraseTokens = [...new Set(tokens.map((token) => token.text))]
    const alternative: QueryAlternative = { terms, phrase: true, ...(clause.field ? { field: clause.field } : {}), source: clause.text, phraseText, phraseTokens }
    return [{ occur, alternatives: [alternative] }]
  }
  return words.map(({ word, subwords }) => ({ occur, alternatives: wordAlternatives(word, subwords, clause.field, options) }))
}

/**
 * Runs a parsed query's text through the document analyzer. `OR` groups keep one alternative per operand;
 * an operand of several words becomes a phrase-free alternative whose words all count.
 */
export function analyzeQuery(parsed: ParsedQuery, options: AnalyzeQueryOptions): AnalyzedQuery {
  const groups: QueryGroup[] = []
  for (const clause of parsed.clauses) {
    if (clause.kind !== 'or') {
      groups.push(...clauseGroups(clause, clause.occur, options))
      continue
    }
    const alternatives = clause.clauses.flatMap((operand) =>
      clauseGroups(operand, 'should', options).flatMap((group) => group.alternatives),
    )
    if (alternatives.length > 0) groups.push({ occur: clause.occur, alternatives })
  }
  const highlightTerms = new Map<string, number>()
  for (const group of groups) {
    if (group.occur === 'must_not') continue
    for (const alternative of group.alternatives) {
      for (const term of alternative.terms) highlightTerms.set(term.text, Math.max(term.weight, highlightTerms.get(term.text) ?? 0))
    }
  }
  return { groups, highlightTerms }
}
