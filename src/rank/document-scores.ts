import { topOfArrays } from './top-documents'

/**
 * The final score of each matching document, as two parallel typed arrays in document order. A query
 * with a common word matches thousands of documents, and a Map of them (an entry and a boxed number
 * each, every query) was most of a query's garbage and made collection pauses its slowest moments.
 */
export class DocumentScores {
  private live: number

  /** `docs` ascending, each once, and `values[i]` the score of `docs[i]`. */
  constructor(
    private readonly docs: Int32Array,
    private readonly values: Float64Array,
  ) {
    this.live = docs.length
  }

  /** The same score for every one of `docs` (in any order, each once): browsing by filters alone. */
  static uniform(docs: Int32Array, score: number): DocumentScores {
    return new DocumentScores(docs.sort(), new Float64Array(docs.length).fill(score))
  }

  /** Matching documents. */
  get size(): number {
    return this.live
  }

  get(doc: number): number | undefined {
    const at = this.find(doc)
    return at < 0 ? undefined : this.values[at]
  }

  has(doc: number): boolean {
    return this.find(doc) >= 0
  }

  /** Keeps only the documents `keep` accepts (filters). */
  retain(keep: (doc: number) => boolean): void {
    for (let i = 0; i < this.docs.length; i++) {
      if (Number.isNaN(this.values[i]!) || keep(this.docs[i]!)) continue
      // NaN marks a removed entry: no score is NaN.
      this.values[i] = NaN
      this.live--
    }
  }

  /** Visits `(score, doc)` in ascending document order, as `Map.prototype.forEach` passes value then key. */
  forEach(visit: (score: number, doc: number) => void): void {
    for (let i = 0; i < this.docs.length; i++) {
      const score = this.values[i]!
      if (!Number.isNaN(score)) visit(score, this.docs[i]!)
    }
  }

  /** The `count` best documents, best first (the lower document first on a tie). */
  top(count: number): number[] {
    return topOfArrays(this.docs, this.values, count)
  }

  /** The matching documents, ascending. */
  documents(): number[] {
    const documents: number[] = []
    this.forEach((_, doc) => documents.push(doc))
    return documents
  }

  /** The entry index of `doc` by binary search, or -1 when it has no score. */
  private find(doc: number): number {
    let low = 0
    let high = this.docs.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const found = this.docs[middle]!
      if (found === doc) return Number.isNaN(this.values[middle]!) ? -1 : middle
      if (found < doc) low = middle + 1
      else high = middle - 1
    }
    return -1
  }
}
