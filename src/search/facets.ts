import { placeGazetteer, type PlaceLevel } from '../entities'
import { ENTITY_FIELD, type InvertedIndex } from '../index/index'

/** One facet value and how many matching documents carry it. */
export interface FacetCount {
  value: string
  /** Division code, for places. */
  code?: string
  count: number
}

export type FacetName = 'city' | 'program' | 'person' | 'org'

/** Code length of each place level, as the gazetteer writes codes. */
const CODE_LENGTH: Record<PlaceLevel, number> = { province: 2, prefecture: 4, county: 6, township: 9 }
/** Facet values returned per facet, most frequent first. */
export const MAX_FACET_VALUES = 30

/** Counts, among `matching` documents, each value of the requested entity facets (places at one level). */
export function countFacets(index: InvertedIndex, matching: ReadonlySet<number>, names: readonly FacetName[], level: PlaceLevel): Record<string, FacetCount[]> {
  const field = index.fieldNames.indexOf(ENTITY_FIELD)
  const result: Record<string, FacetCount[]> = {}
  for (const name of names) result[name] = []
  if (field < 0 || names.length === 0 || matching.size === 0) return result
  const wanted = new Set<string>(names)
  index.terms.forEach((term, termId) => {
    const colon = term.indexOf(':')
    const kind = term.slice(0, colon)
    if (colon < 0 || !wanted.has(kind)) return
    const value = term.slice(colon + 1)
    if (kind === 'city' && value.length !== CODE_LENGTH[level]) return
    let count = 0
    index.forEachPosting(termId, field, (doc) => {
      if (matching.has(doc)) count++
    })
    if (count === 0) return
    if (kind === 'city') result.city!.push({ value: placeGazetteer.byCode(value)?.name ?? value, code: value, count })
    else result[kind]!.push({ value, count })
  })
  for (const name of names) result[name] = result[name]!.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, MAX_FACET_VALUES)
  return result
}
