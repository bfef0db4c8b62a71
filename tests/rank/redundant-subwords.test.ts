import { describe, expect, it } from 'vitest'
import { SearchEngine } from '../../src/index'
import type { AnalyzedQuery, QueryTerm } from '../../src/query'
import { withoutCommonSubwords, withoutRedundantSubwords } from '../../src/rank'
import { sourceWith } from '../helpers/frequency-source'

function wordQuery(word: string, subwords: string[], phrase = false): AnalyzedQuery {
  const terms: QueryTerm[] = [
    { text: word, weight: 1, offset: 0, origin: 'query' },
    ...subwords.map((text) => ({ text, weight: 0.3, offset: word.indexOf(text), origin: 'subword' as const })),
  ]
  return { groups: [{ occur: 'should', alternatives: [{ terms, phrase, weight: 1, source: word }] }], highlightTerms: new Map() }
}

const termsOf = (query: AnalyzedQuery) => query.groups[0]!.alternatives[0]!.terms.map((term) => term.text)

describe('withoutRedundantSubwords', () => {
  it('drops a sub-word found in no document beyond its word, keeps one that stands on its own', () => {
    const source = sourceWith({ 中华人民共和国: 40, 共和国: 40, 人民: 900, 中华: 41 })
    expect(termsOf(withoutRedundantSubwords(wordQuery('中华人民共和国', ['中华', '人民', '共和国']), source))).toEqual(['中华人民共和国', '中华', '人民'])
  })

  it('keeps every sub-word when the index lacks the word itself: they are the only way to find it', () => {
    const source = sourceWith({ 共和国: 3, 人民: 9 })
    const query = wordQuery('中华人民共和国', ['人民', '共和国'])
    expect(withoutRedundantSubwords(query, source)).toBe(query)
  })

  it('leaves phrases, whose tokens check adjacency, alone', () => {
    const source = sourceWith({ 中华人民共和国: 40, 共和国: 40 })
    const query = wordQuery('中华人民共和国', ['共和国'], true)
    expect(withoutRedundantSubwords(query, source)).toBe(query)
  })
})

describe('withoutCommonSubwords (the first stage)', () => {
  it('drops a sub-word in most documents of a large corpus, keeps the word and its rarer sub-words', () => {
    const source = sourceWith({ 暂行规定: 120, 暂行: 300, 规定: 3300 }, 3471)
    expect(termsOf(withoutCommonSubwords(wordQuery('暂行规定', ['暂行', '规定']), source))).toEqual(['暂行规定', '暂行'])
  })

  it('keeps a common sub-word whose posting list is short: a small corpus is scored with all of them', () => {
    const source = sourceWith({ 暂行规定: 12, 暂行: 30, 规定: 80 }, 87)
    const query = wordQuery('暂行规定', ['暂行', '规定'])
    expect(withoutCommonSubwords(query, source)).toBe(query)
  })

  it('keeps every sub-word when the index lacks the word, however common they are', () => {
    const source = sourceWith({ 暂行: 3000, 规定: 3300 }, 3471)
    const query = wordQuery('暂行规定', ['暂行', '规定'])
    expect(withoutCommonSubwords(query, source)).toBe(query)
  })

  it('still drops the redundant sub-words', () => {
    const source = sourceWith({ 中华人民共和国: 40, 共和国: 40, 人民: 900 })
    expect(termsOf(withoutCommonSubwords(wordQuery('中华人民共和国', ['人民', '共和国']), source))).toEqual(['中华人民共和国', '人民'])
  })
})

describe('a common word with many sub-words, searched', () => {
  const engine = new SearchEngine()
  engine.addAll([
    { id: 'prc', title: '中华人民共和国宪法', body: '中华人民共和国是工人阶级领导的国家。' },
    { id: 'dprk', title: '朝鲜民主主义人民共和国', body: '朝鲜民主主义人民共和国的首都。' },
    { id: 'government', title: '人民政府', body: '县级人民政府负责。' },
  ])
  const hits = engine.search('中华人民共和国', { explain: true }).hits

  it('ranks the document with the whole word first and still finds those holding only its parts', () => {
    expect(hits.map((hit) => hit.id)).toEqual(['prc', 'dprk', 'government'])
  })

  it('scores without the sub-words that occur only inside the word, and with those found elsewhere', () => {
    const scored = new Set(hits[0]!.explanation!.terms.map((entry) => entry.term))
    expect(scored.has('华人')).toBe(false)
    expect(scored.has('中华人民')).toBe(false)
    expect(scored.has('人民共和国')).toBe(true)
    expect(scored.has('人民')).toBe(true)
  })
})
