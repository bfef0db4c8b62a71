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
 * Characters per indexed word when the caller cannot measure it: running legal text averages about three
 * (punctuation and spaces included). It turns a field's length in words into its number of chunks.
 */
export const DEFAULT_CHARACTERS_PER_WORD = 3

/** A term's chunks in the candidates' long field, as places (ascending), and its tf in each. */
interface ChunkPlaces {
  places: Int32Array
  tfs: Int32Array
}

/**
 * Room for one term's places while they are read (see {@link ChunkPostingSource.chunkPlaces}): places in
 * `docs`, their tf in `tfs`. Ranking is synchronous, so one serves the process.
 */
const placeScratch = new PostingBuffer()

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
  /** Chunks scored for this query (ids 0 … n−1, in document order, then text order). */
  readonly documentCapacity: number
  /** Chunks in the whole corpus (estimated). */
  readonly documentCount: number
  /** Candidates, ascending, and each one's first chunk id (its ids end where the next one's begin). */
  private readonly candidates: Int32Array
  private readonly firstChunk: Int32Array
  /**
   * Every chunk of the candidates has a place (candidate after candidate, in text order); candidate c's
   * places start at `placeOffsets[c]`. Chunk id → its document, and its index within that.
   */
  private readonly placeOffsets: Int32Array
  /** Place → chunk id, -1 for a chunk without one (four bytes a chunk of the candidates, not seventy). */
  private readonly idOfPlace: Int32Array
  private readonly chunkDocument: Int32Array
  private readonly chunkIndex: Int32Array
  private readonly chunked: boolean[]
  private readonly averageLengths: number[]
  private readonly chunkWords: number
  /** Each candidate's number of chunks. */
  private readonly chunkCounts: Int32Array
  private readonly positions = new ByteBuffer()
  /** The query terms' chunk ids and tf in each long field, by {@link longFieldKey}. */
  private readonly longFieldPostings = new Map<number, { chunks: Int32Array; tfs: Int32Array }>()
  private readonly scratch = new PostingBuffer()
  private readonly slices = new Map<string, string[]>()

  /**
   * Only the chunks worth scoring get an id: each candidate's first, and those holding a query term in
   * a long field. The others hold the query only through the short fields, which they share with the
   * first chunk, so they score as it does at most; and a huge document's thousands of chunks cost nothing.
   */
  constructor(
    private readonly base: PostingSource,
    candidates: readonly number[],
    /** The query's terms: their places in the long fields are read once, up front. */
    terms: readonly string[],
    /** Chunk frequencies and the corpus's chunk count, kept by the caller until the index changes. */
    private readonly statistics: Map<string, number> = new Map(),
    /** The corpus's characters per indexed word (see {@link DEFAULT_CHARACTERS_PER_WORD}). */
    charactersPerWord = DEFAULT_CHARACTERS_PER_WORD,
  ) {
    this.fieldNames = base.fieldNames
    this.chunkWords = CHUNK_CHARACTERS / charactersPerWord
    this.chunked = base.fieldNames.map(
      (name, field) => !name.startsWith('@') && base.averageFieldLength(field) > CHUNKED_FIELD_MIN_CHUNKS * this.chunkWords,
    )
    this.candidates = Int32Array.from(candidates).sort()
    this.chunkCounts = this.candidates.map((doc) => this.chunkCount(doc))
    // Each term's (candidate, chunk, tf) in each long field; a chunk gets an id when it holds any of them.
    // Marks go in one byte per chunk of the candidates (a huge text's chunks cost a byte each, not an id).
    this.placeOffsets = new Int32Array(this.candidates.length + 1)
    this.chunkCounts.forEach((count, candidate) => (this.placeOffsets[candidate + 1] = this.placeOffsets[candidate]! + count))
    const marked = new Uint8Array(this.placeOffsets[this.candidates.length]!)
    for (let candidate = 0; candidate < this.candidates.length; candidate++) marked[this.placeOffsets[candidate]!] = 1
    const found: { key: number; places: ChunkPlaces }[] = []
    for (const term of new Set(terms)) {
      const termId = base.termId(term)
      if (termId === undefined) continue
      this.chunked.forEach((chunked, field) => {
        if (!chunked) return
        const places = this.chunkPlaces(termId, field)
        for (const place of places.places) marked[place] = 1
        found.push({ key: this.longFieldKey(termId, field), places })
      })
    }
    const placesOfIds: number[] = []
    this.idOfPlace = new Int32Array(marked.length).fill(-1)
    for (let place = 0; place < marked.length; place++) {
      if (marked[place] !== 1) continue
      this.idOfPlace[place] = placesOfIds.length
      placesOfIds.push(place)
    }
    this.chunkDocument = new Int32Array(placesOfIds.length)
    this.chunkIndex = new Int32Array(placesOfIds.length)
    this.firstChunk = new Int32Array(this.candidates.length + 1)
    let candidate = 0
    for (let id = 0; id < placesOfIds.length; id++) {
      const place = placesOfIds[id]!
      while (place >= this.placeOffsets[candidate + 1]!) this.firstChunk[++candidate] = id
      this.chunkDocument[id] = this.candidates[candidate]!
      this.chunkIndex[id] = place - this.placeOffsets[candidate]!
    }
    while (candidate < this.candidates.length) this.firstChunk[++candidate] = placesOfIds.length
    this.documentCapacity = placesOfIds.length
    for (const { key, places } of found) this.longFieldPostings.set(key, this.toChunkIds(places))
    // Corpus-wide chunk statistics: every live document's chunk count.
    let corpusChunks = statistics.get(CORPUS_CHUNKS)
    if (corpusChunks === undefined) {
      corpusChunks = 0
      for (let doc = 0; doc < base.documentCapacity; doc++) if (!base.isDeleted(doc)) corpusChunks += this.chunkCount(doc)
      statistics.set(CORPUS_CHUNKS, corpusChunks)
    }
    this.documentCount = corpusChunks
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
    this.walk(termId, field, this.candidates, undefined, visit)
  }

  forEachPostingIn(termId: number, field: number, chunks: Int32Array, visit: (chunk: number, tf: number, reader: ByteReader) => void): void {
    if (chunks.length === 0) return
    // Only the wanted chunks' documents are read, and only the wanted chunks' positions re-encoded.
    const wanted = new Uint8Array(this.documentCapacity)
    const docs: number[] = []
    for (const chunk of chunks) {
      wanted[chunk] = 1
      const doc = this.chunkDocument[chunk]!
      if (docs[docs.length - 1] !== doc) docs.push(doc)
    }
    this.walk(termId, field, Int32Array.from(docs), wanted, visit)
  }

  /**
   * Visits the term's chunks in `docs` (ascending), only those flagged in `wanted` when given. A short
   * field's positions serve every chunk of the document; a long field's are grouped by chunk and each
   * chunk's re-encoded as deltas for its reader (places in a chunk without an id are left out).
   */
  private walk(termId: number, field: number, docs: Int32Array, wanted: Uint8Array | undefined, visit: (chunk: number, tf: number, reader: ByteReader) => boolean | void): void {
    let stopped = false
    this.base.forEachPostingIn(termId, field, docs, (doc, tf, reader) => {
      if (stopped) return
      const candidate = this.candidateIndex(doc)
      const first = this.firstChunk[candidate]!
      const end = this.firstChunk[candidate + 1]!
      if (!this.chunked[field]) {
        const start = reader.offset
        for (let chunk = first; chunk < end && !stopped; chunk++) {
          if (!wanted || wanted[chunk] === 1) stopped = visit(chunk, tf, new ByteReader(reader.bytes, start, reader.end)) === false
        }
        return
      }
      const buffer = this.positions
      buffer.length = 0
      let position = 0
      let place = -1
      let chunk = -1
      let chunkTf = 0
      let chunkStart = 0
      let previous = 0
      const emit = () => {
        if (chunk >= 0 && chunkTf > 0 && !stopped) stopped = visit(chunk, chunkTf, new ByteReader(buffer.bytes, chunkStart, buffer.length)) === false
      }
      for (let i = 0; i < tf; i++) {
        position += reader.readVarint()
        const target = this.placeOf(candidate, position)
        if (target !== place) {
          emit()
          place = target
          chunk = this.chunkId(candidate, place)
          if (wanted && chunk >= 0 && wanted[chunk] !== 1) chunk = -1
          chunkTf = 0
          chunkStart = buffer.length
          previous = 0
        }
        if (chunk < 0) continue
        buffer.writeVarint(position - previous)
        previous = position
        chunkTf++
      }
      emit()
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
      const postings = this.longFieldPostings.get(this.longFieldKey(termId, field)) ?? this.toChunkIds(this.chunkPlaces(termId, field))
      for (let i = 0; i < postings.chunks.length; i++) add(postings.chunks[i]!, postings.tfs[i]!)
      return count
    }
    this.base.forEachPostingIn(termId, field, this.candidates, (doc, tf) => {
      const candidate = this.candidateIndex(doc)
      for (let chunk = this.firstChunk[candidate]!; chunk < this.firstChunk[candidate + 1]!; chunk++) add(chunk, tf)
    })
    return count
  }

  /** A number per (term, field): a string key per posting list read was garbage on every query. */
  private longFieldKey(termId: number, field: number): number {
    return termId * this.fieldNames.length + field
  }

  /** Where in a candidate a position falls: its chunk's place among the candidate's chunks. */
  private placeOf(candidate: number, position: number): number {
    return Math.min(this.chunkCounts[candidate]! - 1, Math.floor(position / CHUNK_CHARACTERS))
  }

  /**
   * A term's chunks in a long field of the candidates, as places in order, with its tf in each. Places
   * are gathered in one scratch pair reused for every term and copied out at their final length: growing
   * plain arrays by push was a seventh of a query's garbage, and young-generation collections are what
   * put a query in the slowest percent.
   */
  private chunkPlaces(termId: number, field: number): ChunkPlaces {
    const scratch = placeScratch
    let count = 0
    this.base.forEachPostingIn(termId, field, this.candidates, (doc, tf, reader) => {
      const candidate = this.candidateIndex(doc)
      const offset = this.placeOffsets[candidate]!
      const lastPlace = this.chunkCounts[candidate]! - 1
      // Positions ascend, so the place does too: it is computed again only once a position passes the next
      // chunk boundary. A word such as 中华人民共和国 stands dozens of times in each law.
      let place = -1
      let nextBoundary = 0
      let position = 0
      for (let i = 0; i < tf; i++) {
        position += reader.readVarint()
        if (position >= nextBoundary && place < lastPlace) {
          place = this.placeOf(candidate, position)
          nextBoundary = (place + 1) * CHUNK_CHARACTERS
          if (count === scratch.docs.length) scratch.grow()
          scratch.docs[count] = offset + place
          scratch.tfs[count++] = 1
          continue
        }
        scratch.tfs[count - 1]!++
      }
    })
    return { places: scratch.docs.slice(0, count), tfs: scratch.tfs.slice(0, count) }
  }

  /** Places as chunk ids, leaving out the chunks without one (a term the constructor was not given). */
  private toChunkIds(found: ChunkPlaces): { chunks: Int32Array; tfs: Int32Array } {
    // The places are not needed afterwards: their arrays are rewritten as the chunk ids.
    const { places: chunks, tfs } = found
    let count = 0
    for (let i = 0; i < chunks.length; i++) {
      const chunk = this.idOfPlace[chunks[i]!]!
      if (chunk < 0) continue
      chunks[count] = chunk
      tfs[count++] = tfs[i]!
    }
    return { chunks: chunks.subarray(0, count), tfs: tfs.subarray(0, count) }
  }

  /** The id of a candidate's chunk at `place`, or -1 when that chunk has none. */
  private chunkId(candidate: number, place: number): number {
    return this.idOfPlace[this.placeOffsets[candidate]! + place]!
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
