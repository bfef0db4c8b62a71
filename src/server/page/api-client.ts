/**
 * The page's view of the JSON API (the schema is documented in `../api-routes.ts`). The page runs in
 * the browser and imports nothing from the library: these types mirror the responses.
 */

export interface EntityChip {
  type: string
  text: string
  code?: string
  count: number
}

export interface Hit {
  id: string
  score: number
  title?: string
  snippet: string
  fields: Record<string, unknown>
  entities?: EntityChip[]
}

export interface FacetCount {
  value: string
  code?: string
  count: number
}

export interface SearchResponse {
  query: string
  rewrittenQuery?: string
  total: number
  offset: number
  limit: number
  tookMs: number
  hits: Hit[]
  facets?: Record<string, FacetCount[]>
}

export interface Suggestion {
  text: string
  kind: 'term' | 'title' | 'phrase' | 'entity'
  score: number
}

/** Filters the page can apply: facet name → selected values. */
export type Filters = Record<string, string[]>

export class ApiError extends Error {}

async function getJson<T>(path: string, params: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`${path}?${params.toString()}`, signal ? { signal } : {})
  const body = (await response.json()) as T & { error?: { code: string; message: string } }
  if (!response.ok) throw new ApiError(body.error ? `${body.error.code}: ${body.error.message}` : `HTTP ${response.status}`)
  return body
}

export function fetchSuggestions(query: string, options: { signal?: AbortSignal; limit?: number } = {}): Promise<{ suggestions: Suggestion[] }> {
  return getJson('/suggest', new URLSearchParams({ q: query, limit: String(options.limit ?? 8) }), options.signal)
}

export function fetchResults(request: { query: string; offset: number; limit: number; filters: Filters }): Promise<SearchResponse> {
  const params = new URLSearchParams({ q: request.query, offset: String(request.offset), limit: String(request.limit) })
  for (const [name, values] of Object.entries(request.filters)) for (const value of values) params.append(name, value)
  return getJson('/search', params)
}
