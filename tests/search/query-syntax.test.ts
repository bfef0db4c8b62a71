import { describe, it, expect, beforeAll } from 'vitest'
import type { SearchEngine } from '../../src/index'
import { buildEngine, idsFor } from '../helpers/build-engine'
import { seededRandom } from '../helpers/random-text'

const DOCUMENTS = [
  { id: 'gongti', title: '县域医共体', body: '推进紧密型县域医共体建设，提升基层服务能力。' },
  { id: 'lianti', title: '城市医联体', body: '城市医联体建设取得进展，三级医院牵头。' },
  { id: 'qianming', title: '千名医师下基层', body: '持续开展千名医师下基层行动，巡回医疗。' },
  { id: 'jiceng', title: '基层卫生', body: '加强基层卫生人才队伍，乡村医生待遇提高。' },
  { id: 'yiliao', title: '医疗保障', body: '医疗保障水平提高，门诊报销比例提升。' },
  { id: 'weisheng', title: '卫生院', body: '乡镇卫生院标准化建设率达100%，医疗卫生服务更便捷。' },
]

let engine: SearchEngine
beforeAll(() => {
  engine = buildEngine(DOCUMENTS)
})

describe('phrases "…"', () => {
  it('match the words next to each other, in order', () => {
    expect(idsFor(engine, '"基层服务"')).toEqual(['gongti'])
    expect(idsFor(engine, '"服务基层"')).toEqual([])
  })

  it('match even when the document segmented the phrase differently (医共体 inside 县域医共体)', () => {
    expect(idsFor(engine, '"医共体建设"')).toEqual(['gongti'])
  })

  it('accept Chinese quotation marks', () => {
    expect(idsFor(engine, '“医共体建设”')).toEqual(['gongti'])
  })

  it('are required to be consecutive: words present but apart do not match', () => {
    expect(idsFor(engine, '"医联体 医院"')).toEqual([])
    expect(idsFor(engine, '医联体 医院')).toContain('lianti')
  })
})

describe('exclusion, OR, required words and fields', () => {
  it('-word excludes documents containing it', () => {
    expect(idsFor(engine, '建设')).toEqual(expect.arrayContaining(['gongti', 'lianti', 'weisheng']))
    const ids = idsFor(engine, '建设 -医联体')
    expect(ids).toEqual(expect.arrayContaining(['gongti', 'weisheng']))
    expect(ids).not.toContain('lianti')
  })

  it('a query of only exclusions matches nothing', () => {
    expect(engine.search('-医联体').total).toBe(0)
  })

  it('OR matches a document holding either operand, in either position', () => {
    expect(idsFor(engine, '核电站 OR 医共体')).toEqual(['gongti'])
    expect(idsFor(engine, '医共体 OR 核电站')).toEqual(['gongti'])
    expect(idsFor(engine, '核电站 | 医联体')).toEqual(['lianti'])
  })

  it('+word requires the word', () => {
    expect(idsFor(engine, '+报销 医疗')).toEqual(['yiliao'])
  })

  it('title:word matches only documents with the word in the title', () => {
    expect(idsFor(engine, '基层')).toEqual(expect.arrayContaining(['gongti', 'qianming', 'jiceng']))
    expect(idsFor(engine, 'title:基层').sort()).toEqual(['jiceng', 'qianming'])
  })

  it('title:place matches only titles, not places recognised in the body', () => {
    const places = buildEngine([
      { id: 'in-title', title: '晋中市深化医改', body: '新闻发布会召开。' },
      { id: 'in-body', title: '乡村医生', body: '晋中市祁县来远镇地处偏远山区。' },
    ])
    expect(idsFor(places, 'title:晋中')).toEqual(['in-title'])
    expect(idsFor(places, '晋中').sort()).toEqual(['in-body', 'in-title'])
  })

  it('an unknown field name is plain text, not an error', () => {
    expect(() => engine.search('author:基层')).not.toThrow()
  })
})

describe('queries that match nothing', () => {
  it.each([
    ['the empty string', ''],
    ['whitespace', ' \t\u3000\n'],
    ['only stopwords', '的 了 和'],
    ['only punctuation', '，。！？、……'],
    ['only operators', '+ - OR "" AND'],
    ['a word no document has', '核电站'],
  ])('%s gives no hits and no error', (_name, query) => {
    const result = engine.search(query)
    expect(result.total).toBe(0)
    expect(result.hits).toEqual([])
  })
})

describe('article numbers, in digits or in Chinese numerals', () => {
  let engine: SearchEngine
  beforeAll(() => {
    engine = buildEngine([
      { id: 'article-38', title: '劳动合同法', body: '第三十七条 劳动者提前三十日以书面形式通知用人单位，可以解除劳动合同。\n第三十八条 用人单位未及时足额支付劳动报酬的，劳动者可以解除劳动合同。' },
      { id: 'article-39', title: '劳动合同法', body: '第三十九条 劳动者严重违反用人单位的规章制度的，用人单位可以解除劳动合同。' },
      { id: 'digits', title: '罪名意见', body: '抢劫罪（第263条） 盗窃罪（第264条）' },
      // 38 as a plain number in most texts: the other writing must weigh fully all the same.
      ...['培训38人。', '新增38家。', '覆盖38个县。', '完成38项。'].map((body, i) => ({ id: `number-${i}`, title: '通报', body })),
    ])
  })

  it('finds 第三十八条 for 第38条 or 38条, and shows it', () => {
    for (const query of ['第38条', '劳动合同法38条', '劳动合同法 第38条']) {
      const [top] = engine.search(query).hits
      expect(top!.id, query).toBe('article-38')
      expect(top!.snippet, query).toContain('<mark>第三十八条</mark>')
    }
  })

  it('finds 第264条 for 第二百六十四条', () => {
    expect(idsFor(engine, '第二百六十四条')).toEqual(['digits'])
  })

  it('asks for the reference as one thing: 第 and 条 cut off by the segmenter are not words of their own', () => {
    const { analyzed } = engine.analyze('第38条')
    expect(analyzed.groups).toHaveLength(1)
    expect(analyzed.groups[0]!.alternatives.map((alternative) => alternative.source)).toEqual(['第38条', '第三十八条'])
  })

  it('asks for the reference, not the bare number: 第38条 ranks the articles above a rare 38号', () => {
    const laws = ['劳动合同法', '社会保险法', '安全生产法'].map((title, i) => ({ id: `law-${i}`, title, body: `第三十七条 总则。\n第三十八条 ${title}的规定。\n第三十九条 附则。` }))
    const judgment = { id: 'judgment', title: '民事判决书', body: '（2020）京01民终38号民事判决。' }
    const ids = idsFor(buildEngine([...laws, judgment]), '第38条')
    expect(ids.slice(0, 3).sort()).toEqual(['law-0', 'law-1', 'law-2'])
    expect(ids).not.toContain('judgment')
  })
})

describe('a snippet of the article the query names', () => {
  // Articles of a law, one a line; article 1 refers to article 12, and the title's words fill article 1.
  const articles = [
    '第一条 为了规范乡村医生执业，加强乡村医生队伍建设，依照本条例第十二条和第十六条的规定，制定乡村医生执业管理条例。',
    ...Array.from({ length: 14 }, (_, i) => `第${['二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五'][i]}条 县级卫生主管部门负责本行政区域内的监督管理工作，按年度公布考核结果。`),
  ]
  let engine: SearchEngine
  beforeAll(() => {
    engine = buildEngine([{ id: 'law', title: '乡村医生执业管理条例', body: articles.join('\n') }])
  })

  it('starts at the heading of the article, however its number is written', () => {
    for (const query of ['乡村医生执业管理条例第12条', '乡村医生执业管理条例 12条', '乡村医生执业管理条例第十二条']) {
      const [hit] = engine.search(query).hits
      expect(hit!.snippetField, query).toBe('body')
      expect(hit!.section, query).toBe('第十二条')
      expect(hit!.snippet, query).toMatch(/^…<mark>第十二条<\/mark> 县级卫生主管部门/)
    }
  })

  it('is not taken where another article refers to it, and falls back to the best passage when no line starts with it', () => {
    const [hit] = engine.search('乡村医生执业管理条例第16条').hits
    expect(hit!.section).toBe('第一条')
    expect(hit!.snippet).toContain('<mark>乡村医生</mark>')
    const { sections } = engine.analyze('乡村医生执业管理条例第16条').analyzed
    expect(sections?.map((section) => section.source)).toEqual(['第十六条'])
  })
})

describe('phrase frequencies', () => {
  // Random texts of a few words, some of which repeat inside the phrases: the phrase's count in each
  // document must be the number of places its text starts (overlapping ones included), whichever of its
  // words the ranker reads first.
  const WORDS = ['医疗', '保障', '服务', '基层', '，']
  const PHRASES = ['保障医疗', '服务服务', '保障服务基层', '医疗保障医疗', '基层，服务', '服务医疗服务']
  const occurrences = (text: string, phrase: string) => {
    let count = 0
    for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1)) count++
    return count
  }

  it('count every start of the phrase in every document, and find no document without one', () => {
    const random = seededRandom(11)
    const texts = Array.from({ length: 40 }, () => Array.from({ length: 30 }, () => WORDS[Math.floor(random() * WORDS.length)]!).join(''))
    const phraseEngine = buildEngine(texts.map((body, i) => ({ id: `d${i}`, title: '', body })))
    for (const phrase of PHRASES) {
      const expected = new Map(texts.flatMap((text, i) => (occurrences(text, phrase) > 0 ? [[`d${i}`, occurrences(text, phrase)] as const] : [])))
      const hits = phraseEngine.search(`"${phrase}"`, { limit: 100, explain: true }).hits
      const counted = new Map(hits.map((hit) => [hit.id, hit.explanation!.terms.find((term) => term.origin === 'phrase')?.tf]))
      expect(counted, phrase).toEqual(expected)
    }
  })
})
