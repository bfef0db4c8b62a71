import { describe, it, expect, beforeAll } from 'vitest'
import { createAnalyzer } from '../../src/analysis'
import { analyzeFields, InvertedIndex, PostingBuffer } from '../../src/index/index'
import { readPositions } from '../../src/rank'

const TEXTS = [
  ['基层卫生条例', '基层医疗卫生机构负责基层卫生服务。'],
  ['乙市规定', '本规定适用于本市。'],
  ['基层医疗', '卫生院是基层医疗卫生机构，卫生院应当提供卫生服务。'],
]

describe('posting lists read for scoring and for passages', () => {
  let index: InvertedIndex
  beforeAll(() => {
    const analyzer = createAnalyzer()
    index = new InvertedIndex(['title', 'body'])
    TEXTS.forEach((texts, doc) => index.addAnalyzed(doc, analyzeFields(texts, analyzer)))
    index.flush()
  })

  it('decode into arrays the same documents and term frequencies a walk over the list visits', () => {
    const buffer = new PostingBuffer()
    for (const term of ['卫生', '基层', '本市', '卫生院']) {
      const termId = index.termId(term)!
      const walked: number[][] = []
      index.forEachPosting(termId, 1, (doc, tf) => void walked.push([doc, tf]))
      const count = index.readPostings(termId, 1, buffer)
      const decoded = Array.from({ length: count }, (_, i) => [buffer.docs[i]!, buffer.tfs[i]!])
      expect(decoded, term).toEqual(walked)
      expect(count, term).toBeGreaterThan(0)
    }
    expect(index.readPostings(index.termId('卫生院')!, 1, buffer)).toBe(1)
    expect(buffer.tfs[0]).toBe(2)
  })

  it('grow the buffer for a list longer than it', () => {
    const analyzer = createAnalyzer()
    const large = new InvertedIndex(['body'])
    for (let doc = 0; doc < 3000; doc++) large.addAnalyzed(doc, analyzeFields([`第${doc}号 卫生服务`], analyzer))
    large.flush()
    const buffer = new PostingBuffer()
    const count = large.readPostings(large.termId('卫生')!, 0, buffer)
    expect(count).toBe(3000)
    expect(Array.from(buffer.docs.subarray(0, count))).toEqual(Array.from({ length: 3000 }, (_, doc) => doc))
  })

  it('visit only the wanted documents, with their positions, when reading for passages', () => {
    const termId = index.termId('卫生')!
    const visited: [number, number[]][] = []
    index.forEachPostingIn(termId, 1, Int32Array.from([1, 2]), (doc, tf, reader) => void visited.push([doc, readPositions(reader, tf)]))
    const body = TEXTS[2]![1]!
    const expected = [...body.matchAll(/卫生/g)].map((match) => match.index)
    // Document 1 does not hold the word: only document 2 is visited.
    expect(visited).toEqual([[2, expected]])
    const none: number[] = []
    index.forEachPostingIn(termId, 1, new Int32Array(0), (doc) => void none.push(doc))
    expect(none).toEqual([])
  })

  it('give every document its positions whether it holds the word once (no length stored) or more often', () => {
    const analyzer = createAnalyzer()
    const mixed = new InvertedIndex(['body'])
    // Positions past 127 and 16383 take two and three varint bytes: the step over a lone one must too.
    const bodies = ['卫生', '卫生 卫生', `${'。'.repeat(200)}卫生`, `${'。'.repeat(20_000)}卫生`, '卫生 服务 卫生 卫生']
    bodies.forEach((body, doc) => mixed.addAnalyzed(doc, analyzeFields([body], analyzer)))
    mixed.flush()
    const termId = mixed.termId('卫生')!
    const visited: [number, number[]][] = []
    mixed.forEachPosting(termId, 0, (doc, tf, reader) => void visited.push([doc, readPositions(reader, tf)]))
    expect(visited).toEqual(bodies.map((body, doc) => [doc, [...body.matchAll(/卫生/g)].map((match) => match.index)]))
    const buffer = new PostingBuffer()
    const count = mixed.readPostings(termId, 0, buffer)
    expect(Array.from(buffer.docs.subarray(0, count))).toEqual([0, 1, 2, 3, 4])
    const wanted: number[] = []
    mixed.forEachPostingIn(termId, 0, Int32Array.from([3, 4]), (doc) => void wanted.push(doc))
    expect(wanted).toEqual([3, 4])
  })

  it('visit exactly the wanted documents of a long list, whose blocks are skipped, before and after it grows', () => {
    const analyzer = createAnalyzer()
    const long = new InvertedIndex(['body'])
    // Every third document holds the word, some twice: a list long enough to be read through its skip entries.
    const holds = (doc: number) => doc % 3 === 0
    const bodyOf = (doc: number) => (holds(doc) ? (doc % 2 ? '卫生 服务' : '卫生 服务 卫生') : '服务')
    for (let doc = 0; doc < 3000; doc++) long.addAnalyzed(doc, analyzeFields([bodyOf(doc)], analyzer))
    long.flush()
    const termId = long.termId('卫生')!
    const read = (docs: number[]) => {
      const visited: [number, number[]][] = []
      long.forEachPostingIn(termId, 0, Int32Array.from(docs), (doc, tf, reader) => void visited.push([doc, readPositions(reader, tf)]))
      return visited
    }
    const expected = (docs: number[]) => docs.filter(holds).map((doc) => [doc, doc % 2 ? [0] : [0, 6]])
    const sparse = [0, 1, 2, 3, 47, 48, 700, 701, 702, 1500, 2997, 2998, 2999]
    expect(read(sparse)).toEqual(expected(sparse))
    const every = Array.from({ length: 3000 }, (_, doc) => doc)
    expect(read(every)).toEqual(expected(every))
    // New postings appended after the skip entries were built are found too.
    for (let doc = 3000; doc < 3100; doc++) long.addAnalyzed(doc, analyzeFields([bodyOf(doc)], analyzer))
    long.flush()
    const grown = [5, 2997, 3000, 3003, 3050, 3099]
    expect(read(grown)).toEqual(expected(grown))
  })

  it('keep the documents of every word in order, with their positions, however the documents fall between flushes', () => {
    const analyzer = createAnalyzer()
    const bodies = Array.from({ length: 40 }, (_, doc) => ['卫生 服务', '服务 基层 卫生 卫生', '基层', '卫生院 卫生'][doc % 4]!)
    const build = (flushEvery: number) => {
      const built = new InvertedIndex(['body'])
      bodies.forEach((body, doc) => {
        built.addAnalyzed(doc, analyzeFields([body], analyzer))
        if ((doc + 1) % flushEvery === 0) built.flush()
      })
      built.flush()
      return built
    }
    const listsOf = (built: InvertedIndex) =>
      ['卫生', '服务', '基层', '卫生院'].map((term) => {
        const visited: [number, number[]][] = []
        built.forEachPosting(built.termId(term)!, 0, (doc, tf, reader) => void visited.push([doc, readPositions(reader, tf)]))
        return visited
      })
    const expected = ['卫生', '服务', '基层', '卫生院'].map((term) =>
      bodies.flatMap((body, doc) => {
        const at = [...body.matchAll(new RegExp(term, 'g'))].map((match) => match.index)
        return at.length > 0 ? [[doc, at]] : []
      }),
    )
    expect(listsOf(build(1))).toEqual(expected)
    expect(listsOf(build(7))).toEqual(expected)
    expect(listsOf(build(1000))).toEqual(expected)
  })
})
