import type { IncomingMessage, ServerResponse } from 'node:http'
import { ZhsearchError } from '../index'

/**
 * JSON responses and errors of the HTTP server. Every error body is `{ "error": { "code", "message" } }`
 * where `code` is a ZhsearchError code (INVALID_QUERY …) or one of the HTTP-level codes below.
 */

/** Codes for failures that are about HTTP, not about the engine. */
export type HttpErrorCode = 'NOT_FOUND' | 'METHOD_NOT_ALLOWED' | 'PAYLOAD_TOO_LARGE' | 'URI_TOO_LONG' | 'BAD_PATH' | 'INTERNAL'

/** An error with the HTTP status to answer it with. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode | ZhsearchError['code'],
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
    this.name = 'HttpError'
  }
}

/** HTTP status for each engine error code: the caller's fault is 400, a broken index or file 500. */
const STATUS_BY_CODE: Partial<Record<ZhsearchError['code'], number>> = {
  INVALID_QUERY: 400,
  INVALID_OPTIONS: 400,
  INVALID_DOCUMENT: 400,
  UNKNOWN_ID: 404,
}

const BASE_HEADERS = {
  // The API answers data, never pages: browsers must not sniff it into HTML.
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-store',
}

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  response.writeHead(status, { ...BASE_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers })
  response.end(response.req.method === 'HEAD' ? undefined : text)
}

/** Turns anything thrown while answering into a JSON error; unexpected errors are 500 without internals. */
export function sendError(response: ServerResponse, error: unknown, headers: Record<string, string> = {}): void {
  if (error instanceof HttpError) {
    sendJson(response, error.status, { error: { code: error.code, message: error.message } }, { ...headers, ...error.headers })
    return
  }
  if (error instanceof ZhsearchError) {
    sendJson(response, STATUS_BY_CODE[error.code] ?? 500, { error: { code: error.code, message: error.message } }, headers)
    return
  }
  sendJson(response, 500, { error: { code: 'INTERNAL', message: 'internal server error' } }, headers)
}

/** Rejects requests that carry a body: every endpoint is a GET, so any body is unexpected weight. */
export function rejectBody(request: IncomingMessage): void {
  const length = Number(request.headers['content-length'] ?? 0)
  if (length > 0 || request.headers['transfer-encoding'] !== undefined) {
    throw new HttpError(413, 'PAYLOAD_TOO_LARGE', 'requests to this server carry no body')
  }
}
