import { describe, expect, it } from 'vitest'
import type { BenchDoc } from '../../bench/data/corpus'
import { DEFAULT_ENGINES, ENGINE_FACTORIES, createEngine } from '../../bench/engines/registry'

const docs: BenchDoc[] = [
  { id: 'law-1', title: '中华人民共和国献血法', body: '国家实行无偿献血制度。提倡十八周岁至五十五周岁的健康公民自愿献血。', category: '法律' },
  { id: 'law-2', title: '上海市口岸服务条例', body: '为了规范口岸开放，提高口岸通关效率，保障口岸安全畅通，促进对外开放。', category: '上海地方法规' },
  { id: 'law-3', title: '山西省医疗纠纷预防和处理条例', body: '医疗机构应当建立健全医疗质量安全管理体系，预防医疗纠纷。', category: '山西地方法规' },
  { id: 'news-1', body: '晋中市卫健委推进紧密型县域医共体建设，实施千名医师下基层工程，提升基层医疗服务能力。', category: 'news' },
]

/** Queries any engine configured for Chinese should answer, with the one right document. */
const probes: [string, string][] = [
  ['献血', 'law-1'],
  ['口岸通关', 'law-2'],
  ['医疗纠纷', 'law-3'],
]

describe('bench engine adapters', () => {
  it('registers every default engine', () => {
    for (const name of DEFAULT_ENGINES) expect(ENGINE_FACTORIES[name]).toBeTypeOf('function')
    return expect(createEngine('no-such-engine')).rejects.toThrow(/unknown engine/)
  })

  for (const name of Object.keys(ENGINE_FACTORIES)) {
    it(`${name}: finds the document a query names, and answers the same after a save/load round trip`, async () => {
      const engine = await createEngine(name)
      expect(engine.name).toBe(name)
      await engine.build(docs)
      for (const [query, expected] of probes) {
        const top = await engine.search(query, 10)
        expect(top[0], `${name} on ${query}`).toBe(expected)
      }
      expect((await engine.search('献血', 10)).length).toBeLessThanOrEqual(10)
      if (engine.serialize && engine.load) {
        const bytes = await engine.serialize()
        expect(bytes.byteLength).toBeGreaterThan(0)
        const loaded = await createEngine(name)
        await loaded.load!(bytes)
        for (const [query] of probes) expect(await loaded.search(query, 10)).toEqual(await engine.search(query, 10))
      }
      if (engine.searchInCategory) {
        expect(await engine.searchInCategory('条例', 10, '上海地方法规')).toEqual(['law-2'])
      }
    })
  }
})
