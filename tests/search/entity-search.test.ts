import { describe, it, expect, beforeAll } from 'vitest'
import { SearchEngine } from '../../src/index'

/** Small documents about places at different levels, programmes and figures. */
const DOCUMENTS = [
  { id: 'jiexiu', title: '介休市村医队伍建设', body: '介休市推进乡村医生队伍建设，发放村医补贴每人每年3000元。' },
  { id: 'jinzhong', title: '晋中市推进千县工程', body: '晋中市持续实施“千县工程”，县级医院综合能力明显提升。' },
  { id: 'zichuan', title: '淄川区巡诊服务', body: '淄川区开展巡诊服务，村医补贴标准提高到每人每年5000元。' },
  { id: 'zibo', title: '淄博市家庭医生签约', body: '淄博市家庭医生签约服务覆盖率达到45%，群众满意。' },
  { id: 'lanzhou', title: '兰州市健康扶贫', body: '兰州市健康扶贫成效明显，贫困人口全部参加基本医疗保险。' },
]

describe('entity-aware search', () => {
  let engine: SearchEngine
  beforeAll(() => {
    engine = new SearchEngine({ fields: { title: { weight: 2 }, body: {} } })
    engine.addAll(DOCUMENTS)
  })

  it('a prefecture filter includes the counties inside it', () => {
    const ids = engine.search('村医', { filter: { city: '晋中' } }).hits.map((hit) => hit.id)
    expect(ids).toContain('jiexiu')
    expect(ids).not.toContain('zichuan')
  })

  it('the same filter works in query syntax, and a province covers its prefectures', () => {
    expect(engine.search('city:淄博 村医').hits.map((hit) => hit.id)).toEqual(['zichuan'])
    const shanxi = engine.search('', { filter: { city: '山西' } }).hits.map((hit) => hit.id).sort()
    expect(shanxi).toEqual(['jiexiu', 'jinzhong'])
  })

  it('an excluded place removes its documents', () => {
    const ids = engine.search('村医 -city:淄博').hits.map((hit) => hit.id)
    expect(ids).toContain('jiexiu')
    expect(ids).not.toContain('zichuan')
  })

  it('an empty query with filters lists the matching documents (browse mode)', () => {
    const result = engine.search('', { filter: { program: '千县工程' } })
    expect(result.hits.map((hit) => hit.id)).toEqual(['jinzhong'])
    expect(engine.search('').total).toBe(0)
  })

  it('numeric figure ranges filter by unit and value', () => {
    const atLeast4000 = engine.search('补贴', { filter: { figure: { unit: '元', min: 4000 } } }).hits.map((hit) => hit.id)
    expect(atLeast4000).toEqual(['zichuan'])
    const syntax = engine.search('figure:元>=2000 补贴').hits.map((hit) => hit.id).sort()
    expect(syntax).toEqual(['jiexiu', 'zichuan'])
    expect(engine.search('', { filter: { figure: { unit: '%', min: 0.4, max: 0.5 } } }).hits.map((hit) => hit.id)).toEqual(['zibo'])
  })

  it('a place named in a free-text query finds documents about places inside it, above other places', () => {
    const ids = engine.search('淄博 村医').hits.map((hit) => hit.id)
    // 淄川区 lies in 淄博市: its document is about the place asked for, 介休's shares only the topic word.
    expect(ids).toContain('zichuan')
    expect(ids).toContain('jiexiu')
    expect(ids.indexOf('zichuan')).toBeLessThan(ids.indexOf('jiexiu'))
    expect(ids.slice(0, 2).sort()).toEqual(['zibo', 'zichuan'])
  })

  it('facets count places at the chosen level and programmes among the matches', () => {
    const result = engine.search('', { filter: { city: ['山西', '山东'] }, facets: ['city', 'program'], facetLevel: 'province' })
    const provinces = Object.fromEntries(result.facets!.city!.map((facet) => [facet.value, facet.count]))
    expect(provinces).toEqual({ 山西省: 2, 山东省: 2 })
    const prefectures = engine.search('村医', { facets: ['city'] }).facets!.city!.map((facet) => facet.value).sort()
    expect(prefectures).toEqual(['晋中市', '淄博市'])
  })

  it('hits return their entity mentions with offsets into the field they came from', () => {
    const hit = engine.search('家庭医生签约', { entities: true }).hits[0]!
    expect(hit.id).toBe('zibo')
    const figure = hit.entities!.find((mention) => mention.type === 'figure')!
    expect(figure).toMatchObject({ value: 0.45, unit: '%', field: 'body' })
    const text = hit.fields[figure.field] as string
    expect(text.slice(figure.start, figure.end)).toBe(figure.text)
  })

  it('figure filters answer the same after save and load, by unit, range and subject', () => {
    const copy = SearchEngine.deserialize(engine.serialize())
    const conditions = [{ unit: '元', min: 4000 }, { unit: '元', max: 3500 }, { unit: '%', min: 0.4, max: 0.5 }, { min: 0 }, { unit: '元', subject: '补贴' }, { unit: '吨' }]
    for (const figure of conditions) {
      const ids = (searched: SearchEngine) => searched.search('', { filter: { figure }, limit: 100 }).hits.map((hit) => hit.id)
      expect(ids(copy), JSON.stringify(figure)).toEqual(ids(engine))
    }
    expect(copy.search('', { filter: { figure: { min: 0 } } }).total).toBeGreaterThan(2)
  })

  it('removing a document takes it out of filters and facets; entity tables survive save and load', () => {
    const copy = SearchEngine.deserialize(engine.serialize())
    expect(copy.search('', { filter: { city: '晋中' } }).total).toBe(2)
    copy.remove('jiexiu')
    expect(copy.search('', { filter: { city: '晋中' } }).hits.map((hit) => hit.id)).toEqual(['jinzhong'])
    expect(copy.search('', { filter: { figure: { unit: '元', max: 3500 } } }).total).toBe(0)
    expect(engine.search('', { filter: { city: '晋中' } }).total).toBe(2)
  })

  it('entities can be switched off: filters then match nothing and nothing is tagged', () => {
    const plain = new SearchEngine({ entities: false })
    plain.addAll(DOCUMENTS)
    expect(plain.search('', { filter: { city: '晋中' } }).total).toBe(0)
    expect(plain.search('村医', { entities: true }).hits[0]!.entities).toEqual([])
  })
})
