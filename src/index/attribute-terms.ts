/**
 * Filterable attributes (the engine's `filterFields`: a law's category, region or year) as terms of a
 * hidden field, as entity filters are: `category=法律` is an ordinary posting list, so filtering by it
 * reads one list, a removed document drops out like any other, and the saved index carries it with no
 * section of its own. Values are compared as text after NFKC (full-width → half-width) and trimming.
 */
export const ATTRIBUTE_FIELD = '@attributes'

/** What an attribute may hold: one value or a list of them. */
export type AttributeValue = string | number | boolean

/** A value as it is compared: `2024`, `'2024'` and `'２０２４'` are the same value. */
export function attributeText(value: AttributeValue): string {
  return String(value).normalize('NFKC').trim()
}

/** The hidden-field term of one value of one attribute. */
export function attributeTerm(field: string, value: AttributeValue): string {
  return `${field}=${attributeText(value)}`
}

/** The hidden-field terms of a document's attributes (a list gives a term per distinct item; empty text gives none). */
export function attributeTerms(fields: readonly string[], record: Readonly<Record<string, unknown>>): string[] {
  const terms = new Set<string>()
  for (const field of fields) {
    const value = record[field]
    for (const item of Array.isArray(value) ? value : [value]) {
      if (typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') continue
      if (attributeText(item) !== '') terms.add(attributeTerm(field, item))
    }
  }
  return [...terms]
}

/** The attribute and value of a hidden-field term, or undefined for a term of another kind. */
export function parseAttributeTerm(term: string): { field: string; value: string } | undefined {
  const at = term.indexOf('=')
  return at > 0 ? { field: term.slice(0, at), value: term.slice(at + 1) } : undefined
}
