import type { Analyzer } from '../analysis'
import { FieldPostings } from './field-postings'
import type { ByteReader } from './byte-buffer'
import type { FieldTerms } from './field-terms'
import type { PostingBuffer } from './posting-buffer'
import { TermDictionary } from './term-dictionary'

/**
 * Per-field postings over a shared vocabulary, with the statistics BM25F needs (document
 * frequencies, field lengths). Documents are numbered by the caller (the {@link DocumentStore}).
 */
export class InvertedIndex {
  /** Term ids by term, and the terms by id. Compaction replaces it (see {@link dropDocuments}) rather than change it. */
  vocabulary = new TermDictionary()
  readonly fields: FieldPostings[]
  /** Coarse tokens per document per field (sub-words do not lengthen a field). */
  fieldLengths: Int32Array[]
  readonly fieldLengthSums: number[]
  /** Documents containing the term in any field. */
  docFrequency: Int32Array = new Int32Array(1024)
  private lastDocOfTerm: Int32Array = new Int32Array(1024).fill(-1)
  private frozenBytes = 0

  constructor(readonly fieldNames: readonly string[]) {
    this.fields = fieldNames.map(() => new FieldPostings())
    this.fieldLengths = fieldNames.map(() => new Int32Array(1024))
    this.fieldLengthSums = fieldNames.map(() => 0)
  }

  /** The terms by id. */
  get terms(): readonly string[] {
    return this.vocabulary.terms
  }

  termId(term: string): number | undefined {
    return this.vocabulary.get(term)
  }

  private internTerm(term: string): number {
    const id = this.vocabulary.intern(term)
    if (id >= this.docFrequency.length) {
      const grownFrequency = new Int32Array(this.docFrequency.length * 2)
      grownFrequency.set(this.docFrequency)
      this.docFrequency = grownFrequency
      const grownLast = new Int32Array(this.lastDocOfTerm.length * 2).fill(-1)
      grownLast.set(this.lastDocOfTerm)
      this.lastDocOfTerm = grownLast
    }
    return id
  }

  /** Indexes one document's fields analysed beforehand (`analyzeFields`, possibly in a worker thread). */
  addAnalyzed(doc: number, fields: readonly (FieldTerms | undefined)[]): void {
    this.ensureDocument(doc)
    fields.forEach((analyzed, field) => {
      if (!analyzed) return
      this.fieldLengths[field]![doc] = analyzed.length
      this.fieldLengthSums[field]! += analyzed.length
      const { terms, positions } = analyzed
      let cursor = 0
      for (const term of terms) {
        const count = positions[cursor++]!
        this.addPostings(this.internTerm(term), field, doc, positions.subarray(cursor, cursor + count))
        cursor += count
      }
    })
    this.maybeFlush()
  }

  /**
   * Indexes ready-made terms in one field (the hidden entity field): positions are the terms' order,
   * and the field length is their count.
   */
  addTerms(doc: number, field: number, terms: readonly string[]): void {
    this.ensureDocument(doc)
    const positionsByTerm = new Map<string, number[]>()
    terms.forEach((term, position) => {
      const positions = positionsByTerm.get(term)
      if (positions) positions.push(position)
      else positionsByTerm.set(term, [position])
    })
    this.fieldLengths[field]![doc] = terms.length
    this.fieldLengthSums[field]! += terms.length
    for (const [term, positions] of positionsByTerm) this.addPostings(this.internTerm(term), field, doc, positions)
    this.maybeFlush()
  }

  private addPostings(id: number, field: number, doc: number, positions: ArrayLike<number>): void {
    this.fields[field]!.add(id, doc, positions, positions.length)
    if (this.lastDocOfTerm[id] !== doc) {
      this.lastDocOfTerm[id] = doc
      this.docFrequency[id]!++
    }
  }

  /**
   * Takes a deleted document's terms out of the statistics (its postings stay, skipped by every reader,
   * until {@link dropDocuments}): document frequencies overall and per field, and field lengths. `extras`
   * are the ready-made terms of the fields indexed with {@link addTerms}.
   */
  removeFromStatistics(doc: number, texts: readonly (string | undefined)[], analyzer: Analyzer, extras: readonly { field: number; terms: readonly string[] }[] = []): void {
    const seenInAnyField = new Set<number>()
    const forget = (term: string, field: number, seenInField: Set<number>) => {
      const id = this.vocabulary.get(term)
      if (id === undefined) return
      if (!seenInField.has(id)) {
        seenInField.add(id)
        this.fields[field]!.liveFrequency[id]!--
      }
      if (!seenInAnyField.has(id)) {
        seenInAnyField.add(id)
        this.docFrequency[id]!--
      }
    }
    this.fieldLengths.forEach((lengths, field) => {
      this.fieldLengthSums[field]! -= lengths[doc] ?? 0
      lengths[doc] = 0
    })
    texts.forEach((text, field) => {
      if (!text) return
      const seenInField = new Set<number>()
      analyzer.tokenize(text, (term) => forget(term, field, seenInField))
    })
    for (const extra of extras) {
      const seenInField = new Set<number>()
      for (const term of extra.terms) forget(term, extra.field, seenInField)
    }
  }

  /** Installs a saved vocabulary and statistics (used when loading an index). */
  restore(terms: string[], docFrequency: Int32Array, fieldLengthSums: readonly number[]): void {
    // A new dictionary, not the old one changed: a reader made before compaction (a page of hits) still
    // looks words up in the one it holds. It keeps `terms` as its own.
    this.vocabulary = new TermDictionary(terms)
    this.docFrequency = new Int32Array(Math.max(1024, terms.length * 2))
    this.docFrequency.set(docFrequency)
    this.lastDocOfTerm = new Int32Array(this.docFrequency.length).fill(-1)
    fieldLengthSums.forEach((sum, field) => (this.fieldLengthSums[field] = sum))
    this.frozenBytes = 0
  }

  /** Moves buffered postings into the frozen arrays; search calls this first. */
  flush(): void {
    for (const postings of this.fields) postings.flush()
    this.frozenBytes = this.fields.reduce((sum, postings) => sum + postings.bytes.length, 0)
  }

  /**
   * Drops deleted documents' postings from every field (their statistics went at removal). Each field's
   * postings are replaced by a copy (see {@link FieldPostings.withoutDocuments}); document numbers stay
   * as they are, so nothing that refers to a document by number changes.
   */
  dropDocuments(isDeleted: (doc: number) => boolean): void {
    const compacted = this.fields.map((postings) => postings.withoutDocuments(isDeleted))
    // The words that only removed documents had go too, and the others are renumbered in their order:
    // a vocabulary that only grows would keep every word an updated text ever held.
    const kept = Int32Array.from(this.terms.keys()).filter((term) => compacted.some((postings) => (postings.docFrequency[term] ?? 0) > 0))
    for (const postings of compacted) postings.keepOnlyTerms(kept)
    compacted.forEach((postings, field) => (this.fields[field] = postings))
    const terms = Array.from(kept, (term) => this.terms[term]!)
    const docFrequency = kept.map((term) => this.docFrequency[term]!)
    this.restore(terms, docFrequency, this.fieldLengthSums)
    this.frozenBytes = this.fields.reduce((sum, postings) => sum + postings.bytes.length, 0)
  }

  private bufferedBytes(): number {
    return this.fields.reduce((sum, postings) => sum + postings.bufferedBytes, 0)
  }

  /**
   * Flushes at the end of a batch of documents unless little is buffered: the write log has room to
   * grow, up to twice the bytes it holds, so a built index should not keep megabytes in it until its
   * first search.
   */
  settle(): void {
    if (this.bufferedBytes() >= SETTLE_FLUSH_BYTES) this.flush()
  }

  /**
   * Flushing copies every frozen byte, so it waits until the buffers hold a quarter of the frozen size:
   * the total copying then stays linear in the index size.
   */
  private maybeFlush(): void {
    const buffered = this.bufferedBytes()
    if (buffered > Math.max(MIN_FLUSH_BYTES, this.frozenBytes / 4)) this.flush()
  }

  private ensureDocument(doc: number): void {
    this.fieldLengths = this.fieldLengths.map((lengths) => {
      if (doc < lengths.length) return lengths
      const grown = new Int32Array(Math.max(lengths.length * 2, doc + 1))
      grown.set(lengths)
      return grown
    })
  }

  /** A term's postings in a field decoded into `into` (see {@link FieldPostings.readPostings}); returns how many. */
  readPostings(termId: number, field: number, into: PostingBuffer): number {
    return this.fields[field]!.readPostings(termId, into)
  }

  /** A term's postings in a field for the documents in `docs` only (see {@link FieldPostings.forEachPostingIn}). */
  forEachPostingIn(termId: number, field: number, docs: Int32Array, visit: (doc: number, tf: number, reader: ByteReader) => void): void {
    this.fields[field]!.forEachPostingIn(termId, docs, visit)
  }

  /** A term's postings in a field (see {@link FieldPostings.forEachPosting}). */
  forEachPosting(termId: number, field: number, visit: (doc: number, tf: number, reader: ByteReader) => boolean | void): void {
    this.fields[field]!.forEachPosting(termId, visit)
  }
}

/** Below this many buffered bytes a flush is not worth its copy. */
const MIN_FLUSH_BYTES = 4 << 20
/** {@link InvertedIndex.settle} leaves less than this buffered: one more copy of the index per batch would cost more than it frees. */
const SETTLE_FLUSH_BYTES = 1 << 20
