import { describe, expect, it } from 'vitest'
import { SearchEngine } from '../../src/index'
import { caught } from '../helpers/caught'

const laws = [
  { id: 'insurance', title: '医疗保障基金使用监督管理条例', body: '医疗保障基金的使用应当符合规定。', category: '行政法规', region: '全国', year: 2021, tags: ['医保', '基金'] },
  { id: 'hospital', title: '北京市医疗机构管理条例', body: '医疗机构执业应当遵守本条例。', category: '地方性法规', region: '北京', year: '２０２１', tags: ['医疗'] },
  { id: 'doctor', title: '中华人民共和国医师法', body: '医师执业应当遵守法律，医疗服务应当规范。', category: '法律', region: '全国', year: 2021 },
  { id: 'shanghai', title: '上海市医疗急救服务条例', body: '医疗急救服务。', category: '地方性法规', region: '上海', year: 2016 },
]

function engineWithLaws(): SearchEngine {
  const engine = new SearchEngine({ filterFields: ['category', 'region', 'year', 'tags'] })
  engine.addAll(laws)
  return engine
}

const ids = (engine: SearchEngine, query: string, options: Parameters<SearchEngine['search']>[1]) => engine.search(query, options).hits.map((hit) => hit.id)


describe('filter fields (where)', () => {
  const engine = engineWithLaws()

  it('keeps only the documents with the value, ranked as usual', () => {
    expect(ids(engine, '医疗', { where: { category: '地方性法规' } }).sort()).toEqual(['hospital', 'shanghai'])
    expect(engine.search('医疗', { where: { category: '法律' } }).total).toBe(1)
  })

  it('accepts any value of a list, and needs every listed field', () => {
    expect(ids(engine, '医疗', { where: { region: ['北京', '上海'] } }).sort()).toEqual(['hospital', 'shanghai'])
    expect(ids(engine, '医疗', { where: { region: ['北京', '上海'], year: 2016 } })).toEqual(['shanghai'])
  })

  it('matches an array-valued field by any of its items', () => {
    expect(ids(engine, '', { where: { tags: '基金' } })).toEqual(['insurance'])
  })

  it('compares values as text after NFKC: 2021, "2021" and "２０２１" are one value', () => {
    expect(ids(engine, '医疗', { where: { year: '2021' } }).sort()).toEqual(['doctor', 'hospital', 'insurance'])
    expect(ids(engine, '医疗', { where: { year: 2021 } }).sort()).toEqual(['doctor', 'hospital', 'insurance'])
  })

  it('browses by filter alone when the query is empty, and finds nothing for an unknown value', () => {
    expect(ids(engine, '', { where: { region: '全国' } }).sort()).toEqual(['doctor', 'insurance'])
    expect(engine.search('医疗', { where: { region: '广州' } }).total).toBe(0)
  })

  it('counts facets of filter fields among the matching documents', () => {
    const facets = engine.search('医疗', { facets: ['category', 'region'] }).facets!
    expect(facets.category).toEqual([
      { value: '地方性法规', count: 2 },
      { value: '法律', count: 1 },
      { value: '行政法规', count: 1 },
    ])
    expect(engine.search('执业', { facets: ['region'] }).facets!.region).toEqual([
      { value: '全国', count: 1 },
      { value: '北京', count: 1 },
    ])
  })

  it('returns the filter fields with the stored document', () => {
    expect(engine.get('hospital')).toMatchObject({ category: '地方性法规', year: '２０２１', tags: ['医疗'] })
  })

  it('never suggests the hidden attribute terms', () => {
    expect(engine.suggest('category').map((suggestion) => suggestion.text)).toEqual([])
  })
})

describe('filter fields as documents change', () => {
  it('forgets a removed document and follows an update to its new value', () => {
    const engine = engineWithLaws()
    engine.remove('shanghai')
    engine.update({ ...laws[1]!, category: '法律' })
    expect(ids(engine, '医疗', { where: { category: '地方性法规' } })).toEqual([])
    expect(ids(engine, '医疗', { where: { category: '法律' } }).sort()).toEqual(['doctor', 'hospital'])
    expect(engine.search('', { facets: ['category'], where: { region: ['全国', '北京', '上海'] } }).facets!.category).toEqual([
      { value: '法律', count: 2 },
      { value: '行政法规', count: 1 },
    ])
  })

  it('survives saving and loading', () => {
    const loaded = SearchEngine.deserialize(engineWithLaws().serialize())
    expect(ids(loaded, '医疗', { where: { category: '地方性法规', region: '上海' } })).toEqual(['shanghai'])
    expect(loaded.search('', { facets: ['year'], where: { year: [2016, 2021] } }).facets!.year).toEqual([
      { value: '2021', count: 3 },
      { value: '2016', count: 1 },
    ])
  })

  it('builds the same index with worker threads', async () => {
    const threaded = new SearchEngine({ filterFields: ['category', 'region', 'year', 'tags'] })
    await threaded.addAllAsync(laws, { workers: 1 })
    expect(threaded.serialize()).toEqual(engineWithLaws().serialize())
  })
})

describe('filter fields refuse bad input with typed errors', () => {
  const engine = engineWithLaws()

  it('refuses a where field or facet that is not declared', () => {
    expect(caught(() => engine.search('医疗', { where: { date: '2021' } })).code).toBe('INVALID_QUERY')
    expect(caught(() => engine.search('医疗', { facets: ['date'] })).message).toMatch(/not a facet/)
    expect(caught(() => engine.search('医疗', JSON.parse('{"where":{"__proto__":"x"}}') as object)).code).toBe('INVALID_QUERY')
    expect(caught(() => engine.search('医疗', { where: { category: {} as unknown as string } })).code).toBe('INVALID_QUERY')
  })

  it('refuses a document whose filter field holds an object, and keeps the others intact', () => {
    const error = caught(() => engine.addAll([{ id: 'new', title: '医疗', category: '法律' }, { id: 'bad', title: '医疗', category: { nested: true } }]))
    expect(error.code).toBe('INVALID_DOCUMENT')
    expect(error.message).toMatch(/"category"/)
    expect(engine.has('new')).toBe(false)
    expect(engine.search('医疗', { where: { category: '法律' } }).total).toBe(1)
  })

  it('refuses filter field names that cannot be told apart from hidden terms', () => {
    expect(caught(() => new SearchEngine({ filterFields: ['a=b'] })).code).toBe('INVALID_OPTIONS')
    expect(caught(() => new SearchEngine({ filterFields: ['__proto__'] })).code).toBe('INVALID_OPTIONS')
    expect(caught(() => new SearchEngine({ filterFields: ['region', 'region'] })).code).toBe('INVALID_OPTIONS')
  })

  it('refuses a filter field named as an entity facet, which facets: [name] could not tell apart', () => {
    const error = caught(() => new SearchEngine({ filterFields: ['category', 'city'] }))
    expect(error.code).toBe('INVALID_OPTIONS')
    expect(error.message).toMatch(/entity facet/)
  })
})
