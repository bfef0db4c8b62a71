/**
 * The HTTP server: a JSON API over a SearchEngine (`/search`, `/suggest`, `/entities`, `/health`) and
 * the search page at `/`. See `api-routes.ts` for the response schema.
 */
export { createServer, defaultStaticDir, MAX_URL_LENGTH } from './create-server'
export type { ServerOptions } from './create-server'
export { MAX_QUERY_LENGTH, MAX_PAGE_SIZE, MAX_OFFSET, DEFAULT_PAGE_SIZE } from './api-routes'
