import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import nodejieba from 'nodejieba'
import { beforeAll, describe, expect, it } from 'vitest'
import { parseDictLine } from '../../dict/tools/health-dict-entry'
import { packageRoot } from '../../src/package-root'

const root = packageRoot()
const dictPath = join(root, 'dict/health.dict.txt')
const dictText = readFileSync(dictPath, 'utf8')
const seedLines = readdirSync(join(root, 'seeds'))
  .filter((name) => name.endsWith('.txt'))
  .sort()
  .flatMap((name) => readFileSync(join(root, 'seeds', name), 'utf8').split('\n'))

/** The issue asks for hundreds, ideally 1,000–5,000 entries, mined rather than hand-picked. */
const MIN_ENTRIES = 1000
const MAX_ENTRIES = 5000

/** Sentences with no health term: the dictionary must leave their segmentation exactly as it was. */
const ORDINARY_SENTENCES = [
  '我们今天下午去公园散步，天气很好。',
  '他在北京大学读书，明年夏天毕业。',
  '这家公司去年的销售收入增长了百分之十。',
  '请问从火车站到市政府怎么走？',
  '孩子们在操场上踢足球，老师在旁边看着。',
]

function segmentWith(userDict: string | undefined, sentences: readonly string[]): string[][] {
  nodejieba.load(userDict === undefined ? {} : { userDict })
  return sentences.map((sentence) => nodejieba.cut(sentence, true))
}

/** The first line of a seed article that contains `term`, so every check uses real prose. */
function seedSentenceWith(term: string): string {
  const line = seedLines.find((candidate) => candidate.includes(term))
  if (line === undefined) throw new Error(`no seed line contains ${term}`)
  return line
}

describe('dict/health.dict.txt as a file', () => {
  const lines = dictText.split('\n')

  it('ends with one newline and has no blank line, since cppjieba would read nothing useful from it', () => {
    expect(dictText.endsWith('\n')).toBe(true)
    expect(lines.pop()).toBe('')
    expect(lines.every((line) => line.trim() !== '')).toBe(true)
  })

  it('holds only `word freq tag` lines that cppjieba parses as meant (no comments: jieba would load them as words)', () => {
    const problems = lines.map((line) => ({ line, parsed: parseDictLine(line) })).filter(({ parsed }) => typeof parsed === 'string' || parsed.freq === 0)
    expect(problems).toEqual([])
    expect(lines.some((line) => line.startsWith('#'))).toBe(false)
  })

  it('has no duplicate and no empty word, and is sorted so regeneration diffs are readable', () => {
    const words = lines.map((line) => line.split(' ')[0] ?? '')
    expect(words.every((word) => word.length > 0)).toBe(true)
    expect(new Set(words).size).toBe(words.length)
    expect([...words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(words)
  })

  it(`has between ${MIN_ENTRIES} and ${MAX_ENTRIES} entries`, () => {
    expect(lines.length).toBeGreaterThanOrEqual(MIN_ENTRIES)
    expect(lines.length).toBeLessThanOrEqual(MAX_ENTRIES)
  })
})

describe('jieba with the health dictionary', () => {
  let plain: string[][] = []
  let ours: string[][] = []
  beforeAll(() => {
    plain = segmentWith(undefined, ORDINARY_SENTENCES)
    ours = segmentWith(dictPath, ORDINARY_SENTENCES)
  })

  it.each(['医共体', '村医', '集采', '家庭医生签约服务', '分级诊疗', '医保基金', '乡镇卫生院', '村卫生室', '互联网医院', '基层医疗卫生机构'])(
    'keeps %s whole in a seed sentence that contains it',
    (term) => {
      expect(nodejieba.cut(seedSentenceWith(term), true)).toContain(term)
      expect(nodejieba.cut(seedSentenceWith(term), false)).toContain(term)
    },
  )

  it('keeps 医共体 whole even where plain jieba breaks it into single characters', () => {
    const sentence = seedSentenceWith('医共体')
    expect(nodejieba.cut(sentence, false)).toContain('医共体')
    nodejieba.load()
    expect(nodejieba.cut(sentence, false)).not.toContain('医共体')
    nodejieba.load({ userDict: dictPath })
  })

  it('leaves ordinary sentences segmented exactly as plain jieba does', () => {
    expect(ours).toEqual(plain)
    expect(ours[0]).toContain('公园')
  })

  it('still splits a plain health sentence into its ordinary words', () => {
    expect(nodejieba.cut('医院的医生每天都很忙', true)).toEqual(['医院', '的', '医生', '每天', '都', '很', '忙'])
  })
})
