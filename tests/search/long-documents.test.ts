import { describe, it, expect, beforeAll } from 'vitest'
import { SearchEngine } from '../../src/index'
import { buildEngine } from '../helpers/build-engine'

/** A law of about 40,000 characters: 400 articles, a character outside the BMP in each, a rare phrase in one. */
function longLaw(rareArticle: number): string {
  return Array.from({ length: 400 }, (_, i) => {
    const article = `第${i + 1}条 县级以上人民政府应当加强𠮷祥社区基层医疗卫生机构建设，提高服务能力，方便群众就医。`
    return i + 1 === rareArticle ? article + '远程会诊应当覆盖全部乡镇卫生院。' : article
  }).join('\n')
}

const DOCUMENTS = [
  { id: 'early', title: '甲市基层卫生条例', body: longLaw(3), region: '甲市' },
  { id: 'late', title: '乙市基层卫生条例', body: longLaw(398), region: '乙市' },
  { id: 'short', title: '丙市卫生规定', body: '第一条 远程会诊由县级医院负责。', region: '丙市' },
]

describe('hits of long documents', () => {
  let engines: [string, SearchEngine][]
  beforeAll(() => {
    const built = buildEngine(DOCUMENTS, { storeFields: ['region'] })
    engines = [
      ['built in memory', built],
      ['saved and loaded', SearchEngine.deserialize(built.serialize())],
    ]
  })

  it('take the snippet and article from wherever the match lies, early or late in the text', () => {
    for (const [, engine] of engines) {
      const hits = engine.search('远程会诊', { snippet: { format: 'text' } }).hits
      const late = hits.find((hit) => hit.id === 'late')!
      const early = hits.find((hit) => hit.id === 'early')!
      expect(late.snippet).toContain('<mark>远程会诊</mark>')
      expect(late.section).toBe('第398条')
      expect(early.section).toBe('第3条')
      const body = DOCUMENTS[1]!.body
      expect(late.highlights[0]).toEqual({ start: body.indexOf('远程会诊'), end: body.indexOf('远程会诊') + 4 })
    }
  })

  it('give every stored field in full, in the stored order, however the hit is read', () => {
    for (const [, engine] of engines) {
      const hit = engine.search('远程会诊').hits.find((one) => one.id === 'late')!
      const stored = { title: '乙市基层卫生条例', body: DOCUMENTS[1]!.body, region: '乙市' }
      expect(Object.keys(hit)).toContain('fields')
      expect(JSON.parse(JSON.stringify(hit)).fields).toEqual(stored)
      expect({ ...hit }.fields).toEqual(stored)
      expect(Object.keys(hit.fields)).toEqual(['title', 'body', 'region'])
      expect(engine.get('late')).toEqual(stored)
    }
  })

  it('let a caller replace the fields of a hit', () => {
    const [hit] = engines[0]![1].search('远程会诊').hits
    hit!.fields = { title: 'replaced' }
    expect(hit!.fields).toEqual({ title: 'replaced' })
  })

  it('find a phrase that the text segmented differently, by its characters, in a long text', () => {
    for (const [, engine] of engines) {
      expect(engine.search('"会诊应当覆盖"').hits.map((hit) => hit.id).sort()).toEqual(['early', 'late'])
    }
  })
})

describe('a long text whose every block boundary falls inside a surrogate pair', () => {
  // Pairs start at odd offsets, so any even block length cuts one in two at each boundary.
  // 36,005 code units: four block boundaries (blocks are 8,192 characters).
  const body = '甲' + '𠮷'.repeat(9000) + '远程会诊' + '𠮷'.repeat(9000)
  const engine = buildEngine([{ id: 'pairs', title: '𠮷祥条例', body }])

  it('is stored and returned intact, before and after saving', () => {
    expect(engine.get('pairs')!.body).toBe(body)
    expect(SearchEngine.deserialize(engine.serialize()).get('pairs')!.body).toBe(body)
  })

  it('gives a snippet around a match deep in the text, with no broken characters', () => {
    for (const one of [engine, SearchEngine.deserialize(engine.serialize())]) {
      const [hit] = one.search('远程会诊', { snippet: { format: 'text' } }).hits
      expect(hit!.snippet).toContain('<mark>远程会诊</mark>')
      expect(hit!.snippet).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
      expect(hit!.highlights[0]).toEqual({ start: body.indexOf('远程会诊'), end: body.indexOf('远程会诊') + 4 })
    }
  })
})

describe('long documents ranked by their best article', () => {
  const article = (i: number, extra = '') => `第${i}条 ${extra}县级以上人民政府应当加强对本行政区域内道路运输工作的领导，完善管理制度。`
  const lawWith = (extras: Record<number, string>) => Array.from({ length: 200 }, (_, i) => article(i + 1, extras[i + 1] ?? '')).join('\n')
  const documents = [
    { id: 'scattered', title: '乙市道路运输条例', body: lawWith({ 10: '驾驶员应当遵守规定。', 100: '从业资格证由主管部门核发。', 190: '企业应当组织安全培训。' }) },
    { id: 'together', title: '甲市道路运输条例', body: lawWith({ 150: '驾驶员应当取得从业资格证，并参加安全培训。' }) },
    { id: 'unrelated', title: '丙市道路运输条例', body: lawWith({}) },
  ]

  it('puts the law whose words meet in one article above the law that has them in three far apart', () => {
    for (const engine of [buildEngine(documents), SearchEngine.deserialize(buildEngine(documents).serialize())]) {
      const hits = engine.search('驾驶员 从业资格证 安全培训').hits
      expect(hits.map((hit) => hit.id)).toEqual(['together', 'scattered'])
      expect(hits[0]!.section).toBe('第150条')
      expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score * 1.5)
    }
  })
})
