/**
 * Documents that match more of the query's groups rank above documents that match fewer, however
 * often the latter repeat one word. Chosen on the dev queries over a ranking rule (matched-count first):
 * a soft factor keeps a strong partial match above a weak full one, which helps long questions.
 */
export const COORDINATION_EXPONENT = 1

/**
 * `(matched / total) ^ COORDINATION_EXPONENT`, where matched and total are weights (the idf of each
 * group's word) so a distinctive word counts more than a common one; 1 when there is nothing to weigh.
 */
export function coordinationFactor(matched: number, total: number): number {
  if (total <= 0) return 1
  return Math.pow(Math.min(matched / total, 1), COORDINATION_EXPONENT)
}
