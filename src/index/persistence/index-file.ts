import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { ZhsearchError } from '../../errors'
import { ByteBuffer } from '../byte-buffer'
import { crc32 } from './checksum'

/**
 * The container of a saved index: a fixed header, then sections.
 *
 * ```
 * offset 0  4 bytes  magic "ZHSI"
 *        4  u32 LE   format version
 *        8  u32 LE   payload length, low 32 bits
 *       12  u32 LE   payload length, high bits
 *       16  u32 LE   CRC-32 of the payload
 *       20  payload: sections, each `u32 LE length` + bytes + zero padding to a multiple of 4,
 *           so typed arrays can be viewed in place without copying.
 * ```
 */
export const MAGIC = [0x5a, 0x48, 0x53, 0x49] as const // "ZHSI"
/**
 * Version 2: stored records carry a marker byte and may be deflated. Version 3: each posting records
 * the byte length of its positions. Version 4: live document frequencies per field. Version 5: stored
 * records in UTF-16LE. Version 6: long stored texts in separately deflated blocks (see json-records.ts).
 * Version 7: no position byte length in postings with tf 1 (see field-postings.ts); stored records
 * deflated with a preset dictionary of common words (see text-dictionary.ts); the metadata, the terms
 * and the per-term and per-document counters in deflated sections (see {@link SectionWriter.deflated}).
 * Version 8: the entity figures in typed sections instead of JSON in the metadata (see figure-codec.ts).
 * Older versions still load (converted in memory where needed).
 */
export const FORMAT_VERSION = 8
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 8]
const HEADER_LENGTH = 20
/** zlib level 1: the deflated sections are zeros and small integers, which level 1 packs nearly as well as 6. */
const DEFLATED_SECTION_LEVEL = 1
const MAX_DEFLATE_RATIO = 1032
const TWO_TO_THE_32 = 2 ** 32

export class SectionWriter {
  private readonly buffer = new ByteBuffer(1 << 20)

  constructor() {
    for (let i = 0; i < HEADER_LENGTH; i++) this.buffer.writeVarint(0) // header placeholder: 20 zero bytes
  }

  bytes(section: Uint8Array): void {
    this.buffer.writeUint32(section.length)
    this.buffer.writeBytes(section)
    while (this.buffer.length % 4 !== 0) this.buffer.writeVarint(0)
  }

  int32(section: Int32Array): void {
    this.bytes(new Uint8Array(section.buffer, section.byteOffset, section.byteLength))
  }

  json(value: unknown): void {
    this.bytes(new TextEncoder().encode(JSON.stringify(value)))
  }

  /**
   * A section stored deflated. For what is copied at load anyway: counters of a field few terms occur in
   * (a title's, the entity field's) are mostly zeros, and the figure columns repeat units and values;
   * deflated, the laws' 4.6 MB of them take 0.5 MB and inflate in a few milliseconds. Postings and stored records,
   * which a loaded index reads in place, are never deflated this way.
   */
  deflated(section: ArrayBufferView): void {
    this.bytes(deflateRawSync(new Uint8Array(section.buffer, section.byteOffset, section.byteLength), { level: DEFLATED_SECTION_LEVEL }))
  }

  deflatedJson(value: unknown): void {
    this.deflated(new TextEncoder().encode(JSON.stringify(value)))
  }

  finish(): Uint8Array {
    const bytes = this.buffer.toBytes()
    const payload = bytes.subarray(HEADER_LENGTH)
    const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_LENGTH)
    MAGIC.forEach((byte, i) => view.setUint8(i, byte))
    view.setUint32(4, FORMAT_VERSION, true)
    view.setUint32(8, payload.length % TWO_TO_THE_32, true)
    view.setUint32(12, Math.floor(payload.length / TWO_TO_THE_32), true)
    view.setUint32(16, crc32(payload), true)
    return bytes
  }
}

export class SectionReader {
  private offset = HEADER_LENGTH
  private readonly view: DataView
  /** The format version of the data being read. */
  readonly version: number

  /** Checks magic, version, length and checksum; throws a ZhsearchError naming which failed. */
  constructor(private readonly data: Uint8Array) {
    if (!(data instanceof Uint8Array)) throw new ZhsearchError('NOT_AN_INDEX', 'expected the bytes of a zhsearch index (a Uint8Array)')
    if (data.length < MAGIC.length || MAGIC.some((byte, i) => data[i] !== byte)) {
      throw new ZhsearchError('NOT_AN_INDEX', 'not a zhsearch index: the file does not start with the "ZHSI" signature')
    }
    if (data.length < HEADER_LENGTH) throw new ZhsearchError('TRUNCATED_INDEX', `index truncated: ${data.length} bytes is shorter than the header`)
    if (data.byteOffset % 4 !== 0) this.data = data = data.slice()
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength)
    const version = this.view.getUint32(4, true)
    if (!READABLE_VERSIONS.includes(version)) {
      throw new ZhsearchError('UNSUPPORTED_VERSION', `index format version ${version} is not supported (this build reads versions ${READABLE_VERSIONS.join(', ')})`, { version })
    }
    this.version = version
    const length = this.view.getUint32(8, true) + this.view.getUint32(12, true) * TWO_TO_THE_32
    const actual = data.length - HEADER_LENGTH
    if (actual < length) throw new ZhsearchError('TRUNCATED_INDEX', `index truncated: ${actual} of ${length} payload bytes present`, { expected: length, actual })
    if (actual > length) throw new ZhsearchError('CORRUPT_INDEX', `index corrupt: ${actual - length} unexpected bytes after the payload`)
    const checksum = this.view.getUint32(16, true)
    if (crc32(data.subarray(HEADER_LENGTH)) !== checksum) throw new ZhsearchError('CORRUPT_INDEX', 'index corrupt: checksum mismatch')
  }

  bytes(): Uint8Array {
    if (this.offset + 4 > this.data.length) throw new ZhsearchError('CORRUPT_INDEX', 'index corrupt: a section is missing')
    const length = this.view.getUint32(this.offset, true)
    const start = this.offset + 4
    if (start + length > this.data.length) throw new ZhsearchError('CORRUPT_INDEX', 'index corrupt: a section overruns the file')
    this.offset = start + length
    while (this.offset % 4 !== 0) this.offset++
    return this.data.subarray(start, start + length)
  }

  int32(): Int32Array {
    const bytes = this.bytes()
    if (bytes.length % 4 !== 0) throw new ZhsearchError('CORRUPT_INDEX', 'index corrupt: an integer section has a partial value')
    return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4)
  }

  /** A section written by {@link SectionWriter.deflated}, inflated into bytes of its own. */
  inflatedBytes(): Uint8Array {
    const stored = this.bytes()
    let inflated: Buffer
    try {
      // Deflate expands at most 1032-fold: a larger output is a forged section, refused before it fills memory.
      inflated = inflateRawSync(stored, { maxOutputLength: stored.length * MAX_DEFLATE_RATIO + 1024 })
    } catch {
      throw new ZhsearchError('CORRUPT_INDEX', 'index corrupt: a compressed section does not inflate')
    }
    // A large output has a memory block of its own, used as it is; a small one may sit at any offset of
    // Node's shared pool, and is copied so that typed views of it are aligned and own their memory.
    const ownsItsMemory = inflated.byteOffset === 0 && inflated.buffer.byteLength === inflated.byteLength
    return ownsItsMemory ? new Uint8Array(inflated.buffer, 0, inflated.byteLength) : new Uint8Array(inflated)
  }

  inflatedInt32(): Int32Array {
    const bytes = this.inflatedValues(Int32Array.BYTES_PER_ELEMENT, 'an integer')
    return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / Int32Array.BYTES_PER_ELEMENT)
  }

  inflatedFloat64(): Float64Array {
    const bytes = this.inflatedValues(Float64Array.BYTES_PER_ELEMENT, 'a number')
    return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / Float64Array.BYTES_PER_ELEMENT)
  }

  /**
   * An inflated section of whole values `width` bytes wide. Its bytes start at offset 0 of a buffer of
   * their own (see {@link inflatedBytes}), so a typed view of them is aligned.
   */
  private inflatedValues(width: number, what: string): Uint8Array {
    const bytes = this.inflatedBytes()
    if (bytes.length % width !== 0) throw new ZhsearchError('CORRUPT_INDEX', `index corrupt: ${what} section has a partial value`)
    return bytes
  }

  inflatedJson(): unknown {
    return this.parseJson(this.inflatedBytes())
  }

  json(): unknown {
    return this.parseJson(this.bytes())
  }

  private parseJson(bytes: Uint8Array): unknown {
    try {
      return JSON.parse(new TextDecoder().decode(bytes))
    } catch (error) {
      if (error instanceof ZhsearchError) throw error
      throw new ZhsearchError('CORRUPT_INDEX', 'index corrupt: a metadata section is not valid JSON')
    }
  }

  get atEnd(): boolean {
    return this.offset >= this.data.length
  }
}
