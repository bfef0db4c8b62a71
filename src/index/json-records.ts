import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { ZhsearchError } from '../errors'
import { ByteBuffer, ByteReader } from './byte-buffer'
import { textDictionary } from './text-dictionary'

/**
 * One JSON value per document number, kept in one byte array and parsed only when read: a saved index
 * loads without parsing them. Records are UTF-16LE, not UTF-8: for Chinese it is smaller (2 bytes a
 * character instead of 3), deflates smaller, and decodes almost for free, where decoding UTF-8 was the
 * costliest step of returning a long hit. Records of {@link MIN_COMPRESSED_LENGTH} bytes or more are
 * deflated (to under a third of the text's UTF-8 size), so a hit inflates only its own record.
 *
 * Layout of a record: one marker byte, then the bytes. Format version 1 files had no marker
 * ({@link JsonRecords.restore} reads them with `markers: false`); versions 2–4 wrote UTF-8 markers.
 *
 * Since version 6, an object's text values of {@link SPLIT_TEXT_MIN} characters or more are stored apart
 * (marker {@link SPLIT_UTF16}), in blocks of {@link TEXT_BLOCK_LENGTH} characters deflated one by one,
 * so a hit's snippet of a 100,000-character law inflates a block or two, not the law:
 *
 * ```
 * SPLIT_UTF16
 * varint length, head: a record of its own (marker + bytes) holding {v: the object with those texts
 *   set to null, t: [[key, length], …], b: characters per block}
 * per text, per block: varint length, deflated UTF-16LE characters
 * ```
 *
 * Since version 7, records are deflated with a preset dictionary of common words ({@link textDictionary}):
 * markers {@link DICTIONARY_UTF16} for a whole record and {@link SPLIT_DICTIONARY_UTF16} for a split one,
 * laid out as above. A block deflated on its own starts with an empty window; the dictionary fills it
 * with the words every Chinese text shares, 15% off the laws' stored text for a few µs per block read.
 */
const RAW_UTF8 = 0
const DEFLATED_UTF8 = 1
const RAW_UTF16 = 2
const DEFLATED_UTF16 = 3
const SPLIT_UTF16 = 4
const DICTIONARY_UTF16 = 5
const SPLIT_DICTIONARY_UTF16 = 6
/**
 * Characters per block: a snippet and the article heading before it usually lie within one, at most two.
 * Inflating a block costs about the same from 4,096 to 16,384 characters (30-40 µs, mostly the preset
 * dictionary's setup). Against 4,096, blocks of 8,192 store the laws' text 5% smaller (16.1 → 15.4 MB)
 * and leave a page of snippets as fast (fewer snippets straddle two blocks); 16,384 saved 2% more but
 * made the page 10% slower.
 */
const TEXT_BLOCK_LENGTH = 8192
/**
 * Texts longer than this are split (in blocks, behind a raw head): a snippet then inflates one block or
 * two instead of the whole text, and reading the short fields (a title) or a text's length inflates nothing.
 */
const SPLIT_TEXT_MIN = 4097
/** A head below this many bytes is stored raw: parsing it costs far less than an inflate call's fixed cost (about 10 µs). */
const RAW_HEAD_MAX = 1024
/** Below this, deflate's header and dictionary warm-up cost more than they save. */
const MIN_COMPRESSED_LENGTH = 256
/** zlib level 4: within 3% of level 6's size, 1.5× its speed (measured on the laws corpus). */
const COMPRESSION_LEVEL = 4

export class JsonRecords {
  private bytes = new ByteBuffer(1 << 16)
  private offsets: Int32Array = new Int32Array(1024 + 1)
  private count = 0
  private markers = true

  get size(): number {
    return this.count
  }

  /** Appends the record of document number `size` (documents are numbered densely). */
  push(value: unknown): void {
    if (this.count + 2 > this.offsets.length) {
      const grown = new Int32Array(this.offsets.length * 2)
      grown.set(this.offsets)
      this.offsets = grown
    }
    this.offsets[this.count] = this.bytes.length
    const texts = longTexts(value)
    if (texts.length === 0) {
      writeWhole(this.bytes, value)
    } else {
      this.bytes.writeVarint(SPLIT_DICTIONARY_UTF16)
      const head = new ByteBuffer(256)
      const skeleton = Object.assign(Object.create(null) as Record<string, unknown>, value)
      for (const [key] of texts) skeleton[key] = null
      writeWhole(head, { v: skeleton, t: texts.map(([key, text]) => [key, text.length]), b: TEXT_BLOCK_LENGTH }, RAW_HEAD_MAX)
      this.bytes.writeVarint(head.length)
      this.bytes.writeBytes(head.view())
      for (const [, text] of texts) {
        for (let from = 0; from < text.length; from += TEXT_BLOCK_LENGTH) {
          const block = deflateRawSync(Buffer.from(text.slice(from, from + TEXT_BLOCK_LENGTH), 'utf16le'), { level: COMPRESSION_LEVEL, dictionary: textDictionary() })
          this.bytes.writeVarint(block.length)
          this.bytes.writeBytes(block)
        }
      }
    }
    this.count++
    this.offsets[this.count] = this.bytes.length
  }

  /** The whole record, or undefined past the end. */
  get(index: number): unknown {
    return this.open(index)?.value()
  }

  /**
   * Whether a record is held: false past the end and for a dropped record, which is empty (every written
   * record has at least a byte; see {@link withoutRecords}).
   */
  holds(index: number): boolean {
    return index >= 0 && index < this.count && this.offsets[index + 1]! > this.offsets[index]!
  }

  /** One record, read lazily: see {@link StoredRecord}. Undefined past the end and for a dropped record. */
  open(index: number): StoredRecord | undefined {
    if (!this.holds(index)) return undefined
    const slice = this.bytes.bytes.subarray(this.offsets[index]!, this.offsets[index + 1]!)
    if (!this.markers) return new WholeRecord(JSON.parse(DECODER.decode(slice)))
    if (slice[0] !== SPLIT_UTF16 && slice[0] !== SPLIT_DICTIONARY_UTF16) return new WholeRecord(readWhole(slice, index))
    return new SplitRecord(slice, index, slice[0] === SPLIT_DICTIONARY_UTF16)
  }

  /**
   * A copy without the records `drop` names: they become empty, so every other record keeps its number.
   * A copy rather than a change in place, so that whoever holds these records (a page of hits read
   * later) still reads them as they were.
   */
  withoutRecords(drop: (index: number) => boolean): JsonRecords {
    let keptBytes = 0
    for (let index = 0; index < this.count; index++) if (!drop(index)) keptBytes += this.offsets[index + 1]! - this.offsets[index]!
    const copy = new JsonRecords()
    copy.markers = this.markers
    copy.bytes = new ByteBuffer(Math.max(keptBytes, 1))
    copy.offsets = new Int32Array(Math.max(this.count + 1, 2))
    copy.count = this.count
    for (let index = 0; index < this.count; index++) {
      copy.offsets[index] = copy.bytes.length
      if (!drop(index)) copy.bytes.writeBytes(this.bytes.bytes.subarray(this.offsets[index]!, this.offsets[index + 1]!))
    }
    copy.offsets[this.count] = copy.bytes.length
    return copy
  }

  snapshot(): { bytes: Uint8Array; offsets: Int32Array } {
    return { bytes: this.bytes.view(), offsets: this.offsets.subarray(0, this.count + 1) }
  }

  /** Rebuilds records from {@link snapshot} parts; `markers: false` for format version 1. */
  static restore(bytes: Uint8Array, offsets: Int32Array, markers = true): JsonRecords {
    const records = new JsonRecords()
    records.markers = markers
    // Records are only ever appended after the last one, so the saved bytes are kept as they are.
    records.bytes = ByteBuffer.wrap(bytes)
    records.offsets = new Int32Array(Math.max(offsets.length, 2))
    records.offsets.set(offsets)
    records.count = Math.max(offsets.length - 1, 0)
    return records
  }
}

const DECODER = new TextDecoder()

/** The object's own string values long enough to be split, in property order. */
function longTexts(value: unknown): [string, string][] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return []
  return Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1].length >= SPLIT_TEXT_MIN)
}

/** Writes a value as one record: marker, then its UTF-16LE JSON, deflated from `minCompressed` bytes on. */
function writeWhole(bytes: ByteBuffer, value: unknown, minCompressed = MIN_COMPRESSED_LENGTH): void {
  const json = Buffer.from(JSON.stringify(value) ?? 'null', 'utf16le')
  if (json.length >= minCompressed) {
    bytes.writeVarint(DICTIONARY_UTF16)
    bytes.writeBytes(deflateRawSync(json, { level: COMPRESSION_LEVEL, dictionary: textDictionary() }))
  } else {
    bytes.writeVarint(RAW_UTF16)
    bytes.writeBytes(json)
  }
}

/** Reads a record written whole (any version from 2 on). */
function readWhole(slice: Uint8Array, index: number): unknown {
  const body = slice.subarray(1)
  switch (slice[0]) {
    case RAW_UTF16:
      return JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf16le'))
    case DICTIONARY_UTF16:
      return JSON.parse(inflate(body, true, index).toString('utf16le'))
    case DEFLATED_UTF16:
      return JSON.parse(inflate(body, false, index).toString('utf16le'))
    case RAW_UTF8:
      return JSON.parse(DECODER.decode(body))
    case DEFLATED_UTF8:
      return JSON.parse(DECODER.decode(inflate(body, false, index)))
    default:
      throw corrupt(index)
  }
}

/** Inflates a record's bytes; damage is CORRUPT_INDEX, not zlib's own error. */
function inflate(bytes: Uint8Array, withDictionary: boolean, index: number): Buffer {
  try {
    return withDictionary ? inflateRawSync(bytes, { dictionary: textDictionary() }) : inflateRawSync(bytes)
  } catch (error) {
    if (error instanceof ZhsearchError) throw error
    throw new ZhsearchError('CORRUPT_INDEX', `index corrupt: stored record ${index} has damaged compressed bytes`)
  }
}

function corrupt(index: number): ZhsearchError {
  return new ZhsearchError('CORRUPT_INDEX', `index corrupt: stored record ${index} has an unknown encoding`)
}

/** One stored record, decoded only as far as it is read. */
export interface StoredRecord {
  /** The whole value (every text inflated). */
  value(): unknown
  /** The length of a top-level text value, or undefined when the value there is not a string. */
  textLength(key: string): number | undefined
  /** Characters [from, to) of a top-level text value ('' when it is not a string). */
  textSlice(key: string, from: number, to: number): string
}

/** A record stored whole: decoded at once. */
class WholeRecord implements StoredRecord {
  constructor(private readonly decoded: unknown) {}

  value(): unknown {
    return this.decoded
  }

  private text(key: string): string | undefined {
    const decoded = this.decoded
    if (decoded === null || typeof decoded !== 'object' || !Object.hasOwn(decoded, key)) return undefined
    const text = (decoded as Record<string, unknown>)[key]
    return typeof text === 'string' ? text : undefined
  }

  textLength(key: string): number | undefined {
    return this.text(key)?.length
  }

  textSlice(key: string, from: number, to: number): string {
    return this.text(key)?.slice(from, to) ?? ''
  }
}

/** A record whose long texts are stored apart in blocks: the head is decoded at once, blocks when read (and kept). */
class SplitRecord implements StoredRecord {
  private readonly skeleton: Record<string, unknown>
  /** Per split text: its length and the byte offset of each block (plus the end). */
  private readonly texts = new Map<string, { length: number; blockStarts: number[] }>()
  private readonly blockLength: number
  private readonly blocks = new Map<string, string>()

  constructor(
    private readonly slice: Uint8Array,
    private readonly index: number,
    /** Blocks deflated with the preset dictionary (format version 7 on). */
    private readonly withDictionary: boolean,
  ) {
    const reader = new ByteReader(slice, 1)
    const headLength = reader.readVarint()
    const head = readWhole(slice.subarray(reader.offset, reader.offset + headLength), index) as { v?: unknown; t?: unknown; b?: unknown }
    reader.offset += headLength
    if (head === null || typeof head !== 'object' || typeof head.v !== 'object' || head.v === null || !Array.isArray(head.t)) throw corrupt(index)
    if (!Number.isInteger(head.b) || (head.b as number) < 1) throw corrupt(index)
    this.blockLength = head.b as number
    this.skeleton = head.v as Record<string, unknown>
    for (const entry of head.t as unknown[]) {
      if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'number') throw corrupt(index)
      const [key, length] = entry as [string, number]
      const blockStarts: number[] = []
      for (let block = 0; block < Math.ceil(length / this.blockLength); block++) {
        const byteLength = reader.readVarint()
        blockStarts.push(reader.offset)
        reader.offset += byteLength
      }
      blockStarts.push(reader.offset)
      if (reader.offset > slice.length) throw corrupt(index)
      this.texts.set(key, { length, blockStarts })
    }
  }

  value(): unknown {
    const value = Object.assign(Object.create(null) as Record<string, unknown>, this.skeleton)
    for (const [key, { length }] of this.texts) value[key] = this.textSlice(key, 0, length)
    return value
  }

  textLength(key: string): number | undefined {
    const text = this.texts.get(key)
    if (text) return text.length
    const value = Object.hasOwn(this.skeleton, key) ? this.skeleton[key] : undefined
    return typeof value === 'string' ? value.length : undefined
  }

  textSlice(key: string, from: number, to: number): string {
    const text = this.texts.get(key)
    if (!text) {
      const value = Object.hasOwn(this.skeleton, key) ? this.skeleton[key] : undefined
      return typeof value === 'string' ? value.slice(from, to) : ''
    }
    const start = Math.max(0, Math.min(from, text.length))
    const end = Math.max(start, Math.min(to, text.length))
    let out = ''
    for (let block = Math.floor(start / this.blockLength); block * this.blockLength < end; block++) {
      const blockStart = block * this.blockLength
      out += this.block(key, text.blockStarts, block).slice(Math.max(start - blockStart, 0), end - blockStart)
    }
    return out
  }

  private block(key: string, blockStarts: readonly number[], block: number): string {
    const id = `${block}\u0000${key}`
    let text = this.blocks.get(id)
    if (text === undefined) {
      text = inflate(this.slice.subarray(blockStarts[block]!, blockStarts[block + 1]!), this.withDictionary, this.index).toString('utf16le')
      this.blocks.set(id, text)
    }
    return text
  }
}
