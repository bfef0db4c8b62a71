/**
 * A growable byte array with LEB128 varint writes: the storage behind posting lists, the document
 * store and the file format. Typed arrays instead of arrays of objects keep the index a few bytes a posting.
 */
/** Above this capacity a buffer grows by {@link LARGE_GROWTH_FACTOR} instead of doubling. */
const LARGE_BUFFER_BYTES = 1 << 20
const LARGE_GROWTH_FACTOR = 1.125

export class ByteBuffer {
  bytes: Uint8Array
  length = 0

  constructor(initialCapacity = 64) {
    this.bytes = new Uint8Array(initialCapacity)
  }

  /**
   * A buffer holding `bytes` without copying them. It is full, so the next write moves everything to a
   * new array first: `bytes` itself is never written to.
   */
  static wrap(bytes: Uint8Array): ByteBuffer {
    const buffer = new ByteBuffer(0)
    buffer.bytes = bytes
    buffer.length = bytes.length
    return buffer
  }

  private ensure(extra: number): void {
    const needed = this.length + extra
    if (needed <= this.bytes.length) return
    // Doubling while small; past a megabyte an eighth more at a time, so a large store (the laws' stored
    // documents are 19 MB) wastes at most a ninth of its size instead of up to a half. The copying stays
    // linear: about nine times the final size in all.
    const factor = this.bytes.length < LARGE_BUFFER_BYTES ? 2 : LARGE_GROWTH_FACTOR
    const capacity = Math.max(needed, Math.ceil(this.bytes.length * factor))
    const grown = new Uint8Array(capacity)
    grown.set(this.bytes.subarray(0, this.length))
    this.bytes = grown
  }

  writeVarint(value: number): void {
    this.ensure(5)
    let v = value >>> 0
    while (v >= 0x80) {
      this.bytes[this.length++] = (v & 0x7f) | 0x80
      v >>>= 7
    }
    this.bytes[this.length++] = v
  }

  writeBytes(source: Uint8Array): void {
    this.ensure(source.length)
    this.bytes.set(source, this.length)
    this.length += source.length
  }

  /**
   * Appends `source[start, end)`. Byte by byte: most ranges copied this way are a few bytes (one
   * posting's positions), where a subarray to `set` from would cost more than the copy.
   */
  copyRange(source: Uint8Array, start: number, end: number): void {
    this.ensure(end - start)
    const bytes = this.bytes
    let length = this.length
    for (let i = start; i < end; i++) bytes[length++] = source[i]!
    this.length = length
  }

  writeUint32(value: number): void {
    this.ensure(4)
    new DataView(this.bytes.buffer, this.bytes.byteOffset).setUint32(this.length, value >>> 0, true)
    this.length += 4
  }

  /** Writes a string as UTF-8 and returns its byte length. */
  writeString(text: string): number {
    this.ensure(text.length * 3)
    const { written } = ENCODER.encodeInto(text, this.bytes.subarray(this.length))
    this.length += written
    return written
  }

  /** The written bytes (a view, not a copy). */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length)
  }

  /** The written bytes in an array of exactly their size. */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length)
  }
}

const ENCODER = new TextEncoder()

/** The bytes {@link ByteBuffer.writeVarint} takes for `value`. */
export function varintByteLength(value: number): number {
  let length = 1
  for (let v = value >>> 0; v >= 0x80; v >>>= 7) length++
  return length
}

/** A reading position over bytes written by {@link ByteBuffer}. */
export class ByteReader {
  offset: number

  constructor(
    readonly bytes: Uint8Array,
    offset = 0,
    readonly end = bytes.length,
  ) {
    this.offset = offset
  }

  readVarint(): number {
    let result = 0
    let shift = 0
    for (;;) {
      // Past the end reads as 0, which ends the number: damaged data can give wrong values, never a hang.
      const byte = this.bytes[this.offset++] ?? 0
      result |= (byte & 0x7f) << shift
      if (byte < 0x80) return result >>> 0
      shift += 7
    }
  }

  /** The byte length of the varint at the reading position, without reading it. */
  varintLength(): number {
    let length = 1
    // Past the end reads as 0, which ends the number, as in readVarint.
    while ((this.bytes[this.offset + length - 1] ?? 0) >= 0x80) length++
    return length
  }

  get done(): boolean {
    return this.offset >= this.end
  }
}
