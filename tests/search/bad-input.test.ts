import { describe, it, expect, beforeEach } from 'vitest'
import { SearchEngine, ZhsearchError, type Document, type ZhsearchErrorCode } from '../../src/index'
import { buildEngine, idsFor, rankingFor } from '../helpers/build-engine'

const GOOD_DOCUMENTS = [
  { id: 'a', title: '县域医共体', body: '推进紧密型县域医共体建设，千名医师下基层。' },
  { id: 'b', title: '远程会诊', body: '县级以上综合医院远程会诊覆盖率达100%。' },
]
const CHECK_QUERIES = ['医共体', '远程会诊', '医院', '"千名医师"']

let engine: SearchEngine
let before: Record<string, { id: string; score: number }[]>

beforeEach(() => {
  engine = buildEngine(GOOD_DOCUMENTS)
  before = Object.fromEntries(CHECK_QUERIES.map((query) => [query, rankingFor(engine, query)]))
})

/** The indexed documents answer exactly as before the bad input. */
function expectIntact(): void {
  expect(engine.size).toBe(GOOD_DOCUMENTS.length)
  for (const query of CHECK_QUERIES) expect(rankingFor(engine, query), query).toEqual(before[query])
}

function codeOf(action: () => unknown): ZhsearchErrorCode | 'no error' {
  try {
    action()
    return 'no error'
  } catch (error) {
    expect(error).toBeInstanceOf(ZhsearchError)
    expect((error as Error).name).toBe('ZhsearchError')
    expect((error as Error).stack).toBeDefined()
    return (error as ZhsearchError).code
  }
}

describe('malformed documents are refused with INVALID_DOCUMENT and change nothing', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['a string', '医院'],
    ['an array', [{ id: 'x', body: '医院' }]],
    ['no id', { body: '医院' }],
    ['an empty id', { id: '', body: '医院' }],
    ['an object id', { id: { nested: 1 }, body: '医院' }],
    ['a NaN id', { id: Number.NaN, body: '医院' }],
    ['an infinite id', { id: Number.POSITIVE_INFINITY, body: '医院' }],
    ['a boolean id', { id: true, body: '医院' }],
    ['an id of 2,000 characters', { id: 'x'.repeat(2000), body: '医院' }],
    ['an array field', { id: 'x', body: ['医院'] }],
    ['an object field', { id: 'x', title: { zh: '医院' } }],
    ['a boolean field', { id: 'x', body: true }],
    ['a bigint field', { id: 'x', body: 10n }],
    ['a function field', { id: 'x', body: () => '医院' }],
  ])('%s', (_name, document) => {
    expect(codeOf(() => engine.add(document as Document))).toBe('INVALID_DOCUMENT')
    expect(codeOf(() => engine.addAll([document as Document]))).toBe('INVALID_DOCUMENT')
    expect(codeOf(() => engine.update(document as Document))).toBe('INVALID_DOCUMENT')
    expectIntact()
  })

  it('names the document id and the field at fault', () => {
    try {
      engine.add({ id: 'doc-17', body: ['医院'] })
    } catch (error) {
      expect(error).toMatchObject({ code: 'INVALID_DOCUMENT', details: { id: 'doc-17', field: 'body' } })
      expect((error as Error).message).toContain('doc-17')
      expect((error as Error).message).toContain('body')
      return
    }
    throw new Error('expected INVALID_DOCUMENT')
  })

  it('a stored field that cannot be serialised is refused', () => {
    const withStore = buildEngine([], { storeFields: ['meta'] })
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    expect(codeOf(() => withStore.add({ id: 'x', body: '医院', meta: cyclic }))).toBe('INVALID_DOCUMENT')
    expect(withStore.size).toBe(0)
  })
})

describe('unusual but valid documents are indexed without harming others', () => {
  it('__proto__, constructor and toString work as ids', () => {
    for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      engine.add({ id, body: `${id}专用，家庭医生签约` })
      expect(engine.has(id)).toBe(true)
    }
    expect(idsFor(engine, '家庭医生签约').sort()).toEqual(['__proto__', 'constructor', 'hasOwnProperty', 'toString'])
    expect(engine.get('__proto__')).toMatchObject({ body: '__proto__专用，家庭医生签约' })
    engine.remove('__proto__')
    expect(engine.has('__proto__')).toBe(false)
    expect(({} as Record<string, unknown>).body).toBeUndefined()
    expect(engine.size).toBe(GOOD_DOCUMENTS.length + 3)
  })

  it('a document with an own __proto__ key (from JSON) neither pollutes Object.prototype nor breaks indexing', () => {
    engine.add(JSON.parse('{"id":"json","__proto__":{"polluted":"yes"},"body":"医保报销"}') as Document)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(idsFor(engine, '医保报销')).toEqual(['json'])
    expectIntactExcept('json')
  })

  it('text with lone surrogates, control characters and emoji is indexed; its words are found', () => {
    engine.add({ id: 'odd', body: '\ud800医保\u0000报销\u0007比例😀提高\udc00' })
    expect(idsFor(engine, '医保')).toEqual(['odd'])
    expect(idsFor(engine, '报销比例')).toContain('odd')
    expectIntactExcept('odd')
  })

  it('a numeric field is indexed as its text', () => {
    engine.add({ id: 'num', title: 2024, body: '医保' })
    expect(idsFor(engine, '2024')).toEqual(['num'])
  })

  it('null and missing fields are allowed', () => {
    engine.add({ id: 'empty', title: null })
    expect(engine.has('empty')).toBe(true)
    expectIntactExcept('empty')
  })

  it('a ~5 MB document is indexed and searched, with a short snippet', () => {
    const paragraph = '国家卫生健康委员会发布关于推进县域医共体建设的通知，要求各地加强基层医疗卫生服务能力。'
    const huge = paragraph.repeat(Math.ceil(5_000_000 / 3 / paragraph.length)) + '罕见词语鼠疫防控'
    expect(new TextEncoder().encode(huge).length).toBeGreaterThan(5_000_000)
    engine.add({ id: 'huge', body: huge })
    const hit = engine.search('鼠疫防控').hits[0]!
    expect(hit.id).toBe('huge')
    expect(hit.snippet.length).toBeLessThan(300)
    expect(hit.snippet).toContain('鼠疫')
    expectIntactExcept('huge')
  })
})

/** Every query's results, leaving out `id`, are as before. */
function expectIntactExcept(id: string): void {
  for (const query of CHECK_QUERIES) {
    expect(rankingFor(engine, query).filter((hit) => hit.id !== id).map((hit) => hit.id), query).toEqual(before[query]!.map((hit) => hit.id))
  }
}

describe('bad queries', () => {
  it.each<[string, unknown]>([
    ['null', null],
    ['undefined', undefined],
    ['a number', 5],
    ['an object', { query: '医院' }],
    ['an array', ['医院']],
  ])('a non-string query (%s) is INVALID_QUERY', (_name, query) => {
    expect(codeOf(() => engine.search(query as string))).toBe('INVALID_QUERY')
    expectIntact()
  })

  it.each<[string, object]>([
    ['a negative limit', { limit: -1 }],
    ['a fractional limit', { limit: 1.5 }],
    ['a string limit', { limit: '10' }],
    ['a huge limit', { limit: 1e9 }],
    ['a negative offset', { offset: -5 }],
    ['an unknown option', { sort: 'date' }],
    ['a bad snippet format', { snippet: { format: 'pdf' } }],
  ])('%s is INVALID_QUERY with the option path in details', (_name, options) => {
    let error: unknown
    try {
      engine.search('医院', options as never)
    } catch (caught) {
      error = caught
    }
    expect(error).toMatchObject({ code: 'INVALID_QUERY' })
    expect(typeof (error as ZhsearchError).details.path).toBe('string')
  })

  it.each([
    ['an unclosed quote', '"医共体建设'],
    ['a closing quote only', '医共体建设"'],
    ['unbalanced Chinese quotes', '“远程会诊'],
    ['a lone surrogate', '\ud800医院\udc00'],
    ['control characters', '医院\u0000\u0007会诊'],
    ['a dangling operator', '医院 OR'],
    ['nested-looking syntax', '((医院)) AND [[会诊]] title: -'],
    ['regex characters', '.*+?^${}()|[]\\'],
    ['__proto__ as a field prefix', '__proto__:医院 constructor:会诊'],
  ])('%s does not throw and still finds the words', (_name, query) => {
    expect(() => engine.search(query)).not.toThrow()
    expectIntact()
  })

  it('an unclosed quote still searches the words after it', () => {
    expect(idsFor(engine, '"医共体建设')).toEqual(['a'])
  })

  it('a 100,000-character query returns quickly', () => {
    const started = performance.now()
    expect(() => engine.search('医院会诊'.repeat(25_000))).not.toThrow()
    expect(performance.now() - started).toBeLessThan(5000)
  })
})

describe('bad engine options are INVALID_OPTIONS', () => {
  it.each<[string, unknown]>([
    ['no fields', { fields: {} }],
    ['a negative weight', { fields: { body: { weight: -1 } } }],
    ['a zero weight', { fields: { body: { weight: 0 } } }],
    ['a field named id', { fields: { id: {} } }],
    ['an unknown option', { language: 'zh' }],
    ['k1 below 0', { bm25: { k1: -1 } }],
    ['b above 1', { bm25: { b: 2 } }],
    ['fields as an array', { fields: ['title', 'body'] }],
  ])('%s', (_name, options) => {
    expect(codeOf(() => new SearchEngine(options as never))).toBe('INVALID_OPTIONS')
  })

  it('a missing user dictionary is INVALID_DICTIONARY naming the path', () => {
    let error: unknown
    try {
      new SearchEngine({ analysis: { userDictionaries: ['/no/such/dictionary.txt'] } })
    } catch (caught) {
      error = caught
    }
    expect(error).toMatchObject({ code: 'INVALID_DICTIONARY', details: { path: '/no/such/dictionary.txt' } })
  })
})
