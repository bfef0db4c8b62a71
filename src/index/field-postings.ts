import { ByteBuffer, ByteReader } from './byte-buffer'

/**
 * The postings of one field: for each term, the documents that contain it in this field, with the
 * term frequency and the positions (character offsets). Encoded per term as varints:
 * `docDelta tf positionBytes posDelta×tf` repeated, documents in increasing order. `positionBytes`
 * lets scoring, which needs only tf, step over the positions instead of decoding them: a word such as
 * 条例 occurs hundreds of times in every law. A posting with tf 1 has no `positionBytes` (since format
 * version 7): its one position is a single varint, as quick to step over as the length would be to
 * read, and such postings are over half of all (1.5 MB of the laws' 24 MB of body postings).
 *
 * New postings go to a small per-term write buffer; {@link FieldPostings.flush} appends them to the
 * frozen arrays (one byte array + offsets for all terms), so memory stays a few bytes a posting
 * instead of an object per term per document.
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
  private pending = new Map<number, ByteBuffer>()
  private pendingBytes = 0
  /** Skip entries of the long lists read so far; they describe the frozen bytes, so every change of those drops them. */
  private skips = new Map<number, PostingSkips>()

  get termCapacity(): number {
    return this.offsets.length - 1
  }

  /** Appends one document's occurrences of a term. Documents must arrive in increasing order per term. */
  add(termId: number, doc: number, positions: ArrayLike<number>, count: number): void {
    this.ensureTerm(termId)
    let buffer = this.pending.get(termId)
    if (!buffer) {
      buffer = new ByteBuffer(16)
      this.pending.set(termId, buffer)
    }
    const before = buffer.length
    const previous = this.docFrequency[termId]! > 0 ? this.lastDoc[termId]! : -1
    buffer.writeVarint(doc - previous)
    buffer.writeVarint(count)
    const encoded = encodePositions(positions, count)
    if (count !== 1) buffer.writeVarint(encoded.length)
    buffer.writeBytes(encoded)
    this.docFrequency[termId]!++
    this.liveFrequency[termId]!++
    this.lastDoc[termId] = doc
    this.pendingBytes += buffer.length - before
  }

  /** Bytes waiting in write buffers; the index flushes when this grows large. */
  get bufferedBytes(): number {
    return this.pendingBytes
  }

  /** Moves the write buffers into the frozen arrays. */
  flush(): void {
    if (this.pending.size === 0) return
    const termCount = this.termCapacity
    const bytes = new Uint8Array(this.bytes.length + this.pendingBytes)
    const offsets = new Int32Array(termCount + 1)
    let cursor = 0
    for (let term = 0; term < termCount; term++) {
      offsets[term] = cursor
      const start = this.offsets[term]!
      const end = this.offsets[term + 1]!
      bytes.set(this.bytes.subarray(start, end), cursor)
      cursor += end - start
      const buffer = this.pending.get(term)
      if (buffer) {
        bytes.set(buffer.view(), cursor)
        cursor += buffer.length
      }
    }
    offsets[termCount] = cursor
    this.bytes = bytes
    this.offsets = offsets
    this.pending.clear()
    this.pendingBytes = 0
    this.skips.clear()
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

  private ensureTerm(termId: number): void {
    if (termId < this.termCapacity) return
    let capacity = Math.max(1024, this.termCapacity * 2)
    while (capacity <= termId) capacity *= 2
    const offsets = new Int32Array(capacity + 1)
    offsets.set(this.offsets)
    offsets.fill(this.offsets[this.termCapacity]!, this.offsets.length)
    this.offsets = offsets
    this.docFrequency = grow(this.docFrequency, capacity)
    this.liveFrequency = grow(this.liveFrequency, capacity)
    this.lastDoc = grow(this.lastDoc, capacity)
  }

  /** Replaces the contents wholesale (used by compaction and by loading a saved index). */
  replace(bytes: Uint8Array, offsets: Int32Array, docFrequency: Int32Array, lastDoc: Int32Array, liveFrequency: Int32Array): void {
    this.liveFrequency = liveFrequency
    this.bytes = bytes
    this.offsets = offsets
    this.docFrequency = docFrequency
    this.lastDoc = lastDoc
    this.pending.clear()
    this.pendingBytes = 0
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

function grow(array: Int32Array, capacity: number): Int32Array {
  const grown = new Int32Array(capacity)
  grown.set(array)
  return grown
}

const scratch = new ByteBuffer(256)

/** Delta-encoded positions, in a buffer reused between calls (the caller copies the view at once). */
function encodePositions(positions: ArrayLike<number>, count: number): Uint8Array {
  scratch.length = 0
  let last = 0
  for (let i = 0; i < count; i++) {
    const position = positions[i]!
    scratch.writeVarint(position - last)
    last = position
  }
  return scratch.view()
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
