import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it, expect, beforeAll } from 'vitest'
import type { SearchEngine } from '../../src/index'
import { buildEngine, idsFor, seedDocuments } from '../helpers/build-engine'

/** Seed article ids (file names in seeds/), by what each article is about. */
const CHANGZHI = '000_bfff91adfef988c3.txt'
const ZIBO = '001_a6fb4b32e38cce06.txt'
const LANZHOU = '002_0188c63bbb91a742.txt'
const JINZHONG = '003_06da37bd00a33546.txt'
const SHANXI = '004_07779c5dd90baee5.txt'

describe('ranking over the seed articles: the article that answers the query comes first', () => {
  let engine: SearchEngine
  beforeAll(() => {
    engine = buildEngine(seedDocuments())
  })

  it.each([
    ['王旭琴', CHANGZHI, 'a person interviewed in one article'],
    ['挂号费 报销', CHANGZHI, 'two words of one paragraph'],
    ['一次号管三天', CHANGZHI, 'a phrase typed without spaces'],
    ['淄博 专项工作评议', ZIBO, 'a city and a procedure'],
    ['兰州 健康扶贫', LANZHOU, 'a city and a programme'],
    ['遠程會診', LANZHOU, 'a traditional-script query over simplified text'],
    ['孕产妇死亡率', JINZHONG, 'a statistic named in one article'],
    ['晋中 医改', JINZHONG, 'a city and an abbreviation'],
    ['王广发 呼吸病学', SHANXI, 'a name and a specialty'],
  ])('%s → the %s article first (%s)', (query, expected) => {
    expect(idsFor(engine, query)[0]).toBe(expected)
  })

  it('puts both articles about 千名医师下基层 above the rest', () => {
    expect(idsFor(engine, '千名医师下基层').slice(0, 2).sort()).toEqual([CHANGZHI, SHANXI])
  })

  it('finds 长治 inside 长治市 (a sub-word) but only in the article that mentions the city', () => {
    expect(idsFor(engine, '长治')).toEqual([CHANGZHI])
  })

  it('counts total matching documents independently of limit', () => {
    const all = engine.search('医疗', { limit: 100 })
    expect(engine.search('医疗', { limit: 1 }).total).toBe(all.total)
    expect(all.hits).toHaveLength(all.total)
  })

  it('returns scores in decreasing order', () => {
    const scores = engine.search('基层 医疗 卫生 服务', { limit: 100 }).hits.map((hit) => hit.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))
    for (const score of scores) expect(score).toBeGreaterThan(0)
  })
})

describe('ranking relations (BM25F, coordination, proximity)', () => {
  it('ranks a document with both query words above documents with one, however often they repeat it', () => {
    const engine = buildEngine([
      { id: 'one-word-repeated', body: '医共体医共体医共体，医共体试点工作，医共体。' },
      { id: 'both', body: '推进县域医共体建设，强化基层服务。' },
      { id: 'other-word', body: '加强基础设施建设，建设项目已竣工。' },
    ])
    const ids = idsFor(engine, '医共体 建设')
    expect(ids[0]).toBe('both')
    expect(ids).toHaveLength(3)
  })

  it('ranks a shorter document above a longer one with the same occurrences (length normalisation)', () => {
    const filler = '会议还研究了其他事项，部署了下一阶段的重点任务。'.repeat(8)
    const engine = buildEngine([
      { id: 'long', body: `家庭医生签约服务。${filler}` },
      { id: 'short', body: '家庭医生签约服务。' },
    ])
    expect(idsFor(engine, '签约')).toEqual(['short', 'long'])
  })

  it('weighs a rare word above a common one', () => {
    const engine = buildEngine([
      { id: 'common', body: '医院医院。' },
      { id: 'rare', body: '医院疫苗。' },
      { id: 'c2', body: '医院诊所。' },
      { id: 'c3', body: '医院护士。' },
    ])
    // Both words once in 'rare'; the query word that is rare in the corpus decides the order of the others.
    expect(idsFor(engine, '疫苗 医院')[0]).toBe('rare')
  })

  it('lifts a title match when the title weight is raised', () => {
    const documents = [
      { id: 'in-title', title: '医保报销新规', body: '本市发布通知，调整门诊费用结算流程，方便群众就医。' },
      { id: 'in-body', title: '门诊结算流程调整', body: '本市发布通知，医保报销比例提高，医保报销范围扩大，方便群众。' },
    ]
    const rankOf = (weight: number) => {
      const hits = buildEngine(documents, { fields: { title: { weight }, body: {} } }).search('医保报销').hits
      return hits.find((hit) => hit.id === 'in-title')!.score / hits.find((hit) => hit.id === 'in-body')!.score
    }
    const low = rankOf(0.5)
    const high = rankOf(10)
    expect(high).toBeGreaterThan(low)
    expect(high).toBeGreaterThan(1)
    expect(low).toBeLessThan(1)
  })

  it('ranks words standing side by side above the same words scattered (proximity)', () => {
    const engine = buildEngine([
      { id: 'scattered', body: '家庭医生队伍不断壮大，群众反映良好，各项工作稳步推进，签约率明显提升。' },
      { id: 'adjacent', body: '家庭医生签约服务覆盖全市，群众反映良好，各项工作稳步推进，取得明显成效。' },
    ])
    expect(idsFor(engine, '家庭医生 签约')).toEqual(['adjacent', 'scattered'])
  })

  it('changes scores when k1 and b change, without changing who matches', () => {
    const documents = seedDocuments()
    const standard = buildEngine(documents)
    const tuned = buildEngine(documents, { bm25: { k1: 2, b: 0.2 } })
    const a = standard.search('基层 医疗', { limit: 100 })
    const b = tuned.search('基层 医疗', { limit: 100 })
    expect(b.total).toBe(a.total)
    expect(b.hits.map((hit) => hit.score)).not.toEqual(a.hits.map((hit) => hit.score))
  })
})

describe('everyday terms that the segmenter splits', () => {
  // 校园霸凌 is cut 校园 / 霸凌. 校园 stands in most of these texts, 霸凌 in none: the everyday term is
  // rare however common its first word is, so its statutory form must count in full.
  const campus = ['校园安全管理制度。', '校园周边环境治理。', '校园文化建设活动。', '校园食品安全检查。', '校园交通秩序维护。']
  const documents = [
    ...campus.map((body, i) => ({ id: `campus-${i}`, body })),
    { id: 'statute', body: '学校应当建立学生欺凌防控工作制度。' },
    { id: 'other', body: '社区卫生服务中心。' },
  ]

  function pairsFile(pairs: string): string {
    const path = join(mkdtempSync(join(tmpdir(), 'zhsearch-ranking-')), 'pairs.tsv')
    writeFileSync(path, pairs)
    return path
  }

  function engineWith(pairs: string): SearchEngine {
    return buildEngine(documents, { analysis: { synonymFiles: [pairsFile(pairs)] } })
  }

  it('ranks the statutory form first, as an answer to every word the everyday term spans', () => {
    const engine = engineWith('校园霸凌\t学生欺凌\texpansion\t0.6\n')
    const [top] = engine.search('校园霸凌', { explain: true }).hits
    expect(top!.id).toBe('statute')
    // It answers 校园 too, though 校园 alone is common: the term is judged by its rarest word.
    expect(top!.explanation).toMatchObject({ matchedGroups: 2, totalGroups: 2 })
    const { analyzed } = engine.analyze('校园霸凌')
    expect(analyzed.groups.map((group) => group.alternatives.map((alternative) => alternative.source))).toEqual([
      ['校园', '学生欺凌'],
      ['霸凌', '学生欺凌'],
    ])
  })

  it('weighs a Han term cut into single characters as a word, not as two particles', () => {
    // 年假 in 一年能休几天年假 is cut 年 / 假; lone characters weigh little, but these two are the topic:
    // the statute that says 带薪年休假 must outrank a text that only shares 几天.
    const engine = buildEngine(
      [
        { id: 'statute', body: '职工连续工作满十二个月以上的，享受带薪年休假。' },
        { id: 'days', body: '请假几天的，按照规定办理。' },
        ...['一年内完成年度工作报告。', '每一年编制年度预算。', '一年以内的三年行动计划。', '考核一年一次。', '连续一年未参加年检的。'].map((body, i) => ({ id: `year-${i}`, body })),
      ],
      { analysis: { synonymFiles: [pairsFile('年假\t带薪年休假\texpansion\t0.6\n')] } },
    )
    expect(engine.analyze('一年能休几天年假').analyzed.groups.map((group) => group.alternatives[0]!.source)).toEqual(expect.arrayContaining(['年', '假']))
    expect(idsFor(engine, '一年能休几天年假')[0]).toBe('statute')
  })

  it('finds the statutory form of a term typed with words between its parts, for those parts only', () => {
    const engine = buildEngine(
      [
        { id: 'statute', body: '自书遗嘱由遗嘱人亲笔书写，签名，注明年、月、日。' },
        { id: 'copy', body: '手写签名即可。' },
        ...Array.from({ length: 40 }, (_, i) => ({ id: `other-${i}`, body: `社区卫生服务中心第${i}号。` })),
      ],
      { analysis: { synonymFiles: [pairsFile('手写遗嘱\t自书遗嘱\texpansion\t0.6\n')] } },
    )
    const query = '爷爷手写了一份遗嘱有效吗'
    const expanded = engine.analyze(query).analyzed.groups.filter((group) => group.alternatives.some((alternative) => alternative.source === '自书遗嘱'))
    expect(expanded.map((group) => group.alternatives[0]!.source)).toEqual(['手写', '遗嘱'])
    expect(idsFor(engine, query)[0]).toBe('statute')
  })

  it('still weighs an expansion by how rare the user\'s own single word is', () => {
    // 校园 alone is the corpus's own word: its expansion adds nothing, and the texts that use it come first.
    const engine = engineWith('校园\t学生欺凌\texpansion\t0.6\n')
    expect(idsFor(engine, '校园')).not.toContain('statute')
  })

  it('weighs an expansion in an OR group by its own operand, whichever comes first', () => {
    // 校园 is common, 霸凌者 rare: the rare operand's statutory form counts in either order.
    const engine = engineWith('霸凌者\t学生欺凌\texpansion\t0.6\n')
    for (const query of ['校园 OR 霸凌者', '霸凌者 OR 校园']) expect(idsFor(engine, query), query).toContain('statute')
  })
})

describe('yes-no questions asked by "A not A" (能不能, 算不算, 有没有)', () => {
  const engine = buildEngine([
    { id: 'refund', body: '经营者应当在七日内办理退款。' },
    { id: 'cannot', body: '当事人不能到场的，不能委托。' },
    { id: 'law', body: '违反本条例规定的，依法处理。' },
  ])

  it('asks about A: the 不 half is no word of the query, however the segmenter cut the form', () => {
    // jieba cuts 商家能不能拒绝 as 能 / 不能: 不能 was searched, and matched texts by it alone.
    const sources = (query: string) => engine.analyze(query).analyzed.groups.map((group) => group.alternatives[0]!.source)
    expect(sources('商家能不能拒绝退款')).toEqual(['商家', '拒绝', '退款'])
    expect(idsFor(engine, '商家能不能拒绝退款')).not.toContain('cannot')
    expect(sources('医院能不能不经本人同意')).not.toContain('不能不')
  })
})

describe('phrases weigh as rare as they are', () => {
  it('finds the text that holds a statutory phrase of common words, the expansion of an everyday term', () => {
    // Every word of 未取得道路运输经营许可 is in most of these texts; the phrase is in one.
    const common = Array.from({ length: 30 }, (_, i) => ({
      id: `common-${i}`,
      body: `第${i}条 取得道路运输经营许可的经营者，应当按照许可的范围经营，未按规定的，由交通运输主管部门处理。`,
    }))
    const path = join(mkdtempSync(join(tmpdir(), 'zhsearch-ranking-')), 'pairs.tsv')
    writeFileSync(path, '开黑车\t未取得道路运输经营许可\texpansion\t0.6\n')
    const engine = buildEngine(
      [
        ...common,
        { id: 'statute', body: '未取得道路运输经营许可，擅自从事道路运输经营的，责令停止经营，并处罚款。' },
        { id: 'department', body: '交通部门应当公开办事流程，方便群众查询。' },
      ],
      { analysis: { synonymFiles: [path] } },
    )
    expect(idsFor(engine, '开黑车被交通部门查到')[0]).toBe('statute')
  })
})
