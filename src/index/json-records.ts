import { deflateRawSync, inflateRawSync } from 'node:zlib'
import { ByteBuffer } from './byte-buffer'

/**
 * One JSON value per document number, kept as UTF-8 in one byte array and parsed only when read:
 * a saved index loads without parsing them. Records of {@link MIN_COMPRESSED_LENGTH} bytes or more are
 * deflated (Chinese text shrinks to about a third, at ~100 MB/s), so stored documents cost a third of
 * their UTF-8 size in memory and on disk; a hit inflates only its own record.
 *
 * Layout of a record: one marker byte (0 raw, 1 deflated) then the bytes. Format version 1 files had
 * no marker; {@link JsonRecords.restore} reads them with `markers: false`.
 */
const RAW = 0
const DEFLATED = 1
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
    const json = ENCODER.encode(JSON.stringify(value) ?? 'null')
    if (json.length >= MIN_COMPRESSED_LENGTH) {
      this.bytes.writeVarint(DEFLATED)
      this.bytes.writeBytes(deflateRawSync(json, { level: COMPRESSION_LEVEL }))
    } else {
      this.bytes.writeVarint(RAW)
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
    return JSON.parse(DECODER.decode(slice[0] === DEFLATED ? inflateRawSync(body) : body))
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
const ENCODER = new TextEncoder()
