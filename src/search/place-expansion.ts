import { recognizeEntities } from '../entities'
import type { Analyzer } from '../analysis'
import type { ParsedQuery, TermExpander } from '../query'

/**
 * A place named in a free-text query (淄博 村医) also matches documents that name it in another form
 * (淄博市) or name a place inside it (张店区): the word gains the hidden entity term of the place, whose
 * postings hold every document mentioning the place or one of its descendants.
 */
export const PLACE_EXPANSION_WEIGHT = 0.8

export function placeExpander(parsed: ParsedQuery, analyzer: Analyzer): TermExpander | undefined {
  const codes = new Map<string, string>()
  for (const clause of parsed.clauses) {
    const operands = clause.kind === 'or' ? clause.clauses : [clause]
    for (const operand of operands) {
      if (operand.kind !== 'text' || operand.occur === 'must_not') continue
      for (const mention of recognizeEntities(operand.text)) {
        if (mention.type === 'city' && mention.code) codes.set(analyzer.normalize(mention.text).text, mention.code)
      }
    }
  }
  if (codes.size === 0) return undefined
  return (term) => {
    const code = codes.get(term)
    return code ? [{ term: `city:${code}`, weight: PLACE_EXPANSION_WEIGHT, alternative: true }] : []
  }
}
