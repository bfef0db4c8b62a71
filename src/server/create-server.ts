import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { join } from 'node:path'
import type { SearchEngine } from '../index'
import { packageRoot } from '../package-root'
import { entitiesRoute, healthRoute, searchRoute, suggestRoute, type ApiContext } from './api-routes'
import { HttpError, rejectBody, sendError, sendJson } from './http-responses'
import { StaticFiles } from './static-files'

/**
 * An HTTP server over a SearchEngine: the JSON API (see `api-routes.ts` for the schema) and the search
 * page at `/`.
 *
 * Built on node's own `http` module: five GET routes and a static folder need no router, and every
 * dependency in a server is one more thing to audit and keep patched.
 *
 * @example
 * const server = createServer(engine, { cors: 'https://app.example' })
 * server.listen(7700, '127.0.0.1')
 */
export interface ServerOptions {
  /**
   * Origin allowed to call the API from a browser (`Access-Control-Allow-Origin`), or `*`.
   * Default: none — CORS is off and only same-origin pages (the bundled one) can read responses.
   */
  cors?: string | undefined
  /** Folder served at `/`. Default: the built page, `dist/static` in the package. */
  staticDir?: string | undefined
}

/** Longest request target accepted (path and query string, percent-encoded): a 1,000-character Chinese query encodes to 9 KB. */
export const MAX_URL_LENGTH = 12_000
/** Headers beyond this are refused by node with 431 (its default is 16 KB). */
const MAX_HEADER_BYTES = 16_384
/** A client that has not sent its headers after this long is cut off, so idle sockets cannot pile up. */
const HEADERS_TIMEOUT_MS = 10_000
const REQUEST_TIMEOUT_MS = 30_000

type Route = (context: ApiContext, params: URLSearchParams) => unknown

const API_ROUTES: Record<string, Route> = {
  '/search': searchRoute,
  '/suggest': suggestRoute,
  '/entities': entitiesRoute,
  '/health': healthRoute,
}

function corsHeaders(origin: string | undefined): Record<string, string> {
  if (!origin) return {}
  return { 'access-control-allow-origin': origin, 'access-control-allow-methods': 'GET, HEAD, OPTIONS', 'access-control-max-age': '600', ...(origin === '*' ? {} : { vary: 'Origin' }) }
}

/** The default static folder: the page built next to the package's code. */
export function defaultStaticDir(): string {
  return join(packageRoot(), 'dist', 'static')
}

/** Creates the server (not yet listening: call `listen(port, host)`). */
export function createServer(engine: SearchEngine, options: ServerOptions = {}): Server {
  // Build the suggestion index now, so the first keystroke does not pay for it.
  engine.suggest('')
  const context: ApiContext = { engine, startedAt: performance.now() }
  const staticFiles = new StaticFiles(options.staticDir ?? defaultStaticDir())
  const cors = corsHeaders(options.cors)

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const target = request.url ?? '/'
    if (target.length > MAX_URL_LENGTH) throw new HttpError(414, 'URI_TOO_LONG', `request target longer than ${MAX_URL_LENGTH} characters`)
    if (!target.startsWith('/')) throw new HttpError(400, 'BAD_PATH', 'the request target must be a path')
    const queryAt = target.indexOf('?')
    const rawPath = queryAt === -1 ? target : target.slice(0, queryAt)
    const params = new URLSearchParams(queryAt === -1 ? '' : target.slice(queryAt + 1))
    const route = Object.hasOwn(API_ROUTES, rawPath) ? API_ROUTES[rawPath] : undefined
    if (request.method === 'OPTIONS' && route && options.cors) {
      response.writeHead(204, cors).end()
      return
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `${String(request.method).slice(0, 20)} is not allowed; use GET`, { allow: 'GET, HEAD' })
    }
    rejectBody(request)
    if (route) {
      sendJson(response, 200, route(context, params), cors)
      return
    }
    await staticFiles.serve(rawPath, response)
  }

  const server = createHttpServer({ maxHeaderSize: MAX_HEADER_BYTES, headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }, (request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy()
        return
      }
      sendError(response, error, cors)
    })
  })
  return server
}
