import { describe, expect, it } from 'vitest'
import { SearchEngine, type Document } from '../../src/index'

/**
 * Laws almost never write the Latin or digit forms people type (PM2.5, 4S店, ETC, AED): a query using one
 * must find the law through its statutory wording, which the bundled expansions supply.
 */
const LAWS: readonly Document[] = [
  { id: 'air', title: '大气污染防治条例', body: '重污染天气预警期间，建筑工地应当停止土石方作业，减少颗粒物排放。' },
  { id: 'solvents', title: '工业涂装管理规定', body: '涂装企业应当使用低挥发性有机物含量的涂料。' },
  { id: 'rescue', title: '社会急救医疗管理条例', body: '机场、车站、商场等公共场所应当配置自动体外除颤器等急救设备。' },
  { id: 'licence', title: '机动车驾驶证申领和使用规定', body: '驾驶人应当按照驾驶证载明的准驾车型驾驶机动车。' },
  { id: 'ngo', title: '境外非政府组织境内活动管理法', body: '境外非政府组织在中国境内开展活动，应当依法登记设立代表机构。' },
  { id: 'interest', title: '民间借贷规定', body: '出借人请求的利率超过合同成立时一年期贷款市场报价利率四倍的，不予支持。' },
  { id: 'unrelated', title: '城市绿化条例', body: '任何单位和个人不得擅自砍伐城市树木，不得损坏绿化设施。' },
]

const engine = new SearchEngine()
engine.addAll(LAWS)

const topHit = (query: string): string | undefined => engine.search(query, { limit: 3 }).hits[0]?.id

describe('everyday Latin and digit words find the statutory wording', () => {
  // Each query's other words occur in none of the laws: only the expansion of the Latin word can find one.
  it.each([
    ['PM2.5爆表怎么办', 'air'],
    ['VOCs超标', 'solvents'],
    ['AED在哪', 'rescue'],
    ['C1能开啥', 'licence'],
    ['外国NGO', 'ngo'],
    // LPR comes from the corpus miner: 贷款市场报价利率（LPR）.
    ['LPR是多少', 'interest'],
  ])('%s → %s', (query, expected) => {
    expect(topHit(query)).toBe(expected)
  })

  it('ignores the case and width the Latin word is typed in', () => {
    for (const query of ['aed在哪', 'ＡＥＤ在哪', 'Aed在哪']) expect(topHit(query)).toBe('rescue')
  })

  it('does not expand a Latin word inside a longer Latin run (NGO inside NGOS, C1 inside C12)', () => {
    expect(engine.search('NGOS', { limit: 3 }).hits).toEqual([])
    expect(engine.search('C12', { limit: 3 }).hits).toEqual([])
  })
})
