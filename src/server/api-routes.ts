import { recognizeEntities, type FieldEntityMention, type SearchEngine, type SearchOptions } from '../index'
import { HttpError } from './http-responses'

/**
 * The JSON endpoints. Parameters come from the query string; every number and length is bounded so
 * that one request cannot ask for unbounded work or output.
 *
 * GET /search?q=&limit=&offset=&city=&program=&person=&org=&where.<field>=&facets=city,program
 *   200 { query, rewrittenQuery?, total, offset, limit, tookMs,
 *         hits: [{ id, score, title?, snippet (HTML, matches in <mark>), snippetField?, fields,
 *                  entities: [{ type: city|program|person|org|figure, text, code?, count }] }],
 *         facets: { city: [{ value, code, count }], program: [{ value, count }], <field>: [{ value, count }] } }
 *   `where.category=法律` filters on one of the engine's filterFields (repeat it for any of several values);
 *   `facets` takes those fields' names too.
 *   `rewrittenQuery` is set when a query without Chinese found nothing and its pinyin did (changzhi → 长治).
 *   `fields` holds the other stored fields of 200 characters or less (long texts such as the body are left out).
 * GET /suggest?q=&limit=          200 { query, suggestions: [{ text, kind: term|title|phrase|entity, score }] }
 * GET /entities?text=             200 { text, entities: [{ type, text, start, end, canonical?, code?, level?, value?, unit? }] }
 * GET /health                     200 { status: "ok", documents, terms, uptimeMs }
 * Errors: { error: { code, message } } — 400 INVALID_QUERY, 404 NOT_FOUND, 405 METHOD_NOT_ALLOWED,
 * 413 PAYLOAD_TOO_LARGE, 414 URI_TOO_LONG, 500 INTERNAL (400 BAD_PATH for refused static paths).
 */

/** Longest `q` or `text` accepted, in characters: far beyond any typed query, small enough to bound analysis. */
export const MAX_QUERY_LENGTH = 1000
/** Most hits per page: a page of results, not an export. */
export const MAX_PAGE_SIZE = 100
export const DEFAULT_PAGE_SIZE = 10
/** Deepest offset: nobody pages past this, and ranking stays cheap. */
export const MAX_OFFSET = 10_000
/** Values per filter parameter (city=a&city=b …), each at most FILTER_VALUE_LENGTH characters. */
const MAX_FILTER_VALUES = 10
const FILTER_VALUE_LENGTH = 100
/** Stored fields longer than this (the body) stay out of hits: the snippet shows the part that matters. */
const MAX_RETURNED_FIELD_LENGTH = 200
const FILTER_NAMES = ['city', 'program', 'person', 'org'] as const
const FACET_NAMES = ['city', 'program', 'person', 'org'] as const
const DEFAULT_FACETS: FacetName[] = ['city', 'program']
/** `where.category=法律`: the prefix keeps filter field names apart from the endpoint's own parameters. */
const WHERE_PREFIX = 'where.'
/** Filter fields one request may name in `where.`. */
const MAX_WHERE_FIELDS = 10
/** Entity chips per hit, and how many of them may be figures (numbers say less out of context than names). */
const MAX_ENTITY_CHIPS = 12
const MAX_FIGURE_CHIPS = 3

type FacetName = (typeof FACET_NAMES)[number]

export interface ApiContext {
  engine: SearchEngine
  startedAt: number
}

function invalid(message: string): HttpError {
  return new HttpError(400, 'INVALID_QUERY', message)
}

function textParameter(params: URLSearchParams, name: string, required: boolean): string {
  const values = params.getAll(name)
  if (values.length > 1) throw invalid(`give "${name}" once`)
  const value = values[0]
  if (value === undefined || (required && value.trim() === '')) {
    if (required) throw invalid(`the "${name}" parameter is required`)
    return ''
  }
  if (value.length > MAX_QUERY_LENGTH) throw new HttpError(414, 'URI_TOO_LONG', `"${name}" is longer than ${MAX_QUERY_LENGTH} characters`)
  return value
}

function integerParameter(params: URLSearchParams, name: string, bounds: { min: number; max: number; fallback: number }): number {
  const raw = params.get(name)
  if (raw === null || raw === '') return bounds.fallback
  if (!/^\d{1,9}$/.test(raw)) throw invalid(`"${name}" must be a whole number, got ${JSON.stringify(raw.slice(0, 20))}`)
  const value = Number(raw)
  if (value < bounds.min || value > bounds.max) throw invalid(`"${name}" must be from ${bounds.min} to ${bounds.max}, got ${value}`)
  return value
}

function boundedValues(params: URLSearchParams, name: string): string[] {
  const values = params.getAll(name).filter((value) => value !== '')
  if (values.length > MAX_FILTER_VALUES || values.some((value) => value.length > FILTER_VALUE_LENGTH)) {
    throw invalid(`"${name.slice(0, 40)}" takes at most ${MAX_FILTER_VALUES} values of ${FILTER_VALUE_LENGTH} characters`)
  }
  return values
}

function filterParameters(params: URLSearchParams): NonNullable<SearchOptions['filter']> | undefined {
  const filter: Record<string, string[]> = {}
  for (const name of FILTER_NAMES) {
    const values = boundedValues(params, name)
    if (values.length > 0) filter[name] = values
  }
  return Object.keys(filter).length > 0 ? filter : undefined
}

/** `where.<field>` parameters; a field the engine does not filter on is the engine's INVALID_QUERY. */
function whereParameters(params: URLSearchParams): NonNullable<SearchOptions['where']> | undefined {
  const names = [...new Set([...params.keys()].filter((name) => name.startsWith(WHERE_PREFIX)))]
  if (names.length === 0) return undefined
  if (names.length > MAX_WHERE_FIELDS) throw invalid(`at most ${MAX_WHERE_FIELDS} where. fields`)
  // A null-prototype record: a field named __proto__ reaches the engine's check instead of the prototype.
  const where: Record<string, string[]> = Object.create(null)
  for (const name of names) {
    const values = boundedValues(params, name)
    if (values.length > 0) where[name.slice(WHERE_PREFIX.length)] = values
  }
  return Object.keys(where).length > 0 ? where : undefined
}

/** Entity facets, or the engine's filter fields. */
function facetParameter(params: URLSearchParams, filterFields: readonly string[]): string[] {
  const raw = params.get('facets')
  if (raw === null) return DEFAULT_FACETS
  const names = raw.split(',').filter((name) => name !== '')
  const known: readonly string[] = [...FACET_NAMES, ...filterFields]
  for (const name of names) if (!known.includes(name)) throw invalid(`unknown facet ${JSON.stringify(name.slice(0, 20))}; use ${known.join(', ')}`)
  return names
}

function shortFields(fields: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(fields)) {
    if (name === 'title') continue
    if (typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value.length <= MAX_RETURNED_FIELD_LENGTH)) kept[name] = value
  }
  return kept
}

export function searchRoute(context: ApiContext, params: URLSearchParams): unknown {
  const query = textParameter(params, 'q', true)
  const limit = integerParameter(params, 'limit', { min: 0, max: MAX_PAGE_SIZE, fallback: DEFAULT_PAGE_SIZE })
  const offset = integerParameter(params, 'offset', { min: 0, max: MAX_OFFSET, fallback: 0 })
  const filter = filterParameters(params)
  const where = whereParameters(params)
  const options: SearchOptions = {
    limit,
    offset,
    entities: true,
    facets: facetParameter(params, context.engine.options.filterFields),
    snippet: { format: 'html' },
    ...(filter ? { filter } : {}),
    ...(where ? { where } : {}),
  }
  // The engine itself retries a query without Chinese that found nothing as pinyin, and says so.
  const result = context.engine.search(query, options)
  const rewrittenQuery = result.rewrittenQuery
  const facets = result.facets
  return {
    query,
    ...(rewrittenQuery !== undefined ? { rewrittenQuery } : {}),
    total: result.total,
    offset,
    limit,
    tookMs: Math.round(result.tookMs * 1000) / 1000,
    hits: result.hits.map((hit) => {
      const entities = hit.entities ? entityChips(hit.entities) : undefined
      return {
        id: hit.id,
        score: hit.score,
        ...(typeof hit.fields.title === 'string' ? { title: hit.fields.title } : {}),
        snippet: hit.snippet,
        ...(hit.snippetField !== undefined ? { snippetField: hit.snippetField } : {}),
        fields: shortFields(hit.fields),
        ...(entities !== undefined ? { entities } : {}),
      }
    }),
    ...(facets !== undefined ? { facets } : {}),
  }
}

/** One distinct entity of a hit, for chips: mentions grouped by type and canonical form. */
export interface EntityChip {
  type: string
  text: string
  code?: string
  count: number
}

/** The most mentioned entities of a hit, figures last and few: a law's body can hold hundreds of mentions. */
function entityChips(mentions: readonly FieldEntityMention[]): EntityChip[] {
  const chips = new Map<string, EntityChip>()
  for (const mention of mentions) {
    const text = mention.type === 'figure' ? mention.text : (mention.canonical ?? mention.text)
    const key = `${mention.type}\u0000${text}`
    const chip = chips.get(key)
    if (chip) chip.count++
    else chips.set(key, { type: mention.type, text, ...(mention.code !== undefined ? { code: mention.code } : {}), count: 1 })
  }
  const ranked = [...chips.values()].sort((a, b) => Number(a.type === 'figure') - Number(b.type === 'figure') || b.count - a.count)
  const figures = ranked.filter((chip) => chip.type === 'figure').slice(0, MAX_FIGURE_CHIPS)
  return [...ranked.filter((chip) => chip.type !== 'figure').slice(0, MAX_ENTITY_CHIPS - figures.length), ...figures]
}

export function suggestRoute(context: ApiContext, params: URLSearchParams): unknown {
  const query = textParameter(params, 'q', false)
  const limit = integerParameter(params, 'limit', { min: 0, max: 20, fallback: 8 })
  return { query, suggestions: context.engine.suggest(query, { limit }) }
}

export function entitiesRoute(_context: ApiContext, params: URLSearchParams): unknown {
  const text = textParameter(params, 'text', true)
  return { text, entities: recognizeEntities(text) }
}

export function healthRoute(context: ApiContext): unknown {
  const stats = context.engine.stats()
  return { status: 'ok', documents: stats.documents, terms: stats.terms, uptimeMs: Math.round(performance.now() - context.startedAt) }
}
