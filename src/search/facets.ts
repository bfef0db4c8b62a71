import { placeGazetteer, type PlaceLevel } from '../entities'
import { ATTRIBUTE_FIELD, ENTITY_FIELD, parseAttributeTerm, type InvertedIndex } from '../index/index'

/** One facet value and how many matching documents carry it. */
export interface FacetCount {
  value: string
  /** Division code, for places. */
  code?: string
  count: number
}

/** Facets of entities; the engine's `filterFields` are facets too. */
export const ENTITY_FACETS = ['city', 'program', 'person', 'org'] as const
export type FacetName = (typeof ENTITY_FACETS)[number]

/** Code length of each place level, as the gazetteer writes codes. */
const CODE_LENGTH: Record<PlaceLevel, number> = { province: 2, prefecture: 4, county: 6, township: 9 }
/** Facet values returned per facet, most frequent first. */
export const MAX_FACET_VALUES = 30

/**
 * Counts, among `matching` documents, each value of the requested facets: entity facets (places at one
 * level) and attributes (`filterFields`), most frequent first.
 */
export function countFacets(index: InvertedIndex, matching: ReadonlySet<number>, names: readonly string[], level: PlaceLevel): Record<string, FacetCount[]> {
  const result: Record<string, FacetCount[]> = Object.create(null) as Record<string, FacetCount[]>
  for (const name of names) result[name] = []
  countEntityFacets(index, matching, names.filter((name): name is FacetName => (ENTITY_FACETS as readonly string[]).includes(name)), level, result)
  countAttributeFacets(index, matching, names, result)
  for (const name of names) result[name] = result[name]!.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, MAX_FACET_VALUES)
  return result
}

/** Matching documents among a term's postings in one field. */
function countIn(index: InvertedIndex, termId: number, field: number, matching: ReadonlySet<number>): number {
  let count = 0
  index.forEachPosting(termId, field, (doc) => {
    if (matching.has(doc)) count++
  })
  return count
}

function countAttributeFacets(index: InvertedIndex, matching: ReadonlySet<number>, names: readonly string[], result: Record<string, FacetCount[]>): void {
  const field = index.fieldNames.indexOf(ATTRIBUTE_FIELD)
  if (field < 0 || matching.size === 0) return
  const wanted = new Set(names)
  index.terms.forEach((term, termId) => {
    const attribute = parseAttributeTerm(term)
    if (!attribute || !wanted.has(attribute.field)) return
    const count = countIn(index, termId, field, matching)
    if (count > 0) result[attribute.field]!.push({ value: attribute.value, count })
  })
}

function countEntityFacets(index: InvertedIndex, matching: ReadonlySet<number>, names: readonly FacetName[], level: PlaceLevel, result: Record<string, FacetCount[]>): void {
  const field = index.fieldNames.indexOf(ENTITY_FIELD)
  if (field < 0 || names.length === 0 || matching.size === 0) return
  const wanted = new Set<string>(names)
  index.terms.forEach((term, termId) => {
    const colon = term.indexOf(':')
    const kind = term.slice(0, colon)
    if (colon < 0 || !wanted.has(kind)) return
    const value = term.slice(colon + 1)
    if (kind === 'city' && value.length !== CODE_LENGTH[level]) return
    const count = countIn(index, termId, field, matching)
    if (count === 0) return
    if (kind === 'city') result.city!.push({ value: placeGazetteer.byCode(value)?.name ?? value, code: value, count })
    else result[kind]!.push({ value, count })
  })
}
