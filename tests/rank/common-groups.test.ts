import { describe, expect, it } from 'vitest'
import { SearchEngine } from '../../src/index'
import type { AnalyzedQuery, QueryGroup } from '../../src/query'
import { commonGroups } from '../../src/rank'
import { sourceWith } from '../helpers/frequency-source'

function group(words: string[][], options: { occur?: QueryGroup['occur']; phrase?: boolean } = {}): QueryGroup {
  return {
    occur: options.occur ?? 'should',
    alternatives: words.map((terms) => ({
      terms: terms.map((text, i) => ({ text, weight: 1, offset: i, origin: 'query' as const })),
      phrase: options.phrase ?? false,
      weight: 1,
      source: terms.join(''),
    })),
  }
}

const query = (...groups: QueryGroup[]): AnalyzedQuery => ({ groups, highlightTerms: new Map() })

describe('commonGroups', () => {
  const laws = sourceWith({ 规定: 3300, 应当: 3000, 卫生: 400, 条例: 1200, 办法: 1100 }, 3471)

  it('marks the groups whose every word is in most documents of a large corpus', () => {
    expect(commonGroups(query(group([['规定']]), group([['卫生']]), group([['应当']])), laws)).toEqual([true, false, true])
  })

  it('does not mark a group with one rarer alternative, a phrase, or a must group', () => {
    expect(commonGroups(query(group([['规定'], ['卫生']]), group([['规定', '应当']], { phrase: true }), group([['规定']], { occur: 'must' })), laws)).toEqual([false, false, false])
  })

  it('marks nothing in a small corpus, where lists are short', () => {
    expect(commonGroups(query(group([['规定']])), sourceWith({ 规定: 80 }, 87))).toEqual([false])
  })
})

describe('common words searched in a large corpus', () => {
  // Every document holds 规定; one in sixty also 卫生, and two of those twice.
  const engine = new SearchEngine()
  const documents = Array.from({ length: 1200 }, (_, n) => ({
    id: `d${n}`,
    title: `第${n}号`,
    body: n % 60 === 0 ? (n % 120 === 0 ? '卫生规定。卫生服务。' : '卫生规定。') : '本规定自公布之日起施行。',
  }))
  engine.addAll(documents)

  it('scores a common word only in the documents that hold a rarer word of the query', () => {
    const result = engine.search('卫生 规定', { limit: 30 })
    expect(result.total).toBe(20)
    expect(result.hits.every((hit) => Number(hit.id.slice(1)) % 60 === 0)).toBe(true)
  })

  it('counts a common word everywhere when the query has nothing rarer', () => {
    expect(engine.search('规定').total).toBe(1200)
    expect(engine.search('规定 无此词语').total).toBe(1200)
  })

  it('keeps a must group in full', () => {
    expect(engine.search('+规定 卫生').total).toBe(1200)
    expect(Number(engine.search('+规定 卫生').hits[0]!.id.slice(1)) % 60).toBe(0)
  })
})
