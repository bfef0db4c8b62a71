import { describe, it, expect } from 'vitest'
import { createAnalyzer, normalizeText, MAX_TOKEN_LENGTH } from '../../src/analysis'
import { expectTokens, coarseTexts } from '../helpers/expect-tokens'
import { randomCodeUnits, randomTrickyText, seededRandom } from '../helpers/random-text'

const analyzer = createAnalyzer()

describe('analyzer: the coarse word and its sub-words (the lattice)', () => {
  it('indexes 长治 inside 长治市 and 卫生 inside 医疗卫生 at the coarse word’s offsets', () => {
    expectTokens(analyzer, '长治市医疗卫生', [
      { text: '长治市', start: 0, end: 3, subword: false },
      { text: '长治', start: 0, end: 2, position: 0, subword: true },
      { text: '医疗卫生', start: 3, end: 7, subword: false },
      { text: '医疗', start: 3, end: 5, subword: true },
      { text: '卫生', start: 5, end: 7, position: 5, subword: true },
    ])
  })

  it('gives a sub-word the same position as the text it covers, so phrases over coarse words still line up', () => {
    const tokens = analyzer.analyze('推进县域医共体建设')
    const coarse = tokens.find((token) => token.text === '县域医共体')!
    const inner = tokens.find((token) => token.text === '医共体')!
    const next = tokens.find((token) => token.text === '建设')!
    expect(inner.subword).toBe(true)
    expect(inner.position).toBe(coarse.position + 2)
    // 医共体 ends exactly where 建设 starts: the phrase "医共体建设" is adjacent in position space.
    expect(inner.position + inner.positionLength).toBe(next.position)
  })

  it('lists each coarse word before its sub-words and never nests a sub-word outside its coarse word', () => {
    const tokens = analyzer.analyze('持续实施千县工程和县级医疗机构综合能力提升三年行动')
    let coarse = tokens[0]!
    expect(coarse.subword).toBe(false)
    for (const token of tokens) {
      if (!token.subword) coarse = token
      else {
        expect(token.start).toBeGreaterThanOrEqual(coarse.start)
        expect(token.end).toBeLessThanOrEqual(coarse.end)
        expect(token.text.length).toBeLessThan(coarse.text.length)
      }
    }
  })

  it('adds no sub-words when they are switched off', () => {
    const flat = createAnalyzer({ subwords: false })
    expect(flat.analyze('长治市医疗卫生').map((token) => token.text)).toEqual(['长治市', '医疗卫生'])
  })
})

describe('analyzer: offsets point into the original text', () => {
  it('folds full-width Latin to lower-case ASCII but keeps the full-width offsets', () => {
    expectTokens(analyzer, 'ＡＢＣ医院', [
      { text: 'abc', start: 0, end: 3 },
      { text: '医院', start: 3, end: 5 },
    ])
  })

  it('converts traditional to simplified with the original offsets: 遠程會診 → 远程 会诊', () => {
    const input = '開展遠程會診'
    const tokens = analyzer.analyze(input)
    const texts = tokens.map((token) => token.text).join('')
    expect(texts).toContain('远程')
    expect(texts).toContain('会诊')
    for (const token of tokens) expect(normalizeText(input.slice(token.start, token.end)).text).toBe(token.text)
  })

  it('segments traditional text as its simplified form: 醫療衛生機構 has the same tokens as 医疗卫生机构', () => {
    const simplified = analyzer.analyze('医疗卫生机构')
    expect(analyzer.analyze('醫療衛生機構')).toEqual(simplified)
  })

  it('keeps offsets after a character that NFKC expands (Ⅻ → xii, ﬁ → fi) and skips ㎡ without shifting what follows', () => {
    expectTokens(analyzer, '第Ⅻ条医疗保障', [
      { text: '第', start: 0, end: 1 },
      { text: 'xii', start: 1, end: 2 },
      { text: '条', start: 2, end: 3 },
      { text: '医疗保障', start: 3, end: 7 },
      { text: '医疗', start: 3, end: 5 },
      { text: '保障', start: 5, end: 7 },
    ])
    const ligature = 'ﬁle医院管理'
    for (const token of analyzer.analyze(ligature).filter((token) => token.text !== 'file')) {
      expect(ligature.slice(token.start, token.end)).toBe(token.text)
    }
    const area = '面积100㎡的诊室'
    const room = analyzer.analyze(area).find((token) => token.text === '诊室')!
    expect(area.slice(room.start, room.end)).toBe('诊室')
  })

  it('counts a surrogate pair (emoji, astral Han) as two units and keeps later offsets exact', () => {
    const input = '医院😀看病𠀀家庭医生'
    for (const token of analyzer.analyze(input)) {
      if (/^[\u4e00-\u9fff]+$/.test(token.text)) expect(input.slice(token.start, token.end)).toBe(token.text)
    }
    expect(analyzer.analyze(input).find((token) => token.text === '看病')).toMatchObject({ start: 4, end: 6 })
  })

  it('survives lone surrogates, control characters and the ideographic space, which separate words', () => {
    expectTokens(analyzer, '医疗\ud800卫生\u0001医院\u3000诊所\udc00', [
      { text: '医疗', start: 0, end: 2 },
      { text: '卫生', start: 3, end: 5 },
      { text: '医院', start: 6, end: 8 },
      { text: '诊所', start: 9, end: 11 },
    ])
  })
})

describe('analyzer: filters', () => {
  it('drops punctuation and stopwords', () => {
    expect(analyzer.analyze('，。！？、“”《》……——')).toEqual([])
    expect(coarseTexts(analyzer, '医院的医生和护士')).toEqual(['医院', '医生', '护士'])
  })

  it('keeps every word when given an empty stopword list', () => {
    expect(coarseTexts(createAnalyzer({ stopwords: [] }), '医院的医生')).toContain('的')
  })

  it('takes a custom stopword list instead of the bundled one', () => {
    expect(coarseTexts(createAnalyzer({ stopwords: ['医院'] }), '医院的医生')).toEqual(['的', '医生'])
  })

  it('lower-cases Latin words and keeps digits', () => {
    expect(coarseTexts(analyzer, 'COVID-19疫苗接种3356人次')).toEqual(expect.arrayContaining(['covid', '19', '疫苗接种', '3356']))
  })

  it('cuts a token longer than MAX_TOKEN_LENGTH to that length', () => {
    const tokens = analyzer.analyze('x'.repeat(MAX_TOKEN_LENGTH * 3))
    expect(tokens).toHaveLength(1)
    expect(tokens[0]!.text).toHaveLength(MAX_TOKEN_LENGTH)
  })

  it('returns no tokens for empty text and for non-strings', () => {
    expect(analyzer.analyze('')).toEqual([])
    expect(analyzer.analyze(undefined as unknown as string)).toEqual([])
    expect(analyzer.analyze(42 as unknown as string)).toEqual([])
  })

  it('streams through tokenize exactly the tokens analyze returns', () => {
    const input = '长治市医疗卫生，遠程會診'
    const streamed: [string, number, number, boolean][] = []
    analyzer.tokenize(input, (text, start, end, subword) => streamed.push([text, start, end, subword]))
    expect(streamed).toEqual(analyzer.analyze(input).map((token) => [token.text, token.start, token.end, token.subword]))
  })
})

describe('analyzer: invariants on random input', () => {
  const SEEDS = 80

  function checkInvariants(input: string): void {
    const tokens = analyzer.analyze(input)
    let lastCoarseStart = -1
    for (const token of tokens) {
      expect(token.start).toBeGreaterThanOrEqual(0)
      expect(token.end).toBeLessThanOrEqual(input.length)
      expect(token.start).toBeLessThanOrEqual(token.end)
      expect(token.text.length).toBeGreaterThan(0)
      expect(token.position).toBe(token.start)
      if (!token.subword) {
        expect(token.start).toBeGreaterThanOrEqual(lastCoarseStart)
        lastCoarseStart = token.start
      }
    }
    expect(analyzer.analyze(input)).toEqual(tokens)
  }

  it('keeps offsets inside the input, coarse starts non-decreasing, and is deterministic (tricky pieces)', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const input = randomTrickyText(seededRandom(seed), 40)
      try {
        checkInvariants(input)
      } catch (error) {
        throw new Error(`seed ${seed}, input ${JSON.stringify(input)}: ${(error as Error).message}`)
      }
    }
  })

  it('holds the same invariants on arbitrary UTF-16 code units', () => {
    for (let seed = 1; seed <= SEEDS; seed++) {
      const input = randomCodeUnits(seededRandom(seed), 60)
      try {
        checkInvariants(input)
      } catch (error) {
        throw new Error(`seed ${seed}, input ${JSON.stringify(input)}: ${(error as Error).message}`)
      }
    }
  })
})

describe('analyzer: large input', () => {
  it('analyses a sentence repeated 5,000 times with every repetition tokenised alike', () => {
    const sentence = '推进紧密型县域医共体建设，提升基层医疗卫生服务能力。'
    const once = analyzer.analyze(sentence)
    const tokens = analyzer.analyze(sentence.repeat(5000))
    expect(tokens).toHaveLength(once.length * 5000)
    const last = tokens.slice(-once.length)
    const shift = sentence.length * 4999
    expect(last.map((token) => ({ ...token, start: token.start - shift, end: token.end - shift, position: token.position - shift }))).toEqual(once)
  })
})
