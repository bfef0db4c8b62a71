import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { loadCorpus, parseJsonLines, splitArticle, textBytes } from '../../bench/data/corpus'
import { judgedDocIds, loadJudgments } from '../../bench/data/judgments'
import { generateKnownItems } from '../../bench/data/known-items'
import { buildLatencyQueries } from '../../bench/data/latency-queries'
import { seededRandom, shuffled } from '../../bench/data/random'
import { traditionalTwins } from '../../bench/data/traditional-queries'
import { ZhsearchError } from '../../src/errors'

const folder = mkdtempSync(join(tmpdir(), 'zhsearch-bench-test-'))
const lines = [
  JSON.stringify({ id: 'a', title: '上海市口岸服务条例', body: '为了规范口岸开放，提高口岸通关效率。', category: '上海地方法规' }),
  JSON.stringify({ id: 'b', title: '北京市献血条例', body: '为了保证医疗临床用血需要和安全。', category: '北京地方法规' }),
  JSON.stringify({ id: 'c', title: '上海市献血条例', body: '为了保障公民身体健康。', category: '上海地方法规' }),
]
/** Splits the way the bench's generator is given words: by the particles in these test titles. */
const splitTitle = (title: string): string[] => title.replace(/(市|条例)/g, ' $1 ').split(/\s+/).filter(Boolean)

describe('loadCorpus', () => {
  it('reads plain and gzipped JSON lines alike, keeping title, body and category', () => {
    writeFileSync(join(folder, 'c.jsonl'), lines.join('\n') + '\n')
    writeFileSync(join(folder, 'c.jsonl.gz'), gzipSync(lines.join('\n')))
    const plain = loadCorpus(join(folder, 'c.jsonl'))
    expect(plain).toHaveLength(3)
    expect(plain[0]).toEqual({ id: 'a', title: '上海市口岸服务条例', body: '为了规范口岸开放，提高口岸通关效率。', category: '上海地方法规' })
    expect(loadCorpus(join(folder, 'c.jsonl.gz'))).toEqual(plain)
  })

  it('rejects a line without id or body with INVALID_CORPUS and the line number', () => {
    try {
      parseJsonLines('{"id":"x","body":"正文"}\n{"title":"无正文"}', 'bad.jsonl')
      expect.unreachable()
    } catch (error) {
      expect(error).toBeInstanceOf(ZhsearchError)
      expect((error as ZhsearchError).code).toBe('INVALID_CORPUS')
      expect((error as ZhsearchError).details).toMatchObject({ line: 2 })
    }
  })

  it('splits an article into content paragraphs with file-and-line ids, dropping page furniture', () => {
    const article = join(folder, '007_article.txt')
    writeFileSync(article, '首页 > 新闻\n\n市卫生健康委员会今年将重点推进紧密型县域医共体建设，提升基层医疗服务能力。\n2024-08-28来源:某报\n')
    const docs = splitArticle(article)
    expect(docs.map((d) => d.id)).toEqual(['007_article#L3'])
    expect(textBytes(docs)).toBe(Buffer.byteLength(docs[0]!.body))
  })
})

describe('generateKnownItems', () => {
  const docs = parseJsonLines(lines.join('\n'), 'mem')

  it('keeps only queries whose words all occur in exactly one title, and names that title as the answer', () => {
    const queries = generateKnownItems(docs, { words: splitTitle, count: 10 })
    expect(queries.length).toBeGreaterThan(0)
    for (const q of queries) {
      const words = q.query.split(' ')
      const matching = docs.filter((d) => words.every((w) => d.title!.includes(w)))
      expect(matching.map((d) => d.id)).toEqual(Object.keys(q.qrels))
    }
    // 上海 + 条例 is in two titles, so it can never be a known-item query
    expect(queries.map((q) => q.query)).not.toContain('上海 条例')
  })

  it('is deterministic for a seed', () => {
    const once = generateKnownItems(docs, { words: splitTitle, seed: 5 })
    expect(generateKnownItems(docs, { words: splitTitle, seed: 5 })).toEqual(once)
  })
})

describe('judgments and query variants', () => {
  it('reads graded judgments and collects the judged documents', () => {
    const path = join(folder, 'q.jsonl')
    writeFileSync(path, '{"qid":"D1","query":"献血","type":"keyword","qrels":{"b":2,"c":1,"a":0}}\n')
    const queries = loadJudgments(path)
    expect(queries).toEqual([{ qid: 'D1', query: '献血', type: 'keyword', qrels: { b: 2, c: 1, a: 0 } }])
    expect([...judgedDocIds(queries)].sort()).toEqual(['b', 'c'])
  })

  it('turns simplified queries into traditional twins with the same judgments, skipping unchanged ones', () => {
    const twins = traditionalTwins([
      { qid: 'D1', query: '县域医共体', type: 'program', qrels: { a: 2 } },
      { qid: 'D2', query: '2024', type: 'figure', qrels: { b: 1 } },
    ])
    expect(twins).toEqual([{ qid: 'D1-T', query: '縣域醫共體', type: 'traditional', qrels: { a: 2 } }])
  })

  it('builds a latency mix of every kind the corpus supports, filtered queries carrying their category', () => {
    const docs = parseJsonLines(lines.join('\n'), 'mem')
    const knownItems = generateKnownItems(docs, { words: splitTitle })
    const mix = buildLatencyQueries({ docs, knownItems, judged: [], words: splitTitle })
    const kinds = new Set(mix.map((q) => q.kind))
    // no 'long': every body is shorter than a long query; no 'question': nothing is judged
    expect(kinds).toEqual(new Set(['multi', 'nospace', 'filtered', 'single', 'phrase']))
    for (const q of mix.filter((q) => q.kind === 'filtered')) expect(q.category).toMatch(/地方法规$/)
    for (const q of mix.filter((q) => q.kind === 'nospace')) expect(q.text).not.toMatch(/\s/)
  })
})

describe('seededRandom', () => {
  it('repeats its sequence for a seed and shuffles without losing items', () => {
    const a = seededRandom(1)
    const b = seededRandom(1)
    expect([a(), a(), a()]).toEqual([b(), b(), b()])
    expect(shuffled(seededRandom(3), [1, 2, 3, 4, 5]).sort()).toEqual([1, 2, 3, 4, 5])
  })
})
