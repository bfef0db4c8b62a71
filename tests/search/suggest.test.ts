import { describe, expect, it } from 'vitest'
import { SearchEngine, ZhsearchError } from '../../src/index'
import { createSuggester, expandPinyinQuery, Suggester } from '../../src/search/suggester'

const documents = [
  { id: '1', title: '长治市推进千县工程', body: '长治市持续实施千县工程，提升县级医院综合能力。长治市卫生健康委员会介绍了进展。' },
  { id: '2', title: '千县工程县医院综合能力提升', body: '千县工程要求县医院提升急诊急救能力，加强院前医疗急救体系建设。' },
  { id: '3', title: '淄博市院前医疗急救条例', body: '淄博市加强院前医疗急救网络建设，院前医疗急救人员队伍不断壮大。' },
  { id: '4', title: '朝阳区家庭医生签约服务', body: '朝阳区推进家庭医生签约服务，银行网点设立健康服务站。' },
  { id: '5', title: '重庆市医共体建设', body: '重庆市推进紧密型县域医共体建设，长治市也在推进医共体。' },
]

function suggesterFor(): Suggester {
  const engine = new SearchEngine()
  engine.addAll(documents)
  return createSuggester(engine)
}

const suggester = suggesterFor()
const texts = (input: string, limit = 5) => suggester.suggest(input, { limit }).map((suggestion) => suggestion.text)

describe('suggest: Chinese prefixes', () => {
  it('completes a partial word to the programme name (千县 → 千县工程 in the top 5)', () => {
    expect(texts('千县')).toContain('千县工程')
  })

  it('keeps the earlier words and completes the last one (淄博 院前 → 淄博 院前医疗急救)', () => {
    const suggestions = texts('淄博 院前')
    expect(suggestions).toContain('淄博 院前医疗急救')
    for (const text of suggestions) expect(text.startsWith('淄博 ')).toBe(true)
  })

  it('completes the tail of unspaced input when the whole has no completion (淄博院前 → 淄博院前医疗急救…)', () => {
    expect(texts('长治市院前').some((text) => text.startsWith('长治市院前医疗急救'))).toBe(true)
  })

  it('offers document titles, also from a later word of the title', () => {
    const fromStart = suggester.suggest('淄博市院前', { limit: 10 })
    expect(fromStart).toContainEqual(expect.objectContaining({ text: '淄博市院前医疗急救条例', kind: 'title' }))
    expect(texts('家庭医生签约', 10)).toContain('朝阳区家庭医生签约服务')
  })

  it('offers a traditional title from a later word, past a regional word that normalises shorter', () => {
    const engine = new SearchEngine()
    engine.addAll([{ id: 'tw', title: '推動網際網路醫院發展辦法', body: '網際網路醫院應當依法執業。' }])
    // 網際網路 → 互联网: the title's later words stand one character earlier in its normalised text.
    expect(createSuggester(engine).suggest('发展办法', { limit: 10 }).map((suggestion) => suggestion.text)).toContain('推動網際網路醫院發展辦法')
  })

  it('ranks by weight (document frequency): the more widely used completion first, scores never increasing', () => {
    const ranked = new Suggester([
      { text: '医疗器械', kind: 'term', weight: Math.log2(1 + 2) },
      { text: '医疗机构', kind: 'term', weight: Math.log2(1 + 40) },
    ])
    expect(ranked.suggest('医疗').map((suggestion) => suggestion.text)).toEqual(['医疗机构', '医疗器械'])
    const scores = suggester.suggest('医', { limit: 20 }).map((suggestion) => suggestion.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
  })

  it('folds full-width and traditional input like the index does', () => {
    expect(texts('千縣')).toContain('千县工程')
  })

  it('returns nothing for empty, whitespace-final or overlong input, and at most `limit` suggestions', () => {
    expect(suggester.suggest('')).toEqual([])
    expect(suggester.suggest('千县 ')).toEqual([])
    expect(suggester.suggest('千'.repeat(500))).toEqual([])
    expect(suggester.suggest('县', { limit: 2 }).length).toBeLessThanOrEqual(2)
  })

  it('rejects a non-string input and a bad limit with INVALID_QUERY', () => {
    expect(() => suggester.suggest(42 as unknown as string)).toThrowError(expect.objectContaining({ code: 'INVALID_QUERY' }))
    expect(() => suggester.suggest('千县', { limit: 1000 })).toThrowError(ZhsearchError)
    expect(() => suggester.suggest('千县', { limit: -1 })).toThrowError(expect.objectContaining({ code: 'INVALID_QUERY' }))
  })
})

describe('suggest: pinyin', () => {
  it('full pinyin: changzhi → 长治', () => {
    expect(texts('changzhi').some((text) => text.startsWith('长治'))).toBe(true)
  })

  it('a partial syllable completes too: changz → 长治', () => {
    expect(texts('changz').some((text) => text.startsWith('长治'))).toBe(true)
  })

  it('initials: qxgc → 千县工程, cz → 长治…', () => {
    expect(texts('qxgc')).toContain('千县工程')
    expect(texts('cz', 10).some((text) => text.startsWith('长治'))).toBe(true)
  })

  it('mixed full syllables and initials: qianxgc → 千县工程', () => {
    expect(texts('qianxgc')).toContain('千县工程')
  })

  it('mixed Chinese and pinyin: 长zhi → 长治', () => {
    expect(texts('长zhi').some((text) => text.startsWith('长治'))).toBe(true)
  })

  it('heteronyms: the in-context reading (银行 yinhang, 重庆 chongqing) and the other reading of 朝 both find the word', () => {
    expect(texts('yinhang')).toContain('银行')
    expect(texts('chongqing').some((text) => text.startsWith('重庆'))).toBe(true)
    expect(texts('chaoyang').some((text) => text.startsWith('朝阳'))).toBe(true)
    expect(texts('zhaoyang').some((text) => text.startsWith('朝阳'))).toBe(true)
  })

  it('pinyin after earlier words keeps them: 淄博 yuanqian → 淄博 院前医疗急救', () => {
    expect(texts('淄博 yuanqian').some((text) => text.startsWith('淄博 院前'))).toBe(true)
  })
})

describe('expandPinyinQuery', () => {
  it('rewrites pinyin words into the Chinese word they spell (full or initials)', () => {
    expect(expandPinyinQuery(suggester, 'changzhi')).toMatch(/^长治/)
    expect(expandPinyinQuery(suggester, 'qxgc')).toBe('千县工程')
    expect(expandPinyinQuery(suggester, 'changzhi qianxiangongcheng')).toMatch(/^长治\S* 千县工程$/)
  })

  it('leaves queries with Chinese, and pinyin that spells nothing indexed, alone (undefined)', () => {
    expect(expandPinyinQuery(suggester, '千县工程')).toBeUndefined()
    expect(expandPinyinQuery(suggester, 'xyzzy')).toBeUndefined()
    expect(expandPinyinQuery(suggester, 'changz')).toBeUndefined()
  })
})

describe('entity names', () => {
  it('offers the programmes and places the engine tagged, as entities (千县 → 千县工程, 淄博 → 淄博市)', () => {
    expect(suggester.suggest('千县', { limit: 5 })).toContainEqual(expect.objectContaining({ text: '千县工程', kind: 'entity' }))
    expect(suggester.suggest('淄博', { limit: 10 })).toContainEqual(expect.objectContaining({ text: '淄博市', kind: 'entity' }))
  })

  it('never shows the index\'s internal entity tags (program:…, city:1404)', () => {
    for (const input of ['program', 'city', 'org', 'person']) expect(texts(input, 20).filter((text) => text.includes(':'))).toEqual([])
  })
})

describe('addEntries (the entity hook)', () => {
  it('adds entity names that complete like any other entry, ranked by their weight', () => {
    const withEntities = suggesterFor()
    withEntities.addEntries([{ text: '健康中国行动', kind: 'entity', weight: 10 }])
    expect(withEntities.suggest('健康')[0]).toEqual({ text: '健康中国行动', kind: 'entity', score: 10 })
    expect(withEntities.suggest('jkzg')[0]?.text).toBe('健康中国行动')
  })

  it('works on an empty engine and without any entries', () => {
    expect(new Suggester().suggest('千县')).toEqual([])
    expect(createSuggester(new SearchEngine()).suggest('qxgc')).toEqual([])
  })
})

describe('everyday terms of the dictionary', () => {
  // The corpus says 网络预约出租汽车 and 血液透析 only; people type 网约车 and 洗肾 (dict/expansions.tsv).
  const statutes = [
    { id: 'ride', title: '网络预约出租汽车经营服务管理办法', body: '网络预约出租汽车驾驶员应当取得相应从业资格。' },
    { id: 'dialysis', title: '血液透析室管理规范', body: '血液透析患者的医保报销比例。' },
  ]
  const engineWith = (options = {}) => {
    const engine = new SearchEngine(options)
    engine.addAll(statutes)
    return engine
  }

  it('offers the everyday word for a statutory form the index holds, in Chinese and in pinyin', () => {
    const engine = engineWith()
    const suggestions = createSuggester(engine)
    expect(suggestions.suggest('网约', { limit: 10 }).map((suggestion) => suggestion.text)).toContain('网约车')
    expect(suggestions.suggest('xishen', { limit: 10 }).map((suggestion) => suggestion.text)).toContain('洗肾')
    const result = engine.search('wangyueche')
    expect(result.rewrittenQuery).toBe('网约车')
    expect(result.hits[0]?.id).toBe('ride')
  })

  it('offers none whose statutory form the index lacks, nor any when the dictionaries are off', () => {
    const offered = (engine: SearchEngine, input: string) => createSuggester(engine).suggest(input, { limit: 10 }).map((suggestion) => suggestion.text)
    expect(offered(engineWith(), '黑车')).toEqual([])
    expect(offered(engineWith(), 'heiche')).not.toContain('黑车')
    expect(offered(engineWith({ analysis: { synonyms: false } }), '网约')).not.toContain('网约车')
  })
})
