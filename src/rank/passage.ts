/**
 * Passage scoring: a long law is tens of thousands of characters and its answer is one article, so a
 * document is also judged by its best passage — the window of {@link PASSAGE_LENGTH} characters that
 * holds the most query weight (each group's idf, counted once). This rewards words standing close
 * together (proximity) and lets a long document whose words meet in one place outrank a short one
 * where they are scattered, which whole-document BM25 alone does not.
 */

/** Window length in characters: about one article of a law or one paragraph of a report. */
export const PASSAGE_LENGTH = 200

/** A document's score is multiplied by `1 + PASSAGE_WEIGHT × coverage` (coverage in [0, 1]); 1.5 chosen on the laws dev questions and known-item titles (1 and 2 were both worse on one of them). */
export const PASSAGE_WEIGHT = 1.5

/** One occurrence of a query group in a field. */
export interface GroupOccurrence {
  position: number
  group: number
}

/**
 * The best window's share of the query weight: the largest sum of distinct groups' weights found
 * within `length` characters, divided by the sum of all weights. Occurrences must be sorted by position.
 */
export function passageCoverage(occurrences: readonly GroupOccurrence[], weights: readonly number[], length = PASSAGE_LENGTH): { coverage: number; start: number } {
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  if (total <= 0 || occurrences.length === 0) return { coverage: 0, start: 0 }
  const counts = new Array<number>(weights.length).fill(0)
  let value = 0
  let best = 0
  let bestStart = occurrences[0]!.position
  let left = 0
  for (let right = 0; right < occurrences.length; right++) {
    const entering = occurrences[right]!
    if (counts[entering.group]!++ === 0) value += weights[entering.group]!
    while (entering.position - occurrences[left]!.position >= length) {
      const leaving = occurrences[left++]!
      if (--counts[leaving.group]! === 0) value -= weights[leaving.group]!
    }
    if (value > best) {
      best = value
      bestStart = occurrences[left]!.position
    }
  }
  return { coverage: best / total, start: bestStart }
}
