/**
 * The one error type zhsearch throws. Callers branch on `code`, which is stable across versions;
 * `message` is for people and may be reworded. `details` names what was at fault (a document id,
 * a field, a file path) so that a caller can report it without parsing the message.
 *
 * @example
 * try { engine.add(doc) } catch (e) {
 *   if (e instanceof ZhsearchError && e.code === 'DUPLICATE_ID') engine.update(doc)
 * }
 */
export const ERROR_CODES = {
  /** Options given to a constructor or a call do not match their schema. */
  INVALID_OPTIONS: 'options do not match their schema',
  /** A document is not an object, lacks an id, or has a field of the wrong type. */
  INVALID_DOCUMENT: 'a document is malformed',
  /** `add` was given an id that is already indexed (use `update` to replace it). */
  DUPLICATE_ID: 'a document with this id is already indexed',
  /** `remove`/`update` named an id that is not indexed. */
  UNKNOWN_ID: 'no document with this id is indexed',
  /** A change (add, update, remove) was attempted while `addAllAsync` is still indexing. */
  ENGINE_BUSY: 'the engine is still indexing a batch in the background',
  /** A query is not a string, or a search option is out of range. */
  INVALID_QUERY: 'a query or its options are malformed',
  /** A file or buffer is not a zhsearch index at all (wrong magic bytes). */
  NOT_AN_INDEX: 'the data is not a zhsearch index',
  /** An index written by a format version this build cannot read. */
  UNSUPPORTED_VERSION: 'the index format version is not supported',
  /** An index whose bytes end before the length its header declares. */
  TRUNCATED_INDEX: 'the index data is truncated',
  /** An index whose checksum does not match its contents. */
  CORRUPT_INDEX: 'the index data is corrupt',
  /** A file could not be read or written. */
  IO_ERROR: 'a file could not be read or written',
  /** A dictionary file is missing or malformed. */
  INVALID_DICTIONARY: 'a dictionary file is missing or malformed',
  /** An input corpus file or directory could not be parsed. */
  INVALID_CORPUS: 'a corpus file could not be parsed',
} as const

export type ZhsearchErrorCode = keyof typeof ERROR_CODES

export class ZhsearchError extends Error {
  readonly code: ZhsearchErrorCode
  readonly details: Readonly<Record<string, unknown>>

  constructor(code: ZhsearchErrorCode, message?: string, details: Record<string, unknown> = {}) {
    super(message ?? ERROR_CODES[code])
    this.name = 'ZhsearchError'
    this.code = code
    this.details = details
  }
}
