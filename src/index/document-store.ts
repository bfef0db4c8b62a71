import { JsonRecords } from './json-records'

/**
 * Stored fields and ids, by internal document number. Each document's stored fields are kept as one
 * UTF-8 JSON record in a shared byte array and decoded only when a hit needs them, so a large corpus
 * costs its UTF-8 size (not twice that as JS strings) and a saved index loads without parsing them.
 */
export type StoredFields = Record<string, unknown>

/** One document's stored fields, read lazily: a long text is inflated only as far as it is read. */
export interface StoredDocument {
  /** Every stored field, as {@link DocumentStore.fields} returns them. */
  fields(): StoredFields
  /** The length of a text field, or undefined when the stored value is not a string. */
  textLength(name: string): number | undefined
  /** Characters [from, to) of a text field ('' when the stored value is not a string). */
  textSlice(name: string, from: number, to: number): string
}

/** A record as stored fields: a copy without a prototype, so a field named like an Object method reads as stored. */
function asFields(record: unknown): StoredFields {
  return Object.assign(Object.create(null) as StoredFields, record as StoredFields)
}

function openDocument(records: JsonRecords, doc: number): StoredDocument | undefined {
  const record = records.open(doc)
  if (!record) return undefined
  return {
    fields: () => asFields(record.value()),
    textLength: (name) => record.textLength(name),
    textSlice: (name, from, to) => record.textSlice(name, from, to),
  }
}

export class DocumentStore {
  private records = new JsonRecords()
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
    this.records.push(fields)
    this.ids.push(id)
    this.numberById.set(id, doc)
    this.live++
    return doc
  }

  /** Marks a document deleted. Its record stays until {@link dropDeletedRecords}; its postings are skipped by search. */
  delete(doc: number): void {
    const id = this.ids[doc]
    if (id === undefined || this.deletedFlags[doc] === 1) return
    this.deletedFlags[doc] = 1
    this.numberById.delete(id)
    this.live--
  }

  fields(doc: number): StoredFields {
    return asFields(this.records.get(doc))
  }

  /** A document's stored fields for reading part of a long text (a snippet) without decoding the rest. */
  document(doc: number): StoredDocument | undefined {
    return openDocument(this.records, doc)
  }

  /**
   * Opens documents in the records as they are now, even after {@link dropDeletedRecords}: a page of
   * hits reads its documents when first asked, and shows them as they were found.
   */
  documentsAsOfNow(): (doc: number) => StoredDocument | undefined {
    const records = this.records
    return (doc) => openDocument(records, doc)
  }

  /** Deleted documents whose records are still held: none once {@link dropDeletedRecords} has run. */
  deletedWithRecords(): number {
    let count = 0
    for (let doc = 0; doc < this.ids.length; doc++) if (this.deletedFlags[doc] === 1 && this.records.holds(doc)) count++
    return count
  }

  /** Frees the records of deleted documents (a copy: see {@link documentsAsOfNow}). Numbers stay. */
  dropDeletedRecords(): void {
    this.records = this.records.withoutRecords((doc) => this.deletedFlags[doc] === 1)
  }

  /** Live documents in increasing number. */
  *liveDocuments(): Generator<number> {
    for (let doc = 0; doc < this.ids.length; doc++) if (this.deletedFlags[doc] !== 1) yield doc
  }

  /** The raw state, for persistence. */
  snapshot(): { ids: (string | undefined)[]; records: Uint8Array; offsets: Int32Array } {
    const { bytes, offsets } = this.records.snapshot()
    return { ids: this.ids.map((id, doc) => (this.deletedFlags[doc] === 1 ? undefined : id)), records: bytes, offsets }
  }

  /** Rebuilds a store from {@link snapshot} parts; `undefined` ids are deleted documents. */
  static restore(ids: (string | undefined)[], records: Uint8Array, offsets: Int32Array, markers = true): DocumentStore {
    const store = new DocumentStore()
    store.ids = ids
    store.records = JsonRecords.restore(records, offsets, markers)
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
    if (count > this.deletedFlags.length) {
      const grown = new Uint8Array(this.deletedFlags.length * 2)
      grown.set(this.deletedFlags)
      this.deletedFlags = grown
    }
  }
}
