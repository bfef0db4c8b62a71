import { ByteBuffer, ByteReader, PostingBuffer } from '../index/index'
import type { PostingSource } from './posting-source'

/**
 * Chunk length in characters: about one article of a law or one paragraph of a report. Measured on the
 * laws dev questions and probe questions: 300-character chunks score as well as cutting at 第…条.
 */
export const CHUNK_CHARACTERS = 300

/** The key of the corpus's chunk count in the statistics cache. */
const CORPUS_CHUNKS = 'chunks'

/** A field this much longer than a chunk on average is chunked; shorter fields (a title) go with every chunk. */
const CHUNKED_FIELD_MIN_CHUNKS = 2

/**
 * Characters per indexed word in running Chinese text (punctuation and spaces included): turns a field's
 * length in words into its number of chunks without reading the text. Jieba's words average about three
 * characters of running legal text; a wrong ratio only shifts the chunk counts a little.
 */
const CHARACTERS_PER_WORD = 3

/**
 * The candidate documents as chunks, seen through the ranker's {@link PostingSource}: a long field is cut
 * every {@link CHUNK_CHARACTERS} characters, and its short fields (the title) stand in every chunk. Scoring
 * chunks ranks a law by its best article, not by its whole-length BM25, which favours short documents and
 * blurs a long law's answer among its hundreds of articles; and idf counted over chunks tells words apart
 * that nearly every law uses but few articles do (罚款, 登记).
 *
 * Chunk statistics are estimated from document statistics: each document holds `⌈length / chunk⌉`
 * chunks, and a word occurs in `min(tf, chunks)` of them (all of them when it is in a short field).
 */
export class ChunkPostingSource implements PostingSource {
  readonly fieldNames: readonly string[]
  readonly documentCapacity: number
  readonly documentCount: number
  /** Chunk → its document, and its index within the document. */
  private readonly chunkDocument: Int32Array
  private readonly chunkIndex: Int32Array
  /** Candidate → its first chunk id; candidates ascending. */
  private readonly candidates: Int32Array
  private readonly firstChunk: Int32Array
  private readonly chunked: boolean[]
  private readonly averageLengths: number[]
  private readonly chunkWords: number
  private readonly positions = new ByteBuffer()
  /**
   * Chunks worth scoring: each candidate's first, and those holding a query term in a long field. The
   * others hold the query only through the short fields, which they share with the first chunk, so they
   * score as it does at most; leaving them out spares giving a title word to every chunk of every law.
   */
  private readonly active: Uint8Array
  /** The query terms' chunks and tf in each long field, by `termId:field`. */
  private readonly longFieldPostings = new Map<string, { chunks: Int32Array; tfs: Int32Array }>()
  private readonly scratch = new PostingBuffer()
  private readonly slices = new Map<string, string[]>()

  constructor(
    private readonly base: PostingSource,
    candidates: readonly number[],
    /** The query's terms: their chunks in the long fields are read once, up front. */
    terms: readonly string[],
    /** Chunk frequencies and the corpus's chunk count, kept by the caller until the index changes. */
    private readonly statistics: Map<string, number> = new Map(),
  ) {
    this.fieldNames = base.fieldNames
    this.chunkWords = CHUNK_CHARACTERS / CHARACTERS_PER_WORD
    this.chunked = base.fieldNames.map(
      (name, field) => !name.startsWith('@') && base.averageFieldLength(field) > CHUNKED_FIELD_MIN_CHUNKS * this.chunkWords,
    )
    this.candidates = Int32Array.from(candidates).sort()
    this.firstChunk = new Int32Array(this.candidates.length + 1)
    let total = 0
    this.candidates.forEach((doc, i) => {
      this.firstChunk[i] = total
      total += this.chunkCount(doc)
    })
    this.firstChunk[this.candidates.length] = total
    this.documentCapacity = total
    this.chunkDocument = new Int32Array(total)
    this.chunkIndex = new Int32Array(total)
    this.candidates.forEach((doc, i) => {
      for (let chunk = this.firstChunk[i]!; chunk < this.firstChunk[i + 1]!; chunk++) {
        this.chunkDocument[chunk] = doc
        this.chunkIndex[chunk] = chunk - this.firstChunk[i]!
      }
    })
    // Corpus-wide chunk statistics: every live document's chunk count.
    let corpusChunks = statistics.get(CORPUS_CHUNKS)
    if (corpusChunks === undefined) {
      corpusChunks = 0
      for (let doc = 0; doc < base.documentCapacity; doc++) if (!base.isDeleted(doc)) corpusChunks += this.chunkCount(doc)
      statistics.set(CORPUS_CHUNKS, corpusChunks)
    }
    this.documentCount = corpusChunks
    this.active = new Uint8Array(total)
    for (let i = 0; i < this.candidates.length; i++) this.active[this.firstChunk[i]!] = 1
    for (const term of new Set(terms)) {
      const termId = base.termId(term)
      if (termId === undefined) continue
      this.chunked.forEach((chunked, field) => {
        if (!chunked) return
        const postings = this.chunkPostings(termId, field)
        for (const chunk of postings.chunks) this.active[chunk] = 1
        this.longFieldPostings.set(`${termId}:${field}`, postings)
      })
    }
    this.averageLengths = base.fieldNames.map((_, field) =>
      this.chunked[field] ? (base.averageFieldLength(field) * base.documentCount) / Math.max(1, corpusChunks) : base.averageFieldLength(field),
    )
  }

  /** Chunks of a document: by its longest chunked field, at least one. */
  private chunkCount(doc: number): number {
    let words = 0
    for (let field = 0; field < this.fieldNames.length; field++) if (this.chunked[field]) words = Math.max(words, this.base.fieldLength(field, doc))
    return Math.max(1, Math.ceil(words / this.chunkWords))
  }

  fieldWeight(field: number): number {
    return this.base.fieldWeight(field)
  }

  termId(term: string): number | undefined {
    return this.base.termId(term)
  }

  averageFieldLength(field: number): number {
    return this.averageLengths[field]!
  }

  isDeleted(chunk: number): boolean {
    return this.base.isDeleted(this.chunkDocument[chunk]!)
  }

  fieldLength(field: number, chunk: number): number {
    const doc = this.chunkDocument[chunk]!
    const length = this.base.fieldLength(field, doc)
    if (!this.chunked[field]) return length
    const before = this.chunkIndex[chunk]! * this.chunkWords
    return Math.max(1, Math.min(this.chunkWords, length - before))
  }

  /** Chunks holding the term in any field, over the whole corpus (estimated). */
  docFrequency(termId: number): number {
    return this.chunkFrequency(termId, -1)
  }

  fieldDocFrequency(termId: number, field: number): number {
    return this.chunkFrequency(termId, field)
  }

  /**
   * Σ over documents of the chunks holding the term (in `field`, or in any field for -1): all of a
   * document's chunks when the term is in a short field, `min(tf, chunks)` in a chunked one.
   */
  private chunkFrequency(termId: number, field: number): number {
    const key = `${termId}:${field}`
    let frequency = this.statistics.get(key)
    if (frequency !== undefined) return frequency
    const fields = field < 0 ? this.fieldNames.map((_, each) => each) : [field]
    // Short fields first: a document holding the term there counts all its chunks, and no more.
    fields.sort((a, b) => Number(this.chunked[a]) - Number(this.chunked[b]))
    const counted = new Set<number>()
    frequency = 0
    for (const each of fields) {
      const count = this.base.readPostings(termId, each, this.scratch)
      const { docs, tfs } = this.scratch
      const chunked = this.chunked[each]!
      for (let i = 0; i < count; i++) {
        const doc = docs[i]!
        if (this.base.isDeleted(doc) || (fields.length > 1 && counted.has(doc))) continue
        if (fields.length > 1) counted.add(doc)
        const chunks = this.chunkCount(doc)
        frequency += chunked ? Math.min(tfs[i]!, chunks) : chunks
      }
    }
    this.statistics.set(key, frequency)
    return frequency
  }

  forEachPosting(termId: number, field: number, visit: (chunk: number, tf: number, reader: ByteReader) => boolean | void): void {
    let stopped = false
    this.base.forEachPostingIn(termId, field, this.candidates, (doc, tf, reader) => {
      if (stopped) return
      const at = this.candidateIndex(doc)
      const first = this.firstChunk[at]!
      const end = this.firstChunk[at + 1]!
      if (!this.chunked[field]) {
        const start = reader.offset
        for (let chunk = first; chunk < end && !stopped; chunk++) {
          if (this.active[chunk] === 1) stopped = visit(chunk, tf, new ByteReader(reader.bytes, start, reader.end)) === false
        }
        return
      }
      // Group the positions by chunk; each chunk's are re-encoded as deltas for its reader.
      const buffer = this.positions
      buffer.length = 0
      let position = 0
      let chunk = -1
      let chunkTf = 0
      let chunkStart = 0
      let previous = 0
      const emit = () => {
        if (chunkTf > 0 && !stopped) stopped = visit(chunk, chunkTf, new ByteReader(buffer.bytes, chunkStart, buffer.length)) === false
      }
      for (let i = 0; i < tf; i++) {
        position += reader.readVarint()
        const target = Math.min(end - 1, first + Math.floor(position / CHUNK_CHARACTERS))
        if (target !== chunk) {
          emit()
          chunk = target
          chunkTf = 0
          chunkStart = buffer.length
          previous = 0
        }
        buffer.writeVarint(position - previous)
        previous = position
        chunkTf++
      }
      emit()
    })
  }

  forEachPostingIn(termId: number, field: number, chunks: Int32Array, visit: (chunk: number, tf: number, reader: ByteReader) => void): void {
    let next = 0
    this.forEachPosting(termId, field, (chunk, tf, reader) => {
      while (next < chunks.length && chunks[next]! < chunk) next++
      if (next === chunks.length) return false
      if (chunks[next] === chunk) visit(chunk, tf, reader)
      return true
    })
  }

  readPostings(termId: number, field: number, into: PostingBuffer): number {
    let count = 0
    const add = (chunk: number, tf: number) => {
      if (count === into.docs.length) into.grow()
      into.docs[count] = chunk
      into.tfs[count] = tf
      count++
    }
    if (this.chunked[field]) {
      const postings = this.longFieldPostings.get(`${termId}:${field}`) ?? this.chunkPostings(termId, field)
      for (let i = 0; i < postings.chunks.length; i++) add(postings.chunks[i]!, postings.tfs[i]!)
      return count
    }
    this.base.forEachPostingIn(termId, field, this.candidates, (doc, tf) => {
      const at = this.candidateIndex(doc)
      for (let chunk = this.firstChunk[at]!; chunk < this.firstChunk[at + 1]!; chunk++) if (this.active[chunk] === 1) add(chunk, tf)
    })
    return count
  }

  /** A term's chunks (ascending) and tf in a long field, counted from its positions. */
  private chunkPostings(termId: number, field: number): { chunks: Int32Array; tfs: Int32Array } {
    const chunks: number[] = []
    const tfs: number[] = []
    this.base.forEachPostingIn(termId, field, this.candidates, (doc, tf, reader) => {
      const at = this.candidateIndex(doc)
      const first = this.firstChunk[at]!
      const last = this.firstChunk[at + 1]! - 1
      let position = 0
      for (let i = 0; i < tf; i++) {
        position += reader.readVarint()
        const chunk = Math.min(last, first + Math.floor(position / CHUNK_CHARACTERS))
        if (chunks[chunks.length - 1] === chunk) tfs[tfs.length - 1]!++
        else {
          chunks.push(chunk)
          tfs.push(1)
        }
      }
    })
    return { chunks: Int32Array.from(chunks), tfs: Int32Array.from(tfs) }
  }

  compactFieldSlices(field: number, chunk: number, ranges: readonly (readonly [number, number])[]): string[] {
    // A title phrase is checked for every chunk of its law: the document's text is read once.
    const doc = this.chunkDocument[chunk]!
    const key = `${doc}:${field}:${ranges.join(';')}`
    let slices = this.slices.get(key)
    if (!slices) this.slices.set(key, (slices = this.base.compactFieldSlices(field, doc, ranges)))
    return slices
  }

  /** Whether the field is cut into chunks (a long text) rather than repeated in each (a title). */
  isChunked(field: number): boolean {
    return this.chunked[field]!
  }

  /** The document a chunk belongs to. */
  documentOf(chunk: number): number {
    return this.chunkDocument[chunk]!
  }

  private candidateIndex(doc: number): number {
    let low = 0
    let high = this.candidates.length - 1
    while (low < high) {
      const middle = (low + high) >>> 1
      if (this.candidates[middle]! < doc) low = middle + 1
      else high = middle
    }
    return low
  }
}
