import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { ZhsearchError } from '../errors'
import { ByteBuffer } from './byte-buffer'

/**
 * One JSON value per document number, kept in one byte array and parsed only when read: a saved index
 * loads without parsing them. Records are UTF-16LE, not UTF-8: for Chinese it is smaller (2 bytes a
 * character instead of 3), deflates smaller, and decodes almost for free, where decoding UTF-8 was the
 * costliest step of returning a long hit. Records of {@link MIN_COMPRESSED_LENGTH} bytes or more are
 * deflated (to under a third of the text's UTF-8 size), so a hit inflates only its own record.
 *
 * Layout of a record: one marker byte, then the bytes. Format version 1 files had no marker
 * ({@link JsonRecords.restore} reads them with `markers: false`); versions 2–4 wrote UTF-8 markers.
 */
const RAW_UTF8 = 0
const DEFLATED_UTF8 = 1
const RAW_UTF16 = 2
const DEFLATED_UTF16 = 3
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
    const json = Buffer.from(JSON.stringify(value) ?? 'null', 'utf16le')
    if (json.length >= MIN_COMPRESSED_LENGTH) {
      this.bytes.writeVarint(DEFLATED_UTF16)
      this.bytes.writeBytes(deflateRawSync(json, { level: COMPRESSION_LEVEL }))
    } else {
      this.bytes.writeVarint(RAW_UTF16)
      this.bytes.writeBytes(json)
    }
    this.count++
    this.offsets[this.count] = this.bytes.length
  }

  get(index: number): unknown {
    if (index < 0 || index >= this.count) return undefined
    const slice = this.bytes.bytes.subarray(this.offsets[index]!, this.offsets[index + 1]!)
    if (!this.markers) return JSON.parse(DECODER.decode(slice))
    const body = slice.subarray(1)
    switch (slice[0]) {
      case RAW_UTF16:
        return JSON.parse(Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf16le'))
      case DEFLATED_UTF16:
        return JSON.parse(inflateRawSync(body).toString('utf16le'))
      case RAW_UTF8:
        return JSON.parse(DECODER.decode(body))
      case DEFLATED_UTF8:
        return JSON.parse(DECODER.decode(inflateRawSync(body)))
      default:
        throw new ZhsearchError('CORRUPT_INDEX', `index corrupt: stored record ${index} has an unknown encoding`)
    }
  }

  snapshot(): { bytes: Uint8Array; offsets: Int32Array } {
    return { bytes: this.bytes.view(), offsets: this.offsets.subarray(0, this.count + 1) }
  }

  /** Rebuilds records from {@link snapshot} parts; `markers: false` for format version 1. */
  static restore(bytes: Uint8Array, offsets: Int32Array, markers = true): JsonRecords {
    const records = new JsonRecords()
    records.markers = markers
    records.bytes = new ByteBuffer(Math.max(bytes.length, 64))
    records.bytes.writeBytes(bytes)
    records.offsets = new Int32Array(Math.max(offsets.length, 2))
    records.offsets.set(offsets)
    records.count = Math.max(offsets.length - 1, 0)
    return records
  }
}

const DECODER = new TextDecoder()
