import { request as httpRequest, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { SearchEngine } from '../../src/index'
import { createServer } from '../../src/server'

const SECRET = 'TOP-SECRET-OUTSIDE-THE-STATIC-FOLDER'

const documents = [
  { id: 'a', category: '县域医疗', title: '长治市推进千县工程', body: '长治市持续实施千县工程，提升县级医院综合能力。' + '县域医疗卫生服务体系不断完善。'.repeat(20) },
  { id: 'b', category: '基层卫生', title: '晋中市家庭医生签约服务', body: '晋中市推进家庭医生签约服务，介休市签约率达到百分之八十。' },
  { id: 'c', category: '急救', title: '淄博市院前医疗急救', body: '淄博市加强院前医疗急救网络建设，千县工程带动县医院发展。' },
]

interface RawResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** A request with the path sent exactly as written (fetch would normalise `..` away). */
function rawRequest(port: number, options: { path: string; method?: string; headers?: Record<string, string>; body?: string }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path: options.path, method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString('utf8') }))
    })
    request.on('error', reject)
    if (options.body !== undefined) request.write(options.body)
    request.end()
  })
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)))
}

let folder: string
let server: Server
let corsServer: Server
let port: number
let corsPort: number
let base: string

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'zhsearch-server-'))
  const staticDir = join(folder, 'static')
  mkdirSync(staticDir)
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>page</title>')
  writeFileSync(join(staticDir, 'app.js'), 'console.log(1)')
  writeFileSync(join(folder, 'secret.txt'), SECRET)
  writeFileSync(join(folder, 'secret.html'), SECRET)
  symlinkSync(join(folder, 'secret.html'), join(staticDir, 'link-out.html'))
  const engine = new SearchEngine({ filterFields: ['category'] })
  engine.addAll(documents)
  server = createServer(engine, { staticDir })
  corsServer = createServer(engine, { staticDir, cors: 'https://app.example' })
  port = await listen(server)
  corsPort = await listen(corsServer)
  base = `http://127.0.0.1:${port}`
})

afterAll(async () => {
  await Promise.all([server, corsServer].map((one) => new Promise((resolve) => one.close(resolve))))
  rmSync(folder, { recursive: true, force: true })
})

async function getJson(path: string): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(base + path)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  return { status: response.status, body: await response.json(), headers: response.headers }
}

describe('JSON endpoints', () => {
  it('GET /health reports the documents served', async () => {
    const { status, body } = await getJson('/health')
    expect(status).toBe(200)
    expect(body).toMatchObject({ status: 'ok', documents: 3 })
  })

  it('GET /search returns ranked hits with <mark>-highlighted, escaped snippets and entity chips', async () => {
    const { status, body } = await getJson(`/search?q=${encodeURIComponent('千县工程')}&limit=2`)
    expect(status).toBe(200)
    expect(body.total).toBe(2)
    expect(body.hits).toHaveLength(2)
    expect(body.hits[0].snippet).toContain('<mark>千县工程</mark>')
    expect(body.hits[0].title).toBeTypeOf('string')
    // Bodies longer than 200 characters stay out of the response; the snippet carries the match.
    expect(body.hits.find((hit: any) => hit.id === 'a').fields.body).toBeUndefined()
    expect(body.hits.flatMap((hit: any) => hit.entities ?? []).some((chip: any) => chip.type === 'program' && chip.text === '千县工程')).toBe(true)
    expect(body.facets?.city?.length).toBeGreaterThan(0)
  })

  it('GET /search pages with offset and filters by city', async () => {
    const second = await getJson(`/search?q=${encodeURIComponent('千县工程')}&limit=1&offset=1`)
    expect(second.body.hits).toHaveLength(1)
    expect(second.body.offset).toBe(1)
    const filtered = await getJson(`/search?q=${encodeURIComponent('千县工程')}&city=${encodeURIComponent('淄博')}`)
    expect(filtered.body.hits.map((hit: any) => hit.id)).toEqual(['c'])
  })

  it('GET /search filters on the engine\'s filter fields with where.<field> and counts them as facets', async () => {
    const query = encodeURIComponent('千县工程')
    const one = await getJson(`/search?q=${query}&where.category=${encodeURIComponent('急救')}`)
    expect(one.status).toBe(200)
    expect(one.body.hits.map((hit: any) => hit.id)).toEqual(['c'])
    const either = await getJson(`/search?q=${encodeURIComponent('晋中 淄博 长治')}&where.category=${encodeURIComponent('急救')}&where.category=${encodeURIComponent('基层卫生')}`)
    expect(either.body.hits.map((hit: any) => hit.id).sort()).toEqual(['b', 'c'])
    const faceted = await getJson(`/search?q=${query}&facets=category,city`)
    expect(faceted.body.facets.category).toEqual(expect.arrayContaining([expect.objectContaining({ value: '县域医疗', count: 1 }), expect.objectContaining({ value: '急救', count: 1 })]))
    expect(faceted.body.facets.city.length).toBeGreaterThan(0)
  })

  it('GET /search falls back to pinyin when a query without Chinese finds nothing', async () => {
    const { body } = await getJson('/search?q=qxgc')
    expect(body.rewrittenQuery).toBe('千县工程')
    expect(body.total).toBeGreaterThan(0)
  })

  it('GET /suggest completes the last word', async () => {
    const { status, body } = await getJson(`/suggest?q=${encodeURIComponent('千县')}`)
    expect(status).toBe(200)
    expect(body.suggestions.slice(0, 5).map((suggestion: any) => suggestion.text)).toContain('千县工程')
  })

  it('GET /entities tags places and programmes in a text', async () => {
    const { status, body } = await getJson(`/entities?text=${encodeURIComponent('晋中市实施千县工程')}`)
    expect(status).toBe(200)
    expect(body.entities.map((entity: any) => entity.type)).toEqual(expect.arrayContaining(['city', 'program']))
  })
})

describe('errors', () => {
  it.each([
    ['/search', 400, 'INVALID_QUERY'],
    ['/search?q=', 400, 'INVALID_QUERY'],
    ['/search?q=a&limit=101', 400, 'INVALID_QUERY'],
    ['/search?q=a&limit=ten', 400, 'INVALID_QUERY'],
    ['/search?q=a&offset=-1', 400, 'INVALID_QUERY'],
    ['/search?q=a&q=b', 400, 'INVALID_QUERY'],
    ['/search?q=a&facets=colour', 400, 'INVALID_QUERY'],
    ['/search?q=a&where.colour=red', 400, 'INVALID_QUERY'],
    ['/search?q=a&where.__proto__=x', 400, 'INVALID_QUERY'],
    [`/search?q=a${'&where.category=x'.repeat(11)}`, 400, 'INVALID_QUERY'],
    ['/suggest?q=a&limit=999', 400, 'INVALID_QUERY'],
    [`/search?q=<1001 characters>`, 414, 'URI_TOO_LONG'],
    ['/nope', 404, 'NOT_FOUND'],
  ])('GET %s → %i %s', async (label, status, code) => {
    const path = label.replace('<1001 characters>', encodeURIComponent('长'.repeat(1001)))
    const response = await getJson(path)
    expect(response.status).toBe(status)
    expect(response.body).toEqual({ error: { code, message: expect.any(String) } })
  })

  it('refuses other methods with 405 and an Allow header', async () => {
    const response = await rawRequest(port, { path: '/search?q=a', method: 'DELETE' })
    expect(response.status).toBe(405)
    expect(response.headers.allow).toBe('GET, HEAD')
    expect(JSON.parse(response.body).error.code).toBe('METHOD_NOT_ALLOWED')
  })

  it('refuses a request body with 413 and an overlong request target with 414', async () => {
    const withBody = await rawRequest(port, { path: '/search?q=a', body: 'x'.repeat(10_000), headers: { 'content-length': '10000' } })
    expect(withBody.status).toBe(413)
    expect(JSON.parse(withBody.body).error.code).toBe('PAYLOAD_TOO_LARGE')
    const long = await rawRequest(port, { path: `/search?q=${'a'.repeat(13_000)}` })
    expect([414, 431]).toContain(long.status)
  })

  it('answers malformed query strings without crashing', async () => {
    const response = await rawRequest(port, { path: '/search?q=%E4%B8&limit=%zz' })
    expect(response.status).toBe(400)
    expect((await getJson('/health')).status).toBe(200)
  })
})

describe('static files', () => {
  it('serves the page at / with a content security policy', async () => {
    const response = await rawRequest(port, { path: '/' })
    expect(response.status).toBe(200)
    expect(response.headers['content-type']).toMatch(/^text\/html/)
    expect(response.headers['content-security-policy']).toContain("default-src 'self'")
  })

  it.each([
    '/../secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/%252e%252e/secret.txt',
    '/app.js/../../secret.txt',
    '/..\\secret.txt',
    '/%5c..%5csecret.txt',
    '/index.html%00.js',
    '/link-out.html',
    '/.hidden',
    '/%E4%B8',
  ])('never serves anything outside the folder: %s', async (path) => {
    const response = await rawRequest(port, { path })
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    expect(response.body).not.toContain(SECRET)
  })
})

describe('CORS', () => {
  it('is off by default', async () => {
    const response = await fetch(`${base}/health`, { headers: { origin: 'https://evil.example' } })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('sends the configured origin and answers preflight requests', async () => {
    const response = await fetch(`http://127.0.0.1:${corsPort}/health`)
    expect(response.headers.get('access-control-allow-origin')).toBe('https://app.example')
    const preflight = await rawRequest(corsPort, { path: '/search', method: 'OPTIONS' })
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-methods']).toContain('GET')
  })
})

describe('load', () => {
  it('answers 200 concurrent requests without an error', async () => {
    const queries = ['千县工程', '家庭医生', '院前医疗急救', 'changzhi', '长治']
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, index) => {
        const query = encodeURIComponent(queries[index % queries.length]!)
        const path = index % 2 === 0 ? `/search?q=${query}` : `/suggest?q=${query}`
        return rawRequest(port, { path })
      }),
    )
    expect(responses.map((response) => response.status)).toEqual(Array(200).fill(200))
    for (const response of responses) expect(() => JSON.parse(response.body)).not.toThrow()
  })
})
