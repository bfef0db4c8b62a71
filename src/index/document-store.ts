import { ByteBuffer } from './byte-buffer'

/**
 * Stored fields and ids, by internal document number. Each document's stored fields are kept as one
 * UTF-8 JSON record in a shared byte array and decoded only when a hit needs them, so a large corpus
 * costs its UTF-8 size (not twice that as JS strings) and a saved index loads without parsing them.
 */
export type StoredFields = Record<string, unknown>

export class DocumentStore {
  private records = new ByteBuffer(1 << 16)
  private recordOffsets: Int32Array = new Int32Array(1024 + 1)
  private ids: (string | undefined)[] = []
  private numberById = new Map<string, number>()
  private deletedFlags: Uint8Array = new Uint8Array(1024)
  private live = 0

  /** Documents ever added, deleted ones included: the next document number. */
  get capacity(): number {
    return this.ids.length
  }

  /** Documents currently indexed. */
  get size(): number {
    return this.live
  }

  numberOf(id: string): number | undefined {
    return this.numberById.get(id)
  }

  idOf(doc: number): string | undefined {
    return this.ids[doc]
  }

  isDeleted(doc: number): boolean {
    return this.deletedFlags[doc] === 1
  }

  /** Stores a document and returns its number. */
  add(id: string, fields: StoredFields): number {
    const doc = this.ids.length
    this.ensure(doc + 1)
    this.recordOffsets[doc] = this.records.length
    this.records.writeString(JSON.stringify(fields))
    this.recordOffsets[doc + 1] = this.records.length
    this.ids.push(id)
    this.numberById.set(id, doc)
    this.live++
    return doc
  }

  /** Marks a document deleted; its postings are skipped by search and dropped when the index is saved. */
  delete(doc: number): void {
    const id = this.ids[doc]
    if (id === undefined || this.deletedFlags[doc] === 1) return
    this.deletedFlags[doc] = 1
    this.numberById.delete(id)
    this.live--
  }

  fields(doc: number): StoredFields {
    const bytes = this.records.bytes.subarray(this.recordOffsets[doc]!, this.recordOffsets[doc + 1]!)
    return Object.assign(Object.create(null) as StoredFields, JSON.parse(DECODER.decode(bytes)) as StoredFields)
  }

  /** Live documents in increasing number. */
  *liveDocuments(): Generator<number> {
    for (let doc = 0; doc < this.ids.length; doc++) if (this.deletedFlags[doc] !== 1) yield doc
  }

  /** The raw state, for persistence. */
  snapshot(): { ids: (string | undefined)[]; records: Uint8Array; offsets: Int32Array } {
    return { ids: this.ids.map((id, doc) => (this.deletedFlags[doc] === 1 ? undefined : id)), records: this.records.view(), offsets: this.recordOffsets.subarray(0, this.ids.length + 1) }
  }

  /** Rebuilds a store from {@link snapshot} parts; `undefined` ids are deleted documents. */
  static restore(ids: (string | undefined)[], records: Uint8Array, offsets: Int32Array): DocumentStore {
    const store = new DocumentStore()
    store.ids = ids
    store.records = new ByteBuffer(Math.max(records.length, 64))
    store.records.writeBytes(records)
    store.recordOffsets = new Int32Array(Math.max(offsets.length, 2))
    store.recordOffsets.set(offsets)
    store.deletedFlags = new Uint8Array(Math.max(ids.length, 1))
    ids.forEach((id, doc) => {
      if (id === undefined) store.deletedFlags[doc] = 1
      else {
        store.numberById.set(id, doc)
        store.live++
      }
    })
    return store
  }

  private ensure(count: number): void {
    if (count + 1 > this.recordOffsets.length) {
      const grown = new Int32Array(this.recordOffsets.length * 2)
      grown.set(this.recordOffsets)
      this.recordOffsets = grown
    }
    if (count > this.deletedFlags.length) {
      const grown = new Uint8Array(this.deletedFlags.length * 2)
      grown.set(this.deletedFlags)
      this.deletedFlags = grown
    }
  }
}

const DECODER = new TextDecoder()
