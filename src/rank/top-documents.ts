/** Whether (scoreA, docA) ranks before (scoreB, docB): higher score first, earlier document on a tie. */
export function ranksBefore(scoreA: number, docA: number, scoreB: number, docB: number): boolean {
  return scoreA > scoreB || (scoreA === scoreB && docA < docB)
}

/**
 * The `count` best documents, best first (higher score, then lower document number). A bounded min-heap
 * in typed arrays instead of sorting every match: a common word matches thousands of laws, and only the
 * first page and the passage candidates are wanted.
 */
export function topDocuments(scores: ReadonlyMap<number, number>, count: number): number[] {
  const heap = new TopHeap(Math.max(0, Math.min(count, scores.size)))
  scores.forEach((score, doc) => heap.offer(score, doc))
  return heap.best()
}

/** {@link topDocuments} over parallel arrays of documents and scores, skipping NaN scores (removed entries). */
export function topOfArrays(docs: Int32Array, values: Float64Array, count: number): number[] {
  const heap = new TopHeap(Math.max(0, Math.min(count, docs.length)))
  // A plain loop: a callback per document would box each score.
  for (let i = 0; i < docs.length; i++) {
    const score = values[i]!
    if (!Number.isNaN(score)) heap.offer(score, docs[i]!)
  }
  return heap.best()
}

/** The heap keeps the worst of the best so far at the root. */
class TopHeap {
  private readonly scores: Float64Array
  private readonly docs: Int32Array
  private length = 0

  constructor(private readonly capacity: number) {
    this.scores = new Float64Array(capacity)
    this.docs = new Int32Array(capacity)
  }

  offer(score: number, doc: number): void {
    const { scores, docs } = this
    if (this.length < this.capacity) {
      let i = this.length++
      // Sift up: the new entry rises while it is worse than its parent.
      while (i > 0) {
        const parent = (i - 1) >> 1
        if (!ranksBefore(scores[parent]!, docs[parent]!, score, doc)) break
        scores[i] = scores[parent]!
        docs[i] = docs[parent]!
        i = parent
      }
      scores[i] = score
      docs[i] = doc
    } else if (this.capacity > 0 && ranksBefore(score, doc, scores[0]!, docs[0]!)) {
      // Sift down from the root: the new entry sinks below every child worse than it.
      let i = 0
      for (;;) {
        const left = 2 * i + 1
        if (left >= this.length) break
        const right = left + 1
        let worst = left
        if (right < this.length && ranksBefore(scores[left]!, docs[left]!, scores[right]!, docs[right]!)) worst = right
        if (!ranksBefore(score, doc, scores[worst]!, docs[worst]!)) break
        scores[i] = scores[worst]!
        docs[i] = docs[worst]!
        i = worst
      }
      scores[i] = score
      docs[i] = doc
    }
  }

  /** The kept documents, best first. */
  best(): number[] {
    const order = Array.from({ length: this.length }, (_, i) => i)
    order.sort((a, b) => (ranksBefore(this.scores[a]!, this.docs[a]!, this.scores[b]!, this.docs[b]!) ? -1 : 1))
    return order.map((i) => this.docs[i]!)
  }
}
