/**
 * Sums per document in a typed array, remembering which documents it touched: scoring a term visits
 * every posting of it, and a Map per term made that the slowest part of a query.
 */
export class DocumentAccumulator {
  private values: Float64Array
  private touched: Int32Array
  private count = 0

  constructor(capacity: number) {
    this.values = new Float64Array(Math.max(capacity, 1))
    this.touched = new Int32Array(Math.max(capacity, 1))
  }

  add(doc: number, value: number): void {
    if (doc >= this.values.length) this.grow(doc + 1)
    if (this.values[doc] === 0) this.touched[this.count++] = doc
    // A document whose sum is exactly 0 would be listed twice; nudging keeps it listed once.
    this.values[doc] = this.values[doc]! + value || Number.MIN_VALUE
  }

  /** Documents summed so far; read with {@link documentAt} and {@link valueOf} (a callback would box every sum). */
  get size(): number {
    return this.count
  }

  /** The `i`-th document, in the order first added. */
  documentAt(i: number): number {
    return this.touched[i]!
  }

  valueOf(doc: number): number {
    return this.values[doc]!
  }

  clear(): void {
    for (let i = 0; i < this.count; i++) this.values[this.touched[i]!] = 0
    this.count = 0
  }

  private grow(capacity: number): void {
    const values = new Float64Array(capacity * 2)
    values.set(this.values)
    this.values = values
    const touched = new Int32Array(capacity * 2)
    touched.set(this.touched)
    this.touched = touched
  }
}
