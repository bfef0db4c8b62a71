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
  /**
   * The passage multiplier, `score / (bm25f × coordination)`: the best chunk's score (a long field cut into
   * ~300-character chunks, each scored like a document with the short fields) times the short fields'
   * window factor, over the whole document's. Below 1 when the document's matches lie scattered.
   */
  passage: number
  score: number
}
