import { ZhsearchError } from '../../errors'
import { DocumentStore } from '../document-store'
import { InvertedIndex } from '../inverted-index'
import { upgradeLegacyPostings } from '../field-postings'
import { SectionReader, SectionWriter } from './index-file'

/**
 * Writes and reads an {@link InvertedIndex} with its {@link DocumentStore} in the sectioned container.
 * Section order: metadata JSON (the caller's, plus counts) · terms · document frequencies ·
 * per field (offsets, postings, field document frequencies, last documents, live frequencies, field lengths) ·
 * ids · stored records · record offsets · extra sections appended by the caller. Since version 7 every
 * section of this codec but the postings and the stored records is deflated ({@link SectionWriter.deflated}).
 */
export interface IndexParts {
  index: InvertedIndex
  store: DocumentStore
}

interface CodecMetadata {
  fieldNames: string[]
  termCount: number
  documentCapacity: number
  fieldLengthSums: number[]
  extra: unknown
}

const TERM_SEPARATOR = '\u0000'

export function encodeIndex(parts: IndexParts, extra: unknown, appendSections?: (writer: SectionWriter) => void): Uint8Array {
  const { index, store } = parts
  index.flush()
  const termCount = index.terms.length
  const snapshot = store.snapshot()
  const metadata: CodecMetadata = {
    fieldNames: [...index.fieldNames],
    termCount,
    documentCapacity: store.capacity,
    fieldLengthSums: [...index.fieldLengthSums],
    extra,
  }
  const writer = new SectionWriter()
  writer.deflatedJson(metadata)
  writer.deflated(new TextEncoder().encode(index.terms.join(TERM_SEPARATOR)))
  writer.deflated(index.docFrequency.subarray(0, termCount))
  index.fields.forEach((postings, field) => {
    const offsets = new Int32Array(termCount + 1)
    offsets.set(postings.offsets.subarray(0, Math.min(postings.offsets.length, termCount + 1)))
    offsets.fill(postings.offsets[postings.termCapacity]!, Math.min(postings.offsets.length, termCount + 1))
    writer.deflated(offsets)
    writer.bytes(postings.bytes.subarray(0, offsets[termCount]!))
    writer.deflated(fit(postings.docFrequency, termCount))
    writer.deflated(fit(postings.lastDoc, termCount))
    writer.deflated(fit(postings.liveFrequency, termCount))
    writer.deflated(fit(index.fieldLengths[field]!, store.capacity))
  })
  writer.deflatedJson(snapshot.ids.map((id) => id ?? null))
  writer.bytes(snapshot.records)
  writer.deflated(snapshot.offsets)
  appendSections?.(writer)
  return writer.finish()
}

function fit(array: Int32Array, length: number): Int32Array {
  if (array.length >= length) return array.subarray(0, length)
  const grown = new Int32Array(length)
  grown.set(array)
  return grown
}

function corrupt(what: string): never {
  throw new ZhsearchError('CORRUPT_INDEX', `index corrupt: ${what}`)
}

function isMetadata(value: unknown): value is CodecMetadata {
  const m = value as CodecMetadata
  return (
    typeof m === 'object' && m !== null && Array.isArray(m.fieldNames) && m.fieldNames.every((name) => typeof name === 'string') &&
    Number.isInteger(m.termCount) && m.termCount >= 0 && Number.isInteger(m.documentCapacity) && m.documentCapacity >= 0 &&
    Array.isArray(m.fieldLengthSums) && m.fieldLengthSums.length === m.fieldNames.length
  )
}

/** Reads what {@link encodeIndex} wrote. Structural damage that passed the checksum is still refused as CORRUPT_INDEX. */
export function decodeIndex(reader: SectionReader): IndexParts & { extra: unknown } {
  // Since version 7 everything but the postings and the stored records is deflated.
  const deflated = reader.version >= 7
  const json = () => (deflated ? reader.inflatedJson() : reader.json())
  const int32 = () => (deflated ? reader.inflatedInt32() : reader.int32())
  const metadata = json()
  if (!isMetadata(metadata)) corrupt('metadata has the wrong shape')
  const { termCount, documentCapacity } = metadata
  const termText = new TextDecoder().decode(deflated ? reader.inflatedBytes() : reader.bytes())
  const terms = termCount === 0 ? [] : termText.split(TERM_SEPARATOR)
  if (terms.length !== termCount) corrupt(`expected ${termCount} terms, found ${terms.length}`)
  const index = new InvertedIndex(metadata.fieldNames)
  const legacyFields: number[] = []
  const docFrequency = int32()
  if (docFrequency.length !== termCount) corrupt('document frequencies do not match the terms')
  index.restore(terms, docFrequency, metadata.fieldLengthSums)
  metadata.fieldNames.forEach((_, field) => {
    const offsets = int32()
    const bytes = reader.bytes()
    const fieldFrequency = int32()
    const lastDoc = int32()
    const liveFrequency = reader.version >= 4 ? int32() : undefined
    const lengths = int32()
    if (offsets.length !== termCount + 1 || offsets[termCount] !== bytes.length || fieldFrequency.length !== termCount || lastDoc.length !== termCount || lengths.length !== documentCapacity) {
      corrupt(`postings of field "${metadata.fieldNames[field]}" do not match the terms`)
    }
    for (let t = 0; t < termCount; t++) if (offsets[t]! > offsets[t + 1]!) corrupt('posting offsets are not increasing')
    const postings = reader.version >= 7 ? { bytes, offsets } : upgradeLegacyPostings(bytes, offsets, reader.version >= 3)
    if (liveFrequency && liveFrequency.length !== termCount) corrupt(`live frequencies of field "${metadata.fieldNames[field]}" do not match the terms`)
    // Files before version 4 kept no live counts; they are counted once the deleted documents are known.
    // The counters change in place as documents are added and removed: inflated, they are arrays of
    // their own, but before version 7 they were views of the caller's bytes and are copied. The postings
    // and offsets only ever grow into new arrays, so they stay views of the caller's bytes.
    const own = (counters: Int32Array) => (deflated ? counters : counters.slice())
    index.fields[field]!.replace(postings.bytes, postings.offsets, own(fieldFrequency), own(lastDoc), liveFrequency ? own(liveFrequency) : new Int32Array(termCount))
    if (!liveFrequency) legacyFields.push(field)
    index.fieldLengths[field] = own(lengths)
  })
  const ids = json()
  if (!Array.isArray(ids) || ids.length !== documentCapacity || ids.some((id) => id !== null && typeof id !== 'string')) corrupt('document ids are malformed')
  const records = reader.bytes()
  const offsets = int32()
  if (offsets.length !== documentCapacity + 1 || offsets[documentCapacity] !== records.length) corrupt('stored fields do not match the documents')
  const store = DocumentStore.restore((ids as (string | null)[]).map((id) => id ?? undefined), records, offsets, reader.version >= 2)
  for (const field of legacyFields) countLiveFrequencies(index, field, store)
  return { index, store, extra: metadata.extra }
}

function countLiveFrequencies(index: InvertedIndex, field: number, store: DocumentStore): void {
  const live = index.fields[field]!.liveFrequency
  for (let termId = 0; termId < index.terms.length; termId++) {
    let count = 0
    index.forEachPosting(termId, field, (doc) => {
      if (!store.isDeleted(doc)) count++
    })
    live[termId] = count
  }
}
