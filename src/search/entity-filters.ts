import { canonicalProgram, placeGazetteer, resolvePlaceQuery } from '../entities'
import { ATTRIBUTE_FIELD, ENTITY_FIELD, attributeTerm, type AttributeValue, type EntityIndex, type InvertedIndex } from '../index/index'
import type { EntityFilter } from '../query'
import type { ResolvedSearchOptions } from './options'

/**
 * Entity filters (`{ city: '晋中' }` in options, `city:晋中` in a query) as sets of documents. A place
 * filter matches the place and everything inside it, because each place mention is indexed with its
 * ancestors' codes.
 */
export interface FilterContext {
  index: InvertedIndex
  entities: EntityIndex
}

function postingsDocs(context: FilterContext, term: string, hiddenField = ENTITY_FIELD): Set<number> {
  const docs = new Set<number>()
  const termId = context.index.termId(term)
  const field = context.index.fieldNames.indexOf(hiddenField)
  if (termId === undefined || field < 0) return docs
  context.index.forEachPosting(termId, field, (doc) => {
    docs.add(doc)
  })
  return docs
}

/** Place codes a filter value names: a name or short name (晋中, 晋中市), or a division code. */
export function placeCodes(value: string): string[] {
  const byName = resolvePlaceQuery(value).map((place) => place.code)
  if (byName.length > 0) return byName
  return placeGazetteer.byCode(value) ? [value] : []
}

function documentsFor(context: FilterContext, filter: EntityFilter): Set<number> {
  switch (filter.key) {
    case 'city':
      return union(placeCodes(filter.value).map((code) => postingsDocs(context, `city:${code}`)))
    case 'program': {
      const canonical = canonicalProgram(filter.value)
      return union([postingsDocs(context, `program:${filter.value}`), canonical ? postingsDocs(context, `program:${canonical}`) : new Set<number>()])
    }
    case 'figure':
      return context.entities.documentsWithFigure(filter.range ?? { unit: filter.value })
    default:
      return postingsDocs(context, `${filter.key}:${filter.value}`)
  }
}

function union(sets: Set<number>[]): Set<number> {
  const result = new Set<number>()
  for (const set of sets) for (const doc of set) result.add(doc)
  return result
}

/**
 * Filters in groups: a document must match one filter of every group (an options array such as
 * `city: ['山西', '山东']` is one group, either place will do; each filter of the query is a group).
 */
export type FilterGroups = EntityFilter[][]

/** The filters of the options object, in the parser's form. */
export function optionFilters(filter: ResolvedSearchOptions['filter']): FilterGroups {
  if (!filter) return []
  const groups: FilterGroups = []
  for (const key of ['city', 'program', 'person', 'org'] as const) {
    const value = filter[key]
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
    if (values.length > 0) groups.push(values.map((one) => ({ key, value: one, exclude: false })))
  }
  if (filter.figure) groups.push([{ key: 'figure', value: filter.figure.unit ?? '', exclude: false, range: filter.figure }])
  return groups
}

/** An exact-value filter on a filter field (the `where` option): any of the values will do. */
export interface AttributeFilter {
  field: string
  values: readonly AttributeValue[]
}

/**
 * Which documents the filters allow: `allowed` is undefined when no including filter is given;
 * excluded documents are listed apart. Attribute filters narrow like filter groups.
 */
export function applyFilters(context: FilterContext, groups: FilterGroups, attributes: readonly AttributeFilter[] = []): { allowed?: Set<number>; excluded: Set<number> } {
  let allowed: Set<number> | undefined
  const excluded = new Set<number>()
  const narrow = (docs: Set<number>) => (allowed = allowed ? new Set([...allowed].filter((doc) => docs.has(doc))) : docs)
  for (const { field, values } of attributes) narrow(union(values.map((value) => postingsDocs(context, attributeTerm(field, value), ATTRIBUTE_FIELD))))
  for (const group of groups) {
    const including = group.filter((filter) => !filter.exclude)
    for (const filter of group) if (filter.exclude) for (const doc of documentsFor(context, filter)) excluded.add(doc)
    if (including.length > 0) narrow(union(including.map((filter) => documentsFor(context, filter))))
  }
  return allowed ? { allowed, excluded } : { excluded }
}
