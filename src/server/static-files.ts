import { realpathSync } from 'node:fs'
import { readFile, realpath, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, resolve, sep } from 'node:path'
import { HttpError } from './http-responses'

/**
 * Serves files from one folder and nothing outside it. A request path is refused before touching the
 * disk when it holds NUL, backslashes, encoded separators or dot segments (`..`, `%2e%2e`); what is
 * left is resolved under the root and, after following symlinks, must still lie inside it.
 */

/** The types the page needs; anything else is not served (no directory listings, no source maps of other files). */
const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
}

/** Static files are a few kilobytes; a larger file in the folder is a mistake, not something to stream. */
const MAX_STATIC_FILE_BYTES = 2_000_000

const PAGE_HEADERS = {
  'x-content-type-options': 'nosniff',
  // The page loads only its own script and style and talks only to this server.
  'content-security-policy': "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'referrer-policy': 'no-referrer',
}

/** The checked relative path for a raw (still percent-encoded) URL path, or an HttpError. */
export function safeRelativePath(rawPath: string): string {
  if (/%(00|2f|5c)/i.test(rawPath) || rawPath.includes('\\')) throw new HttpError(400, 'BAD_PATH', 'encoded separators and NUL are not allowed in paths')
  let decoded: string
  try {
    decoded = decodeURIComponent(rawPath)
  } catch {
    throw new HttpError(400, 'BAD_PATH', 'malformed percent-encoding in path')
  }
  if (decoded.includes('\0') || decoded.includes('\\')) throw new HttpError(400, 'BAD_PATH', 'NUL and backslashes are not allowed in paths')
  const segments = decoded.split('/').filter((segment) => segment !== '')
  if (segments.some((segment) => segment === '..' || segment === '.' || segment.startsWith('.'))) {
    throw new HttpError(400, 'BAD_PATH', 'dot segments are not allowed in paths')
  }
  return segments.length === 0 ? 'index.html' : segments.join('/')
}

export class StaticFiles {
  private readonly root: string
  private realRoot: string | undefined

  constructor(root: string) {
    this.root = resolve(root)
  }

  private resolvedRoot(): string | undefined {
    try {
      this.realRoot ??= realpathSync(this.root)
    } catch {
      return undefined
    }
    return this.realRoot
  }

  /** Answers a GET/HEAD for `rawPath`; throws HttpError 400/404. */
  async serve(rawPath: string, response: ServerResponse): Promise<void> {
    const relative = safeRelativePath(rawPath)
    const root = this.resolvedRoot()
    if (root === undefined) throw new HttpError(404, 'NOT_FOUND', `the search page is not built (no ${this.root}); run npm run build`)
    const type = CONTENT_TYPES[extname(relative).toLowerCase()]
    if (type === undefined) throw new HttpError(404, 'NOT_FOUND', 'not found')
    const candidate = resolve(root, relative)
    if (!candidate.startsWith(root + sep)) throw new HttpError(400, 'BAD_PATH', 'path leaves the static folder')
    let real: string
    try {
      real = await realpath(candidate)
    } catch {
      throw new HttpError(404, 'NOT_FOUND', 'not found')
    }
    if (!real.startsWith(root + sep)) throw new HttpError(404, 'NOT_FOUND', 'not found')
    const stats = await stat(real)
    if (!stats.isFile() || stats.size > MAX_STATIC_FILE_BYTES) throw new HttpError(404, 'NOT_FOUND', 'not found')
    const body = await readFile(real)
    response.writeHead(200, { ...PAGE_HEADERS, 'content-type': type, 'content-length': String(body.length), 'cache-control': 'no-cache' })
    response.end(response.req.method === 'HEAD' ? undefined : body)
  }
}
