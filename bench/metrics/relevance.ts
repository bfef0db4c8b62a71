/**
 * Rank-quality metrics over graded judgments (qrels). All functions are pure: they take the ranked
 * document ids an engine returned and the judgments for one query, and return a number in [0, 1].
 *
 * @example
 * const qrels = { a: 2, b: 1 }
 * ndcgAtK(['b', 'x', 'a'], qrels, 10) // ≈ 0.71: both relevant docs found, but in the wrong order
 */

/** Graded relevance of documents for one query: doc id → grade (0 = not relevant, higher = better). */
export type Qrels = Readonly<Record<string, number>>

/**
 * Normalised discounted cumulative gain at rank k, with gain = grade and the standard log2(rank + 1)
 * discount (Järvelin & Kekäläinen 2002, the form trec_eval's `ndcg_cut` uses). The ideal ranking is
 * built from the qrels, not from the returned list, so missing a relevant document costs score.
 * A query without any relevant document scores 0.
 */
export function ndcgAtK(ranked: readonly string[], qrels: Qrels, k: number): number {
  const ideal = Object.values(qrels)
    .filter((grade) => grade > 0)
    .sort((a, b) => b - a)
  const idealGain = discountedGain(ideal, k)
  if (idealGain === 0) return 0
  const gains = ranked.map((id) => Math.max(0, qrels[id] ?? 0))
  return discountedGain(gains, k) / idealGain
}

/** Sum of grade / log2(rank + 1) over the first k grades, ranks starting at 1. */
function discountedGain(grades: readonly number[], k: number): number {
  let total = 0
  const depth = Math.min(k, grades.length)
  for (let i = 0; i < depth; i++) total += (grades[i] ?? 0) / Math.log2(i + 2)
  return total
}

/** Reciprocal rank of the first relevant document (grade > 0) within the top k, else 0. */
export function reciprocalRankAtK(ranked: readonly string[], qrels: Qrels, k: number): number {
  const depth = Math.min(k, ranked.length)
  for (let i = 0; i < depth; i++) {
    const id = ranked[i]
    if (id !== undefined && (qrels[id] ?? 0) > 0) return 1 / (i + 1)
  }
  return 0
}

/** Share of the relevant documents (grade > 0) found in the top k; 0 when nothing is relevant. */
export function recallAtK(ranked: readonly string[], qrels: Qrels, k: number): number {
  const relevant = Object.keys(qrels).filter((id) => (qrels[id] ?? 0) > 0)
  if (relevant.length === 0) return 0
  const top = new Set(ranked.slice(0, k))
  return relevant.filter((id) => top.has(id)).length / relevant.length
}

/** The relevance scores the harness reports for one query. */
export interface QueryScores {
  readonly ndcg10: number
  readonly mrr10: number
  readonly recall10: number
  readonly recall100: number
}

/** Cut-offs of the reported metrics: 10 is a result page, 100 what a re-ranker could still see. */
export const PAGE_DEPTH = 10
export const RECALL_DEPTH = 100

/** All reported scores for one query's ranking. */
export function scoreQuery(ranked: readonly string[], qrels: Qrels): QueryScores {
  return {
    ndcg10: ndcgAtK(ranked, qrels, PAGE_DEPTH),
    mrr10: reciprocalRankAtK(ranked, qrels, PAGE_DEPTH),
    recall10: recallAtK(ranked, qrels, PAGE_DEPTH),
    recall100: recallAtK(ranked, qrels, RECALL_DEPTH),
  }
}

/** Arithmetic mean of each score over queries (MRR@10 is then the mean reciprocal rank); zeros when empty. */
export function meanScores(all: readonly QueryScores[]): QueryScores {
  const n = all.length
  if (n === 0) return { ndcg10: 0, mrr10: 0, recall10: 0, recall100: 0 }
  const sum = (pick: (s: QueryScores) => number): number => all.reduce((acc, s) => acc + pick(s), 0) / n
  return {
    ndcg10: sum((s) => s.ndcg10),
    mrr10: sum((s) => s.mrr10),
    recall10: sum((s) => s.recall10),
    recall100: sum((s) => s.recall100),
  }
}
