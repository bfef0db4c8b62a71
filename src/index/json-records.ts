import { ByteBuffer } from './byte-buffer'

/**
 * One JSON value per document number, kept as UTF-8 in one byte array and parsed only when read:
 * a large corpus costs its UTF-8 size, and a saved index loads without parsing them.
 */
export class JsonRecords {
  private bytes = new ByteBuffer(1 << 16)
  private offsets: Int32Array = new Int32Array(1024 + 1)
  private count = 0

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
    this.bytes.writeString(JSON.stringify(value) ?? 'null')
    this.count++
    this.offsets[this.count] = this.bytes.length
  }

  get(index: number): unknown {
    if (index < 0 || index >= this.count) return undefined
    const slice = this.bytes.bytes.subarray(this.offsets[index]!, this.offsets[index + 1]!)
    return JSON.parse(DECODER.decode(slice))
  }

  snapshot(): { bytes: Uint8Array; offsets: Int32Array } {
    return { bytes: this.bytes.view(), offsets: this.offsets.subarray(0, this.count + 1) }
  }

  static restore(bytes: Uint8Array, offsets: Int32Array): JsonRecords {
    const records = new JsonRecords()
    records.bytes = new ByteBuffer(Math.max(bytes.length, 64))
    records.bytes.writeBytes(bytes)
    records.offsets = new Int32Array(Math.max(offsets.length, 2))
    records.offsets.set(offsets)
    records.count = Math.max(offsets.length - 1, 0)
    return records
  }
}

const DECODER = new TextDecoder()
