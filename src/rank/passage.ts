/**
 * Passage scoring: a long law is tens of thousands of characters and its answer is one article, so a
 * document is also judged by its best passage — the window of {@link PASSAGE_LENGTH} characters that
 * holds the most query weight (each group's idf, counted once). This rewards words standing close
 * together (proximity) and lets a long document whose words meet in one place outrank a short one
 * where they are scattered, which whole-document BM25 alone does not.
 */

import { sortRuns } from './sort-runs'

/** Window length in characters: about one article of a law or one paragraph of a report. */
export const PASSAGE_LENGTH = 200

/** A document's score is multiplied by `1 + PASSAGE_WEIGHT × coverage` (coverage in [0, 1]); 1.5 chosen on the laws dev questions and known-item titles (1 and 2 were both worse on one of them). */
export const PASSAGE_WEIGHT = 1.5

/**
 * The occurrences of query groups in one field of one document, sorted by position, as parallel arrays
 * (a long law holds thousands of occurrences of a common query word; objects for each cost more than the scan).
 */
export interface GroupOccurrences {
  /** Character offsets, ascending. */
  readonly positions: ArrayLike<number>
  /** The query group of each occurrence. */
  readonly groups: ArrayLike<number>
}

/**
 * The best window's share of the query weight: the largest sum of distinct groups' weights found
 * within `length` characters, divided by the sum of all weights.
 */
export function passageCoverage(occurrences: GroupOccurrences, weights: readonly number[], length = PASSAGE_LENGTH): { coverage: number; start: number } {
  const total = weights.reduce((sum, weight) => sum + weight, 0)
  const { positions, groups } = occurrences
  const count = positions.length
  if (total <= 0 || count === 0) return { coverage: 0, start: 0 }
  const counts = new Int32Array(weights.length)
  let value = 0
  let best = 0
  let bestStart = positions[0]!
  let left = 0
  for (let right = 0; right < count; right++) {
    const position = positions[right]!
    const group = groups[right]!
    if (counts[group]!++ === 0) value += weights[group]!
    while (position - positions[left]! >= length) {
      const leaving = groups[left++]!
      if (--counts[leaving]! === 0) value -= weights[leaving]!
    }
    if (value > best) {
      best = value
      bestStart = positions[left]!
    }
  }
  return { coverage: best / total, start: bestStart }
}

/**
 * Gathers one document's occurrences list by list (each list one word of one group, positions
 * ascending, added list after list) and returns them merged in position order; equal positions keep list order, so the
 * window sums are added in the same order whatever the lists' lengths.
 */
export class OccurrenceCollector {
  /** `position × listCount + list`: one numeric sort orders by position, then list. */
  private keys: number[] = []

  constructor(
    /** The group of each list, by list number. */
    private readonly listGroups: readonly number[],
  ) {}

  add(list: number, position: number): void {
    this.keys.push(position * this.listGroups.length + list)
  }

  /** The occurrences in position order. */
  sorted(): GroupOccurrences {
    const count = this.keys.length
    const lists = this.listGroups.length
    const positions = sortRuns(this.keys)
    const groups = new Int32Array(count)
    for (let i = 0; i < count; i++) {
      const list = positions[i]! % lists
      positions[i] = (positions[i]! - list) / lists
      groups[i] = this.listGroups[list]!
    }
    return { positions, groups }
  }
}
