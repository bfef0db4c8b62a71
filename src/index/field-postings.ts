import { ByteBuffer, ByteReader, varintByteLength } from './byte-buffer'
import type { PostingBuffer } from './posting-buffer'
import { withCapacity } from './typed-arrays'

/**
 * The postings of one field: for each term, the documents that contain it in this field, with the
 * term frequency and the positions (character offsets). Encoded per term as varints:
 * `docDelta tf positionBytes posDelta×tf` repeated, documents in increasing order. `positionBytes`
 * lets scoring, which needs only tf, step over the positions instead of decoding them: a word such as
 * 条例 occurs hundreds of times in every law. A posting with tf 1 has no `positionBytes` (since format
 * version 7): its one position is a single varint, as quick to step over as the length would be to
 * read, and such postings are over half of all (1.5 MB of the laws' 24 MB of body postings).
 *
 * New postings are appended to one write log, in arrival order, each tagged with its term;
 * {@link FieldPostings.flush} moves them into the frozen arrays (one byte array + offsets for all terms)
 * in a single pass. The log is typed arrays only: a write buffer per term (a Map entry and a growing
 * array for each term of each document) was a tenth of indexing the laws, plus its garbage.
 */
export class FieldPostings {
  /** All terms' postings back to back; term t's bytes are `bytes[offsets[t] .. offsets[t + 1]]`. */
  bytes: Uint8Array = new Uint8Array(0)
  offsets: Int32Array = new Int32Array(1)
  /** Documents whose field contains the term, deleted ones included: the encoder's "has a previous posting". */
  docFrequency: Int32Array = new Int32Array(0)
  /** Live documents whose field contains the term: the statistic ranking reads. */
  liveFrequency: Int32Array = new Int32Array(0)
  /** Last document number written for each term, to delta-encode the next one. */
  lastDoc: Int32Array = new Int32Array(0)
  /** The write log: postings not yet flushed, back to back, with each one's term and end in the log. */
  private pending = new ByteBuffer(LOG_INITIAL_BYTES)
  private pendingTerms: Int32Array = new Int32Array(LOG_INITIAL_POSTINGS)
  private pendingEnds: Int32Array = new Int32Array(LOG_INITIAL_POSTINGS)
  private pendingCount = 0
  /** Skip entries of the long lists read so far; they describe the frozen bytes, so every change of those drops them. */
  private skips = new Map<number, PostingSkips>()

  get termCapacity(): number {
    return this.offsets.length - 1
  }

  /** Appends one document's occurrences of a term. Documents must arrive in increasing order per term. */
  add(termId: number, doc: number, positions: ArrayLike<number>, count: number): void {
    this.ensureTerm(termId)
    const log = this.pending
    const previous = this.docFrequency[termId]! > 0 ? this.lastDoc[termId]! : -1
    log.writeVarint(doc - previous)
    log.writeVarint(count)
    if (count !== 1) log.writeVarint(positionsLength(positions, count))
    let last = 0
    for (let i = 0; i < count; i++) {
      const position = positions[i]!
      log.writeVarint(position - last)
      last = position
    }
    if (this.pendingCount === this.pendingTerms.length) {
      this.pendingTerms = withCapacity(this.pendingTerms, this.pendingCount * 2)
      this.pendingEnds = withCapacity(this.pendingEnds, this.pendingCount * 2)
    }
    this.pendingTerms[this.pendingCount] = termId
    this.pendingEnds[this.pendingCount++] = log.length
    this.docFrequency[termId]!++
    this.liveFrequency[termId]!++
    this.lastDoc[termId] = doc
  }

  /** Bytes waiting in the write log; the index flushes when this grows large. */
  get bufferedBytes(): number {
    return this.pending.length
  }

  /** Moves the write log into the frozen arrays: each term's new postings after its frozen ones, in arrival order. */
  flush(): void {
    if (this.pendingCount === 0) return
    const termCount = this.termCapacity
    // Where each term's postings start in the new arrays, and from there where its next logged posting goes.
    const writeAt = new Int32Array(termCount + 1)
    for (let i = 0, start = 0; i < this.pendingCount; i++) {
      writeAt[this.pendingTerms[i]!]! += this.pendingEnds[i]! - start
      start = this.pendingEnds[i]!
    }
    const bytes = new Uint8Array(this.bytes.length + this.pending.length)
    const offsets = new Int32Array(termCount + 1)
    let cursor = 0
    for (let term = 0; term < termCount; term++) {
      offsets[term] = cursor
      const start = this.offsets[term]!
      const end = this.offsets[term + 1]!
      bytes.set(this.bytes.subarray(start, end), cursor)
      const logged = writeAt[term]!
      writeAt[term] = cursor + end - start
      cursor += end - start + logged
    }
    offsets[termCount] = cursor
    // Byte by byte: most postings are a few bytes, and a subarray per posting to `set` from was most of this loop.
    const log = this.pending.bytes
    for (let i = 0, from = 0; i < this.pendingCount; i++) {
      const term = this.pendingTerms[i]!
      const end = this.pendingEnds[i]!
      let to = writeAt[term]!
      while (from < end) bytes[to++] = log[from++]!
      writeAt[term] = to
    }
    this.bytes = bytes
    this.offsets = offsets
    this.clearLog()
    this.skips.clear()
  }

  /**
   * A copy without the postings of deleted documents, which readers would otherwise step over for ever.
   * A copy rather than a change in place, so that a reader holding this one (a page of hits building its
   * snippets later) still reads the postings it was found with. The posting after a dropped one gets its
   * document delta re-encoded; every other byte is copied as it is. The copy is never longer: a dropped
   * posting had at least three bytes, and a merged delta needs at most one more than the longer of the two
   * it replaces.
   */
  withoutDocuments(isDeleted: (doc: number) => boolean): FieldPostings {
    this.flush()
    const termCount = this.termCapacity
    const source = this.bytes
    const out = new ByteBuffer(Math.max(source.length, 1))
    const offsets = new Int32Array(termCount + 1)
    const docFrequency = new Int32Array(termCount)
    const lastDoc = new Int32Array(termCount)
    const reader = new ByteReader(source)
    for (let term = 0; term < termCount; term++) {
      offsets[term] = out.length
      reader.offset = this.offsets[term]!
      const end = this.offsets[term + 1]!
      let doc = -1
      let keptDoc = -1
      let kept = 0
      while (reader.offset < end) {
        doc += reader.readVarint()
        const tf = reader.readVarint()
        // From here to the posting's end: its position length (when tf is not 1) and its positions.
        const rest = reader.offset
        // Read the length before adding (see buildPostingSkips).
        const positionBytes = readPositionLength(reader, tf)
        reader.offset += positionBytes
        if (isDeleted(doc)) continue
        out.writeVarint(doc - keptDoc)
        out.writeVarint(tf)
        out.copyRange(source, rest, reader.offset)
        keptDoc = doc
        kept++
      }
      docFrequency[term] = kept
      lastDoc[term] = keptDoc
    }
    offsets[termCount] = out.length
    const copy = new FieldPostings()
    copy.replace(out.toBytes(), offsets, docFrequency, lastDoc, this.liveFrequency.slice(0, termCount))
    return copy
  }

  /**
   * Keeps only the terms `kept` lists (ids in ascending order), renumbered 0, 1, 2 … in that order: after
   * {@link withoutDocuments}, the words that only removed documents had go. Their postings are empty by
   * then, so the bytes stay as they are and only the per-term arrays shrink.
   */
  keepOnlyTerms(kept: Int32Array): void {
    this.flush()
    const capacity = this.termCapacity
    const offsets = new Int32Array(kept.length + 1)
    kept.forEach((term, id) => (offsets[id] = this.offsets[Math.min(term, capacity)]!))
    offsets[kept.length] = this.offsets[capacity]!
    // A term this field never had lies past its arrays: no postings.
    const pick = (array: Int32Array) => kept.map((term) => (term < capacity ? array[term]! : 0))
    this.replace(this.bytes, offsets, pick(this.docFrequency), pick(this.lastDoc), pick(this.liveFrequency))
  }

  /** Empties the write log into fresh small arrays: a built index should not keep megabytes of log room. */
  private clearLog(): void {
    if (this.pending.bytes.length > LOG_INITIAL_BYTES) {
      this.pending = new ByteBuffer(LOG_INITIAL_BYTES)
      this.pendingTerms = new Int32Array(LOG_INITIAL_POSTINGS)
      this.pendingEnds = new Int32Array(LOG_INITIAL_POSTINGS)
    }
    this.pending.length = 0
    this.pendingCount = 0
  }

  /** The encoded postings of a term (flush first). */
  postingsOf(termId: number): Uint8Array | undefined {
    if (termId >= this.termCapacity) return undefined
    const start = this.offsets[termId]!
    const end = this.offsets[termId + 1]!
    return end > start ? this.bytes.subarray(start, end) : undefined
  }

  /** Skip entries over a term's postings (flush first), built on first use; none for a short list. */
  skipsOf(termId: number): PostingSkips | undefined {
    const postings = termId < this.termCapacity ? this.docFrequency[termId]! : 0
    if (postings < MIN_SKIPPED_POSTINGS) return undefined
    let skips = this.skips.get(termId)
    if (!skips) this.skips.set(termId, (skips = buildPostingSkips(this.postingsOf(termId)!, postings)))
    return skips
  }

  /**
   * Decodes a term's postings into `into`: documents ascending, with their tf, positions
   * skipped. Scoring reads every posting of every query term, and a loop over arrays runs several times
   * faster than a callback per posting. Returns how many postings there are.
   */
  readPostings(termId: number, into: PostingBuffer): number {
    const bytes = this.postingsOf(termId)
    if (!bytes) return 0
    const reader = new ByteReader(bytes)
    let count = 0
    let doc = -1
    while (!reader.done) {
      doc += reader.readVarint()
      const tf = reader.readVarint()
      const positionBytes = readPositionLength(reader, tf)
      reader.offset += positionBytes
      if (count === into.docs.length) into.grow()
      into.docs[count] = doc
      into.tfs[count] = tf
      count++
    }
    return count
  }

  /**
   * Like {@link forEachPosting}, visiting only the documents in `docs` (ascending): the list is walked in
   * a loop, and the callback runs for the few wanted documents only, not for every posting of a common word.
   */
  forEachPostingIn(termId: number, docs: Int32Array, visit: (doc: number, tf: number, reader: ByteReader) => void): void {
    const bytes = this.postingsOf(termId)
    if (!bytes || docs.length === 0) return
    const skips = this.skipsOf(termId)
    const reader = new ByteReader(bytes)
    let doc = -1
    let wanted = 0
    let block = 0
    // Steps over the blocks that end before the next wanted document; the reader never moves back.
    const seek = (skips: PostingSkips) => {
      const target = docs[wanted]!
      while (block + 1 < skips.count && skips.before[block + 1]! < target) block++
      if (skips.offsets[block]! > reader.offset) {
        reader.offset = skips.offsets[block]!
        doc = skips.before[block]!
      }
    }
    if (skips) seek(skips)
    while (!reader.done) {
      doc += reader.readVarint()
      const tf = reader.readVarint()
      const positionBytes = readPositionLength(reader, tf)
      const positionsStart = reader.offset
      if (doc < docs[wanted]!) {
        reader.offset = positionsStart + positionBytes
        continue
      }
      while (docs[wanted]! < doc) if (++wanted === docs.length) return
      if (docs[wanted] === doc) {
        visit(doc, tf, reader)
        if (++wanted === docs.length) return
      }
      reader.offset = positionsStart + positionBytes
      if (skips) seek(skips)
    }
  }

  /**
   * Iterates a term's postings: `visit(doc, tf, reader)`, the reader positioned at the document's
   * positions. Returning `false` stops the iteration.
   */
  forEachPosting(termId: number, visit: (doc: number, tf: number, reader: ByteReader) => boolean | void): void {
    const bytes = this.postingsOf(termId)
    if (!bytes) return
    const reader = new ByteReader(bytes)
    let doc = -1
    while (!reader.done) {
      doc += reader.readVarint()
      const tf = reader.readVarint()
      const positionBytes = readPositionLength(reader, tf)
      const positionsStart = reader.offset
      if (visit(doc, tf, reader) === false) return
      // Step over the positions, read or not.
      reader.offset = positionsStart + positionBytes
    }
  }

  private ensureTerm(termId: number): void {
    if (termId < this.termCapacity) return
    let capacity = Math.max(1024, this.termCapacity * 2)
    while (capacity <= termId) capacity *= 2
    const offsets = new Int32Array(capacity + 1)
    offsets.set(this.offsets)
    offsets.fill(this.offsets[this.termCapacity]!, this.offsets.length)
    this.offsets = offsets
    this.docFrequency = withCapacity(this.docFrequency, capacity)
    this.liveFrequency = withCapacity(this.liveFrequency, capacity)
    this.lastDoc = withCapacity(this.lastDoc, capacity)
  }

  /** Replaces the contents wholesale (used by loading a saved index). */
  replace(bytes: Uint8Array, offsets: Int32Array, docFrequency: Int32Array, lastDoc: Int32Array, liveFrequency: Int32Array): void {
    this.liveFrequency = liveFrequency
    this.bytes = bytes
    this.offsets = offsets
    this.docFrequency = docFrequency
    this.lastDoc = lastDoc
    this.clearLog()
    this.skips.clear()
  }
}

/**
 * Skip entries over one term's postings in one field: where every {@link SKIP_INTERVAL}-th posting
 * starts, and the document just before it. Re-scoring reads a common word's postings for the hundred
 * candidates only, yet walking its whole list to find them (条例 in every one of 3,471 laws) was one of
 * a query's longest loops; with skips it decodes a block per candidate. Kept in memory only and built on
 * first use, so the saved format is unchanged.
 */
export interface PostingSkips {
  readonly count: number
  /** The document of the posting before each block (-1 before the first). */
  readonly before: Int32Array
  /** Each block's first byte in the term's postings. */
  readonly offsets: Int32Array
}

const LOG_INITIAL_BYTES = 1 << 12
const LOG_INITIAL_POSTINGS = 1 << 10

/** Postings per block: a wanted document costs at most this many postings decoded. */
const SKIP_INTERVAL = 16

/** Shorter lists are walked: skipping them would save less than building their entries costs. */
const MIN_SKIPPED_POSTINGS = 256

function buildPostingSkips(bytes: Uint8Array, postings: number): PostingSkips {
  const count = Math.ceil(postings / SKIP_INTERVAL)
  const before = new Int32Array(count)
  const offsets = new Int32Array(count)
  const reader = new ByteReader(bytes)
  let doc = -1
  for (let posting = 0; !reader.done; posting++) {
    if (posting % SKIP_INTERVAL === 0) {
      before[posting / SKIP_INTERVAL] = doc
      offsets[posting / SKIP_INTERVAL] = reader.offset
    }
    doc += reader.readVarint()
    const tf = reader.readVarint()
    // Read the length before adding: `offset +=` would add it to the offset before the length's own bytes.
    const positionBytes = readPositionLength(reader, tf)
    reader.offset += positionBytes
  }
  return { count, before, offsets }
}

/** The byte length of positions delta-encoded as varints. */
function positionsLength(positions: ArrayLike<number>, count: number): number {
  let length = 0
  let last = 0
  for (let i = 0; i < count; i++) {
    const position = positions[i]!
    length += varintByteLength(position - last)
    last = position
  }
  return length
}

/** The byte length of a posting's positions, the reader at the `positionBytes` field (or at the position when tf is 1). */
export function readPositionLength(reader: ByteReader, tf: number): number {
  return tf === 1 ? reader.varintLength() : reader.readVarint()
}

/**
 * Rewrites postings saved by older format versions in the current layout, once, when such a file is
 * loaded: versions 1 and 2 had no `positionBytes` (`withLengths: false`), versions 3 to 6 wrote it for
 * every posting, tf 1 included.
 */
export function upgradeLegacyPostings(bytes: Uint8Array, offsets: Int32Array, withLengths: boolean): { bytes: Uint8Array; offsets: Int32Array } {
  const out = new ByteBuffer(Math.max(64, Math.ceil(bytes.length * 1.2)))
  const upgraded = new Int32Array(offsets.length)
  const reader = new ByteReader(bytes)
  for (let term = 0; term + 1 < offsets.length; term++) {
    upgraded[term] = out.length
    reader.offset = offsets[term]!
    while (reader.offset < offsets[term + 1]!) {
      out.writeVarint(reader.readVarint())
      const tf = reader.readVarint()
      out.writeVarint(tf)
      if (withLengths) reader.readVarint()
      const start = reader.offset
      for (let i = 0; i < tf; i++) reader.readVarint()
      if (tf !== 1) out.writeVarint(reader.offset - start)
      out.writeBytes(bytes.subarray(start, reader.offset))
    }
  }
  upgraded[offsets.length - 1] = out.length
  return { bytes: out.toBytes(), offsets: upgraded }
}
