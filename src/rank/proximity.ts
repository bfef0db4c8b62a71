/**
 * Proximity: documents where the query's words stand close together score above documents where they
 * are scattered. The measure is the shortest window (in characters) that holds one occurrence of every
 * matched group, compared with the shortest it could be (the words side by side).
 */

/** Weight of the proximity bonus: a perfectly tight window multiplies the score by `1 + PROXIMITY_WEIGHT`. */
export const PROXIMITY_WEIGHT = 0.5

export interface GroupOccurrences {
  /** Sorted start offsets of the group's word in one field. */
  positions: readonly number[]
  /** Length of the word, in characters. */
  length: number
}

/**
 * The shortest span covering one occurrence of every group (a k-way merge over sorted lists), or
 * `Infinity` when some group has no occurrence.
 */
export function minimalCoveringSpan(groups: readonly GroupOccurrences[]): number {
  if (groups.length === 0 || groups.some((group) => group.positions.length === 0)) return Infinity
  const cursors = new Array<number>(groups.length).fill(0)
  let best = Infinity
  for (;;) {
    let lowest = 0
    let start = Infinity
    let end = -Infinity
    groups.forEach((group, i) => {
      const position = group.positions[cursors[i]!]!
      if (position < start) {
        start = position
        lowest = i
      }
      end = Math.max(end, position + group.length)
    })
    best = Math.min(best, end - start)
    cursors[lowest]!++
    if (cursors[lowest]! >= groups[lowest]!.positions.length) return best
  }
}

/** Closeness in (0, 1]: 1 when the words are adjacent, falling as the window widens. */
export function closeness(groups: readonly GroupOccurrences[]): number {
  const span = minimalCoveringSpan(groups)
  if (!Number.isFinite(span)) return 0
  const ideal = groups.reduce((sum, group) => sum + group.length, 0)
  return Math.min(1, ideal / Math.max(span, 1))
}
