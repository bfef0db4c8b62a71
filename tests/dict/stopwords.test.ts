import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { packageRoot } from '../../src/package-root'

const root = packageRoot()
const stopwordLines = readFileSync(join(root, 'dict/stopwords.txt'), 'utf8').split('\n')
const stopwords = stopwordLines.filter((line) => line !== '' && !line.startsWith('#'))
const healthWords = new Set(readFileSync(join(root, 'dict/health.dict.txt'), 'utf8').split('\n').map((line) => line.split(' ')[0]))

/** The issue asks for a moderate list: enough function words to matter, few enough to keep every content word. */
const MIN_STOPWORDS = 100
const MAX_STOPWORDS = 300

describe('dict/stopwords.txt', () => {
  it(`has ${MIN_STOPWORDS}–${MAX_STOPWORDS} distinct words with no surrounding spaces`, () => {
    expect(stopwords.length).toBeGreaterThanOrEqual(MIN_STOPWORDS)
    expect(stopwords.length).toBeLessThanOrEqual(MAX_STOPWORDS)
    expect(new Set(stopwords).size).toBe(stopwords.length)
    expect(stopwords.every((word) => word === word.trim() && !/\s/.test(word))).toBe(true)
  })

  it('keeps comments at the top only', () => {
    const firstWord = stopwordLines.findIndex((line) => line !== '' && !line.startsWith('#'))
    const commentsAfter = stopwordLines.slice(firstWord).filter((line) => line.startsWith('#') && !/^# [A-Z]/.test(line))
    expect(commentsAfter).toEqual([])
  })

  it('covers particles and the question words people type into a search box', () => {
    for (const word of ['的', '了', '和', '是', '在', '等', '及', '与', '怎么', '怎么办', '吗', '呢', '吧', '什么', '哪些', '如何', '多少', '是否', '能不能']) {
      expect(stopwords).toContain(word)
    }
  })

  it('holds no health-policy content word', () => {
    expect(stopwords.filter((word) => healthWords.has(word) || /医|药|病|卫生|健康|保险/.test(word))).toEqual([])
  })
})
