import type { DocumentStore, FieldPostings, InvertedIndex, ByteReader, PostingBuffer, TermDictionary } from '../index/index'
import type { PostingSource } from '../rank'
import { normalizeText } from '../analysis'

/** The index and document store seen through the ranker's {@link PostingSource} interface. */
export class IndexReader implements PostingSource {
  readonly fieldNames: readonly string[]
  /**
   * The vocabulary and postings as they are when the reader is made: compaction replaces them by copies,
   * and a page of hits reads its matches through this reader when its snippets are first asked for.
   */
  private readonly vocabulary: TermDictionary
  private readonly fields: readonly FieldPostings[]

  constructor(
    private readonly index: InvertedIndex,
    private readonly store: DocumentStore,
    private readonly weights: readonly number[],
  ) {
    this.fieldNames = index.fieldNames
    this.vocabulary = index.vocabulary
    this.fields = [...index.fields]
  }

  get documentCapacity(): number {
    return this.store.capacity
  }

  get documentCount(): number {
    return this.store.size
  }

  docFrequency(termId: number): number {
    return this.index.docFrequency[termId] ?? 0
  }

  averageFieldLength(field: number): number {
    return this.store.size === 0 ? 0 : this.index.fieldLengthSums[field]! / this.store.size
  }

  fieldWeight(field: number): number {
    return this.weights[field]!
  }

  termId(term: string): number | undefined {
    return this.vocabulary.get(term)
  }

  forEachPosting(termId: number, field: number, visit: (doc: number, tf: number, reader: ByteReader) => boolean | void): void {
    this.fields[field]!.forEachPosting(termId, visit)
  }

  forEachPostingIn(termId: number, field: number, docs: Int32Array, visit: (doc: number, tf: number, reader: ByteReader) => void): void {
    this.fields[field]!.forEachPostingIn(termId, docs, visit)
  }

  readPostings(termId: number, field: number, into: PostingBuffer): number {
    return this.fields[field]!.readPostings(termId, into)
  }

  fieldLength(field: number, doc: number): number {
    return this.index.fieldLengths[field]![doc] ?? 0
  }

  fieldDocFrequency(termId: number, field: number): number {
    return this.fields[field]!.liveFrequency[termId] ?? 0
  }

  isDeleted(doc: number): boolean {
    return this.store.isDeleted(doc)
  }

  compactFieldSlices(field: number, doc: number, ranges: readonly (readonly [number, number])[]): string[] {
    // One stored document for all the stretches: a long text's blocks are inflated once, and only those read.
    const stored = this.store.document(doc)
    const name = this.fieldNames[field]!
    const length = stored?.textLength(name)
    if (!stored || length === undefined) return ranges.map(() => '')
    return ranges.map(([from, to]) => normalizeText(stored.textSlice(name, Math.max(0, from), Math.min(length, to))).text.replace(/\s+/g, ''))
  }
}
