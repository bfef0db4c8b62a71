/**
 * Documents that match more of the query's groups rank above documents that match fewer, however
 * often the latter repeat one word. Chosen on the dev queries over a ranking rule (matched-count first):
 * a soft factor keeps a strong partial match above a weak full one, which helps long questions.
 */
export const COORDINATION_EXPONENT = 2

/** `(matched / total) ^ COORDINATION_EXPONENT`; 1 when the query has no scoring groups. */
export function coordinationFactor(matched: number, total: number): number {
  if (total <= 1) return 1
  return Math.pow(matched / total, COORDINATION_EXPONENT)
}
