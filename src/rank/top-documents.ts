/** Whether (scoreA, docA) ranks before (scoreB, docB): higher score first, earlier document on a tie. */
export function ranksBefore(scoreA: number, docA: number, scoreB: number, docB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && docA < docB)
}

/**
 * The `count` best documents, best first (higher score, then lower document number). A bounded min-heap
 * in typed arrays instead of sorting every match: a common word matches thousands of laws, and only the
 * first page and the passage candidates are wanted.
 */
/** Scores by document: a Map, or {@link DocumentScores}. */
export interface ScoreTable {
  readonly size: number
  forEach(visit: (score: number, doc: number) => void): void
}

export function topDocuments(scores: ScoreTable, count: number): number[] {
  const capacity = Math.max(0, Math.min(count, scores.size))
  // The heap keeps the worst of the best so far at the root.
  const heapScores = new Float64Array(capacity)
  const heapDocs = new Int32Array(capacity)
  let length = 0
  const worse = (i: number, j: number) => ranksBefore(heapScores[j]!, heapDocs[j]!, heapScores[i]!, heapDocs[i]!)
  const swap = (i: number, j: number) => {
    const score = heapScores[i]!
    const doc = heapDocs[i]!
    heapScores[i] = heapScores[j]!
    heapDocs[i] = heapDocs[j]!
    heapScores[j] = score
    heapDocs[j] = doc
  }
  scores.forEach((score, doc) => {
    if (length < capacity) {
      heapScores[length] = score
      heapDocs[length] = doc
      for (let i = length++; i > 0 && worse(i, (i - 1) >> 1); i = (i - 1) >> 1) swap(i, (i - 1) >> 1)
    } else if (capacity > 0 && ranksBefore(score, doc, heapScores[0]!, heapDocs[0]!)) {
      heapScores[0] = score
      heapDocs[0] = doc
      for (let i = 0; ; ) {
        const left = 2 * i + 1
        const right = left + 1
        let worst = i
        if (left < length && worse(left, worst)) worst = left
        if (right < length && worse(right, worst)) worst = right
        if (worst === i) break
        swap(i, worst)
        i = worst
      }
    }
  })
  const order = Array.from({ length }, (_, i) => i)
  order.sort((a, b) => (ranksBefore(heapScores[a]!, heapDocs[a]!, heapScores[b]!, heapDocs[b]!) ? -1 : 1))
  return order.map((i) => heapDocs[i]!)
}
