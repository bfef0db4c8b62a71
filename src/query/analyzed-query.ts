import type { Occur } from './query-node'

/**
 * A query after analysis: what the ranker evaluates. Each {@link QueryGroup} is one thing the user
 * asked for (a word, a phrase, or `A OR B`); documents are scored per group and favoured for matching
 * more groups.
 */
export interface QueryTerm {
  /** The normalised term as indexed. */
  text: string
  /** How much a match counts: 1 for the user's word, less for sub-words and expansions. */
  weight: number
  /** Offset of the term in the normalised query text, so a phrase can demand the same spacing in documents. */
  offset: number
  /** Where the term came from, for explanations. */
  origin: 'query' | 'subword' | 'synonym'
}

/** One way of matching a group: its terms, optionally as a phrase, optionally in one field. */
export interface QueryAlternative {
  /** For a word: the word first, then its sub-words and expansions. For a phrase: its words in order. */
  terms: QueryTerm[]
  phrase: boolean
  /** Multiplies the alternative's score: 1 for the user's words, less for synonyms and expansions. */
  weight: number
  /** Added by the synonym dictionaries (its weight then also depends on how rare the user's own word is). */
  expansion?: boolean
  /**
   * A reference (第38条) as typed or written another way (第三十八条), not an everyday word for it: it weighs
   * fully however common the user's own writing is. Marked in snippets as one span, like a multi-word expansion.
   */
  equivalent?: boolean
  /**
   * For an expansion of a dictionary term that the query's segmentation split (校园霸凌 → 校园 霸凌): the
   * query words it spans. The ranker judges how rare the user's words are by the rarest of these, not by
   * the group's own word alone.
   */
  expandedWords?: string[]
  /** Every `query` term must match (an `OR` operand of several words). */
  requireAll?: boolean
  /** Field name when the query wrote `field:…`. */
  field?: string
  /** The text the alternative came from (for explanations and highlighting). */
  source: string
  /**
   * For a phrase: its normalised characters without spaces, and every token of it (sub-words included).
   * When documents segmented the phrase differently from the query, the ranker finds candidates by
   * these tokens and checks the characters directly.
   */
  phraseText?: string
  phraseTokens?: string[]
}

/**
 * Whether the alternative's words mean something only together (a multi-word expansion or an article
 * reference): they are not highlight terms one by one, and snippets mark the whole where it stands.
 */
export function isMarkedWhole(alternative: QueryAlternative): boolean {
  return (alternative.expansion === true || alternative.equivalent === true) && alternative.phrase
}

export interface QueryGroup {
  alternatives: QueryAlternative[]
  occur: Occur
}

export interface AnalyzedQuery {
  groups: QueryGroup[]
  /** Every term worth highlighting, with its weight. */
  highlightTerms: Map<string, number>
  /**
   * The parts of a text the query names (第38条, 38条, 第三十八条), each as a phrase written the way statutes
   * head them (第三十八条): a hit's snippet starts where one of them heads a line. Not scored.
   */
  sections?: QueryAlternative[]
}
