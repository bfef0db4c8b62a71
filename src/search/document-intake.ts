import { z } from 'zod'
import { ZhsearchError } from '../errors'
import { attributeValuesSchema, MAX_ATTRIBUTE_VALUES } from './options'

/** The largest text a single field may hold, in UTF-16 units (about 20 MB of Chinese): beyond it a document is refused, not truncated. */
export const MAX_FIELD_LENGTH = 10_000_000
/** The longest id accepted. */
export const MAX_ID_LENGTH = 1024

/** A document as given by the caller: an id, text fields, and anything else to store. */
export type Document = Record<string, unknown>

/** A validated document: its id as a string, its indexed texts in field order, and what to store. */
export interface AcceptedDocument {
  id: string
  texts: (string | undefined)[]
  stored: Record<string, unknown>
}

const idSchema = z.union([
  z.string().min(1, 'the id is empty').max(MAX_ID_LENGTH, `the id is longer than ${MAX_ID_LENGTH} characters`),
  z.number().finite('the id is not a finite number'),
])
const textSchema = z.union([z.string().max(MAX_FIELD_LENGTH, `longer than ${MAX_FIELD_LENGTH} characters`), z.number().finite(), z.null(), z.undefined()])

const attributeSchema = attributeValuesSchema.nullish()

function describeId(document: unknown, idField: string): string | undefined {
  if (document === null || typeof document !== 'object') return undefined
  const id = (document as Record<string, unknown>)[idField]
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined
}

/**
 * Validates one document against the engine's fields. Errors are `INVALID_DOCUMENT` and name the
 * document's id (when it has one) and the field at fault.
 */
export function acceptDocument(document: unknown, fields: readonly string[], idField: string, storeFields: readonly string[], filterFields: readonly string[] = []): AcceptedDocument {
  const id = describeId(document, idField)
  const fail = (message: string, field?: string): never => {
    throw new ZhsearchError('INVALID_DOCUMENT', `document ${id === undefined ? '(without id)' : JSON.stringify(id)}${field ? ` field "${field}"` : ''}: ${message}`, {
      id,
      field,
    })
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) return fail('a document must be an object')
  const record = document as Record<string, unknown>
  if (!Object.hasOwn(record, idField)) return fail(`missing its "${idField}"`)
  const idCheck = idSchema.safeParse(record[idField])
  if (!idCheck.success) return fail(idCheck.error.issues[0]!.message, idField)
  const stored: Record<string, unknown> = Object.create(null) as Record<string, unknown>
  const texts = fields.map((field) => {
    const value = Object.hasOwn(record, field) ? record[field] : undefined
    const check = textSchema.safeParse(value)
    if (!check.success) return fail(`expected text, got ${Array.isArray(value) ? 'an array' : typeof value}${check.error.issues[0]?.message.startsWith('longer') ? ' ' + check.error.issues[0]!.message : ''}`, field)
    if (value === null || value === undefined) return undefined
    const text = String(value)
    stored[field] = text
    return text
  })
  for (const field of storeFields) {
    if (!Object.hasOwn(record, field) || fields.includes(field)) continue
    const value = record[field]
    try {
      JSON.stringify(value)
    } catch {
      fail('cannot be stored (not JSON-serialisable)', field)
    }
    if (value !== undefined) stored[field] = value
  }
  for (const field of filterFields) {
    if (!Object.hasOwn(record, field)) continue
    const value = record[field]
    const check = attributeSchema.safeParse(value)
    if (!check.success) fail(`a filter field holds a string, number or boolean, or an array of at most ${MAX_ATTRIBUTE_VALUES} of them`, field)
    // An indexed field is stored as its text already.
    if (value !== undefined && value !== null && !fields.includes(field)) stored[field] = value
  }
  return { id: String(idCheck.data), texts, stored }
}
