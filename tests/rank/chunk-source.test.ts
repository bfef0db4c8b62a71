import { describe, it, expect, beforeAll } from 'vitest'
import { createAnalyzer } from '../../src/analysis'
import { analyzeFields, InvertedIndex, PostingBuffer, type DocumentStore } from '../../src/index/index'
import { ChunkPostingSource, CHUNK_CHARACTERS } from '../../src/rank'
import { IndexReader } from '../../src/search/index-reader'

/** An article of about 60 characters, numbered, about nothing in particular. */
function filler(article: number): string {
  return `第${article}条 本市各级人民政府应当加强组织领导，完善工作机制，保障所需经费，做好相关的服务和管理工作。`
}

/** A law of `articles` articles; `insert` puts extra text at the start of the given articles. */
function law(articles: number, insert: Record<number, string> = {}): string {
  return Array.from({ length: articles }, (_, i) => (insert[i + 1] ?? '') + filler(i + 1)).join('\n')
}

const BODIES = [
  law(40, { 10: '出租汽车驾驶员应当取得从业资格证。' }),
  law(3),
  law(40, { 2: '出租汽车驾驶员。', 30: '出租汽车驾驶员。', 31: '出租汽车驾驶员。' }),
]
const TITLES = ['甲市出租汽车管理条例', '乙市规定', '丙市客运条例']

/** A store that knows only which documents are deleted (none): all the chunk source asks of it. */
const store = { capacity: 3, size: 3, isDeleted: () => false } as unknown as DocumentStore

describe('ChunkPostingSource', () => {
  let reader: IndexReader
  beforeAll(() => {
    const analyzer = createAnalyzer()
    const index = new InvertedIndex(['title', 'body'])
    BODIES.forEach((body, doc) => index.addAnalyzed(doc, analyzeFields([TITLES[doc]!, body], analyzer)))
    index.flush()
    reader = new IndexReader(index, store, [2, 1])
  })

  it('cuts the long field into chunks and gives each occurrence to the chunk its position falls in', () => {
    const chunks = new ChunkPostingSource(reader, [0, 2], ['驾驶员'])
    expect(chunks.isChunked(1)).toBe(true)
    expect(chunks.isChunked(0)).toBe(false)
    const buffer = new PostingBuffer()
    const count = chunks.readPostings(reader.termId('驾驶员')!, 1, buffer)
    const found = Array.from({ length: count }, (_, i) => [chunks.documentOf(buffer.docs[i]!), buffer.tfs[i]!])
    // Occurrences counted per chunk of CHUNK_CHARACTERS characters of the body, in text order.
    const expected = [0, 2].flatMap((doc) => {
      const perChunk = new Map<number, number>()
      for (const match of BODIES[doc]!.matchAll(/驾驶员/g)) {
        const chunk = Math.floor(match.index / CHUNK_CHARACTERS)
        perChunk.set(chunk, (perChunk.get(chunk) ?? 0) + 1)
      }
      return [...perChunk.values()].map((tf) => [doc, tf])
    })
    expect(found).toEqual(expected)
    expect(expected.filter(([doc]) => doc === 2).length).toBeGreaterThan(1)
    // Law 0 comes first: its chunk ids start at 0.
    expect(buffer.docs[0]).toBe(Math.floor(BODIES[0]!.indexOf('驾驶员') / CHUNK_CHARACTERS))
  })

  it('gives an occurrence that starts exactly on a chunk boundary to the chunk it starts', () => {
    // 驾驶员 at the first and last characters of chunks: 0, 297 | 300, 597 | 600 | 900 (900 on the last boundary).
    const units = '管理'.repeat(500).split('')
    for (const at of [0, 297, 300, 597, 600, 900]) units.splice(at, 3, ...'驾驶员')
    const body = units.join('')
    const index = new InvertedIndex(['title', 'body'])
    index.addAnalyzed(0, analyzeFields(['丁市条例', body], createAnalyzer()))
    index.flush()
    const single = { capacity: 1, size: 1, isDeleted: () => false } as unknown as DocumentStore
    const boundaryReader = new IndexReader(index, single, [2, 1])
    const chunks = new ChunkPostingSource(boundaryReader, [0], ['驾驶员'])
    const buffer = new PostingBuffer()
    const count = chunks.readPostings(boundaryReader.termId('驾驶员')!, 1, buffer)
    const starts = [...body.matchAll(/驾驶员/g)].map((match) => match.index)
    expect(starts.filter((start) => start % CHUNK_CHARACTERS === 0)).toEqual([0, 300, 600, 900])
    const perChunk = new Map<number, number>()
    for (const start of starts) perChunk.set(Math.floor(start / CHUNK_CHARACTERS), (perChunk.get(Math.floor(start / CHUNK_CHARACTERS)) ?? 0) + 1)
    expect(Array.from(buffer.tfs.subarray(0, count))).toEqual([...perChunk.values()])
    expect([...perChunk.values()]).toEqual([2, 2, 1, 1])
  })

  it('gives a title word to the chunks that hold a query word, and to each law’s first chunk', () => {
    const chunks = new ChunkPostingSource(reader, [0, 2], ['出租汽车', '驾驶员'])
    const buffer = new PostingBuffer()
    const titleCount = chunks.readPostings(reader.termId('出租汽车')!, 0, buffer)
    const titleChunks = Array.from(buffer.docs.subarray(0, titleCount))
    const bodyCount = chunks.readPostings(reader.termId('驾驶员')!, 1, buffer)
    const bodyChunks = Array.from(buffer.docs.subarray(0, bodyCount))
    // 出租汽车 is in law 0's title only: its first chunk and the one holding 驾驶员.
    const law0 = bodyChunks.filter((chunk) => chunks.documentOf(chunk) === 0)
    expect(titleChunks).toEqual([...new Set([0, ...law0])].sort((a, b) => a - b))
  })

  it('gives ids only to the chunks that hold a query word and to each candidate’s first: a long text’s other chunks cost nothing', () => {
    const chunks = new ChunkPostingSource(reader, [0, 1], ['驾驶员'])
    const law0Chunks = Math.ceil(reader.fieldLength(1, 0) / (CHUNK_CHARACTERS / 3))
    expect(law0Chunks).toBeGreaterThan(4)
    // Law 0: its first chunk and the one holding 驾驶员; law 1: its first (and only) chunk.
    expect(chunks.documentCapacity).toBe(3)
    expect([0, 1, 2].map((chunk) => chunks.documentOf(chunk))).toEqual([0, 0, 1])
  })

  it('estimates chunk frequencies over the corpus: every chunk for a title word, min(tf, chunks) for a body word', () => {
    const chunks = new ChunkPostingSource(reader, [0], [])
    const perLaw = BODIES.map((_, doc) => Math.max(1, Math.ceil(reader.fieldLength(1, doc) / (CHUNK_CHARACTERS / 3))))
    expect(chunks.documentCount).toBe(perLaw.reduce((sum, count) => sum + count, 0))
    // 条例 is in the titles of laws 0 and 2 (and, as a word, in no body).
    expect(chunks.fieldDocFrequency(reader.termId('条例')!, 0)).toBe(perLaw[0]! + perLaw[2]!)
    expect(chunks.fieldDocFrequency(reader.termId('驾驶员')!, 1)).toBe(1 + 3)
  })
})
