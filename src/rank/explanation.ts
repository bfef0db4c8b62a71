/** One line of a score explanation: a term (or phrase) matched in a field, and what it added. */
export interface ScoreExplanation {
  /** The term as indexed, or the phrase in quotes. */
  term: string
  /** Where the term came from: the query itself, a sub-word of a query word, a synonym/expansion, or a phrase. */
  origin: 'query' | 'subword' | 'synonym' | 'phrase'
  field: string
  tf: number
  idf: number
  /** The term's BM25F contribution across fields (repeated on each field's line), times its weight. */
  value: number
}

/** Everything that made up a hit's score. */
export interface HitExplanation {
  terms: ScoreExplanation[]
  bm25f: number
  matchedGroups: number
  totalGroups: number
  coordination: number
  /** The passage multiplier: 1 + weight × the best window's share of the query weight. */
  passage: number
  score: number
}
