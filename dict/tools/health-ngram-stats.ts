/**
 * Character n-gram statistics over runs of Han text: counts, cohesion and boundary freedom.
 * These are the classic signals for finding words without a dictionary (Sproat & Shih 1990 for
 * mutual information; Jin & Tanaka-Ishii 2006 for branching entropy).
 */

/** Counts of every n-gram (1..maxLength chars) that occurs at least `minCount` times. */
export interface NgramCounts {
  /** Total number of characters: the N of the probabilities in {@link cohesion}. */
  totalChars: number
  counts: Map<string, number>
}

/**
 * Counts n-grams level by level (Apriori): an n-gram is counted only when both its (n-1)-char
 * prefix and suffix reached `minCount`, which keeps memory small without losing any frequent n-gram.
 */
export function countNgrams(runs: readonly string[], options: { maxLength: number; minCount: number }): NgramCounts {
  const counts = new Map<string, number>()
  let totalChars = 0
  for (const run of runs) {
    totalChars += run.length
    for (const char of run) counts.set(char, (counts.get(char) ?? 0) + 1)
  }
  for (let length = 2; length <= options.maxLength; length++) {
    const level = new Map<string, number>()
    for (const run of runs) {
      for (let start = 0; start + length <= run.length; start++) {
        const gram = run.slice(start, start + length)
        if ((counts.get(gram.slice(0, -1)) ?? 0) < options.minCount) continue
        if ((counts.get(gram.slice(1)) ?? 0) < options.minCount) continue
        level.set(gram, (level.get(gram) ?? 0) + 1)
      }
    }
    for (const [gram, count] of level) if (count >= options.minCount) counts.set(gram, count)
  }
  return { totalChars, counts }
}

/**
 * The weakest internal bond of `gram`: the minimum, over every split into a prefix and a suffix,
 * of log(p(gram) / (p(prefix) · p(suffix))). High values mean the parts rarely occur apart.
 */
export function cohesion(gram: string, ngrams: NgramCounts): number {
  const whole = ngrams.counts.get(gram) ?? 0
  if (whole === 0 || gram.length < 2) return Number.NEGATIVE_INFINITY
  let weakest = Number.POSITIVE_INFINITY
  for (let cut = 1; cut < gram.length; cut++) {
    const prefix = ngrams.counts.get(gram.slice(0, cut)) ?? whole
    const suffix = ngrams.counts.get(gram.slice(cut)) ?? whole
    weakest = Math.min(weakest, Math.log((whole * ngrams.totalChars) / (prefix * suffix)))
  }
  return weakest
}

/** How a candidate sits in running text. */
export interface BoundaryStats {
  /** Left branching entropy in nats; a run edge counts as a distinct neighbour each time. */
  left: number
  /** Right branching entropy in nats. */
  right: number
  /** Share of occurrences whose both edges fall on plain jieba token boundaries (0..1). */
  aligned: number
}

/**
 * Token boundaries of one run as plain jieba cuts it: `true` at index i when a token starts at i
 * (index run.length is always a boundary).
 */
export type RunBoundaries = readonly boolean[]

function entropy(neighbours: Map<string, number>, edges: number): number {
  let total = edges
  for (const count of neighbours.values()) total += count
  if (total === 0) return 0
  let sum = 0
  // Each run edge is a distinct context (a sentence start is followed by anything), so it adds 1/total each.
  for (const count of neighbours.values()) sum -= (count / total) * Math.log(count / total)
  if (edges > 0) sum += edges * (1 / total) * Math.log(total)
  return sum
}

/**
 * Measures how freely each candidate combines with its neighbours and how often it lines up with
 * jieba's own token boundaries, in one pass over the runs. A string that always starts inside a
 * jieba word (务院 in 国务院) is a fragment, not a term.
 */
export function boundaryStats(
  corpus: { runs: readonly string[]; boundaries: readonly RunBoundaries[] },
  candidates: ReadonlySet<string>,
  maxLength: number,
): Map<string, BoundaryStats> {
  const { runs, boundaries } = corpus
  const aligned = new Map<string, number>()
  const occurrences = new Map<string, number>()
  const left = new Map<string, Map<string, number>>()
  const right = new Map<string, Map<string, number>>()
  const leftEdges = new Map<string, number>()
  const rightEdges = new Map<string, number>()
  const bump = (table: Map<string, Map<string, number>>, gram: string, char: string): void => {
    let neighbours = table.get(gram)
    if (!neighbours) table.set(gram, (neighbours = new Map()))
    neighbours.set(char, (neighbours.get(char) ?? 0) + 1)
  }
  runs.forEach((run, runIndex) => {
    const runBoundaries = boundaries[runIndex] ?? []
    for (let start = 0; start < run.length; start++) {
      for (let length = 2; length <= maxLength && start + length <= run.length; length++) {
        const gram = run.slice(start, start + length)
        if (!candidates.has(gram)) continue
        occurrences.set(gram, (occurrences.get(gram) ?? 0) + 1)
        if (runBoundaries[start] && runBoundaries[start + length]) aligned.set(gram, (aligned.get(gram) ?? 0) + 1)
        if (start === 0) leftEdges.set(gram, (leftEdges.get(gram) ?? 0) + 1)
        else bump(left, gram, run.charAt(start - 1))
        if (start + length === run.length) rightEdges.set(gram, (rightEdges.get(gram) ?? 0) + 1)
        else bump(right, gram, run.charAt(start + length))
      }
    }
  })
  const result = new Map<string, BoundaryStats>()
  for (const gram of candidates) {
    result.set(gram, {
      left: entropy(left.get(gram) ?? new Map(), leftEdges.get(gram) ?? 0),
      right: entropy(right.get(gram) ?? new Map(), rightEdges.get(gram) ?? 0),
      aligned: (aligned.get(gram) ?? 0) / Math.max(1, occurrences.get(gram) ?? 0),
    })
  }
  return result
}

