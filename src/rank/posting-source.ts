import type { ByteReader, PostingBuffer } from '../index/index'
import type { CorpusStatistics } from './bm25f'

/**
 * The index as the ranker sees it: statistics plus sequential access to postings. Ranking depends on
 * this interface, not on how the index stores things.
 */
export interface PostingSource extends CorpusStatistics {
  readonly fieldNames: readonly string[]
  /** One more than the highest document number (deleted documents included). */
  readonly documentCapacity: number
  fieldWeight(field: number): number
  termId(term: string): number | undefined
  /** Visits `(doc, tf, reader)` in increasing doc order, the reader at the doc's positions (varint deltas). Return false to stop. */
  forEachPosting(termId: number, field: number, visit: (doc: number, tf: number, reader: ByteReader) => boolean | void): void
  /** Like `forEachPosting`, for the documents in `docs` (ascending) only. */
  forEachPostingIn(termId: number, field: number, docs: Int32Array, visit: (doc: number, tf: number, reader: ByteReader) => void): void
  /** Decodes the term's postings in the field into `into` (documents ascending, their tf); returns the count. */
  readPostings(termId: number, field: number, into: PostingBuffer): number
  fieldLength(field: number, doc: number): number
  /** Live documents whose field holds the term. */
  fieldDocFrequency(termId: number, field: number): number
  isDeleted(doc: number): boolean
  /**
   * Stretches of a field's original text, `[from, to)` each, after normalisation with whitespace removed
   * (for checking phrases character by character); one read of the stored document for all of them.
   */
  compactFieldSlices(field: number, doc: number, ranges: readonly (readonly [number, number])[]): string[]
}

/** Reads `tf` delta-encoded positions. */
export function readPositions(reader: ByteReader, tf: number): number[] {
  const positions = new Array<number>(tf)
  let position = 0
  for (let i = 0; i < tf; i++) {
    position += reader.readVarint()
    positions[i] = position
  }
  return positions
}

/**
 * Positions of a term in one field, for the documents in `docs` only (a set, or an ascending array): one
 * pass over the posting list, calling back for those documents alone.
 */
export function collectPositions(source: PostingSource, termId: number, field: number, docs: ReadonlySet<number> | Int32Array): Map<number, number[]> {
  const found = new Map<number, number[]>()
  const ascending = docs instanceof Int32Array ? docs : Int32Array.from(docs).sort()
  if (ascending.length === 0) return found
  source.forEachPostingIn(termId, field, ascending, (doc, tf, reader) => {
    found.set(doc, readPositions(reader, tf))
  })
  return found
}
