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

/** Whether a facet name is one of the entity facets (else it names a filter field). */
export const isEntityFacet = (name: string): name is FacetName => (ENTITY_FACETS as readonly string[]).includes(name)

/**
 * Counts, among `matching` documents, each value of the requested facets: entity facets (places at one
 * level) and attributes (`filterFields`), most frequent first. One pass over the vocabulary serves both.
 */
export function countFacets(index: InvertedIndex, matching: ReadonlySet<number>, names: readonly string[], level: PlaceLevel): Record<string, FacetCount[]> {
  const result: Record<string, FacetCount[]> = Object.create(null) as Record<string, FacetCount[]>
  for (const name of names) result[name] = []
  const fields = { entity: index.fieldNames.indexOf(ENTITY_FIELD), attribute: index.fieldNames.indexOf(ATTRIBUTE_FIELD) }
  const wanted: WantedFacets = { entities: new Set(names.filter(isEntityFacet)), attributes: new Set(names.filter((name) => !isEntityFacet(name))), level }
  if (matching.size > 0 && names.length > 0) {
    index.terms.forEach((term, termId) => {
      const facet = facetOfTerm(term, wanted)
      const field = facet ? fields[facet.kind] : -1
      if (!facet || field < 0) return
      let count = 0
      index.forEachPosting(termId, field, (doc) => {
        if (matching.has(doc)) count++
      })
      if (count > 0) result[facet.name]!.push(facet.code === undefined ? { value: facet.value, count } : { value: facet.value, code: facet.code, count })
    })
  }
  for (const name of names) result[name] = result[name]!.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, MAX_FACET_VALUES)
  return result
}

interface WantedFacets {
  entities: ReadonlySet<string>
  attributes: ReadonlySet<string>
  level: PlaceLevel
}

/**
 * The requested facet a hidden-field term counts for, with its value: `city:140700` (a place at the
 * wanted level, by its name) or `program:千县工程` in the entity field, `category=法律` in the attribute field.
 */
function facetOfTerm(term: string, wanted: WantedFacets): { kind: 'entity' | 'attribute'; name: string; value: string; code?: string } | undefined {
  const colon = term.indexOf(':')
  const kind = term.slice(0, colon)
  if (colon >= 0 && wanted.entities.has(kind)) {
    const value = term.slice(colon + 1)
    if (kind !== 'city') return { kind: 'entity', name: kind, value }
    if (value.length !== CODE_LENGTH[wanted.level]) return undefined
    return { kind: 'entity', name: kind, value: placeGazetteer.byCode(value)?.name ?? value, code: value }
  }
  const attribute = wanted.attributes.size > 0 ? parseAttributeTerm(term) : undefined
  return attribute && wanted.attributes.has(attribute.field) ? { kind: 'attribute', name: attribute.field, value: attribute.value } : undefined
}
