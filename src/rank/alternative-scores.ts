import { withCapacity } from '../index/index'

/**
 * One query alternative's score per document, in typed arrays reused from alternative to alternative:
 * a common word matches most of the corpus, and building a Map of its documents for every alternative
 * was a large part of a query's time.
 */
export class AlternativeScores {
  private values: Float64Array
  /** `stamp` when the document holds a score now, `-stamp` when it held one and was deleted. */
  private stamps: Int32Array
  /** Documents in the order they were first scored (deleted ones included, skipped when visiting; one scored again keeps its place). */
  private docs: Int32Array
  private count = 0
  private stamp = 1

  constructor(capacity: number) {
    this.values = new Float64Array(Math.max(capacity, 1))
    this.stamps = new Int32Array(Math.max(capacity, 1))
    this.docs = new Int32Array(Math.max(capacity, 1))
  }

  /** Forgets every score, for the next alternative. */
  reset(): void {
    this.count = 0
    if (this.stamp === STAMP_LIMIT) {
      this.stamps.fill(0)
      this.stamp = 0
    }
    this.stamp++
  }

  /** Adds to a document's score (from 0 when it has none). */
  add(doc: number, value: number): void {
    this.enter(doc)
    this.values[doc] = this.values[doc]! + value
  }

  set(doc: number, value: number): void {
    this.enter(doc)
    this.values[doc] = value
  }

  delete(doc: number): void {
    if (this.stamps[doc] === this.stamp) this.stamps[doc] = -this.stamp
  }

  /**
   * Visits the scored documents in the order they were first scored. Hot loops read
   * {@link entryCount}, {@link documentAt}, {@link has} and {@link valueOf} instead: a score passed to a
   * callback is boxed, one allocation per matching document.
   */
  forEach(visit: (doc: number, value: number) => void): void {
    for (let i = 0; i < this.count; i++) {
      const doc = this.docs[i]!
      if (this.has(doc)) visit(doc, this.values[doc]!)
    }
  }

  /** Entries to visit with {@link documentAt}, deleted ones included. */
  get entryCount(): number {
    return this.count
  }

  /** The document of entry `i`, in the order first scored; check {@link has} before reading its value. */
  documentAt(i: number): number {
    return this.docs[i]!
  }

  has(doc: number): boolean {
    return this.stamps[doc] === this.stamp
  }

  valueOf(doc: number): number {
    return this.values[doc]!
  }

  private enter(doc: number): void {
    if (doc >= this.values.length) this.grow(doc + 1)
    const stamp = this.stamps[doc]!
    if (stamp === this.stamp) return
    if (stamp !== -this.stamp) this.docs[this.count++] = doc
    this.stamps[doc] = this.stamp
    this.values[doc] = 0
  }

  private grow(capacity: number): void {
    this.values = withCapacity(this.values, capacity * 2)
    this.stamps = withCapacity(this.stamps, capacity * 2)
    this.docs = withCapacity(this.docs, capacity * 2)
  }
}

/** Stamps restart before they would overflow an Int32Array entry. */
const STAMP_LIMIT = 2 ** 31 - 1
