import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSynonymDictionary } from '../../src/analysis/synonym-dictionary'
import { caught } from '../helpers/caught'

function userFile(content: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'zhsearch-synonyms-')), 'user.tsv')
  writeFileSync(path, content)
  return path
}


const terms = (expansions: readonly { term: string }[]): string[] => expansions.map((expansion) => expansion.term)

describe('bundled synonym dictionary', () => {
  const bundled = loadSynonymDictionary([])

  it('expands health-policy abbreviations both ways', () => {
    expect(terms(bundled.expansionsOf('卫健委'))).toEqual(expect.arrayContaining(['卫生健康委员会', '卫生健康委']))
    expect(terms(bundled.expansionsOf('卫生健康委员会'))).toContain('卫健委')
    expect(terms(bundled.expansionsOf('医保'))).toContain('医疗保障')
    expect(terms(bundled.expansionsOf('乡村医生'))).toContain('村医')
    expect(terms(bundled.expansionsOf('医联体'))).toContain('医疗联合体')
  })

  it('expands everyday words to the statutory words one way only', () => {
    const taxi = bundled.expansionsOf('网约车')
    expect(terms(taxi)).toContain('网络预约出租汽车')
    expect(terms(bundled.expansionsOf('房东'))).toContain('出租人')
    expect(terms(bundled.expansionsOf('出租人'))).not.toContain('房东')
  })

  it('weighs every expansion below the user\'s own word and above zero', () => {
    for (const term of ['医保', '房东', '共享单车', '工资']) {
      const expansions = bundled.expansionsOf(term)
      expect(expansions.length).toBeGreaterThan(0)
      for (const expansion of expansions) {
        expect(expansion.weight).toBeGreaterThan(0)
        expect(expansion.weight).toBeLessThan(1)
      }
    }
  })

  it('returns nothing for unknown terms and never returns the term itself', () => {
    expect(bundled.expansionsOf('不存在的词语甲乙丙')).toEqual([])
    expect(terms(bundled.expansionsOf('医保'))).not.toContain('医保')
  })

  it('prefers the longest dictionary term at a position', () => {
    expect(bundled.termsIn('网约车司机要什么证')[0]).toMatchObject({ term: '网约车司机', start: 0, end: 5 })
  })

  it('finds dictionary terms inside a whole query with offsets into it', () => {
    const query = '租的房子漏水房东不修'
    const found = bundled.termsIn(query)
    expect(found.find((occurrence) => occurrence.term === '房东不修')).toMatchObject({ start: 6, end: 10 })
    expect(found.find((occurrence) => occurrence.term === '漏水')).toMatchObject({ start: 4, end: 6 })
    for (const occurrence of found) expect(query.slice(occurrence.start, occurrence.end)).toBe(occurrence.term)
  })

  it('finds a term typed in traditional characters, with offsets into the traditional text', () => {
    const query = '網約車司機要什麼證'
    const [first] = bundled.termsIn(query)
    expect(first).toMatchObject({ term: '網約車司機', start: 0, end: 5 })
    expect(first!.expansions.map((expansion) => expansion.term)).toEqual(bundled.termsIn('网约车司机要什么证')[0]!.expansions.map((expansion) => expansion.term))
  })
})

describe('user synonym files', () => {
  it('adds a user file to the bundled dictionaries', () => {
    const path = userFile('# my words\n\n小区门禁\t出入口管理,门禁系统\texpansion\t0.5\n')
    const dictionary = loadSynonymDictionary([path])
    expect(dictionary.expansionsOf('小区门禁')).toEqual([
      { term: '出入口管理', weight: 0.5, kind: 'expansion' },
      { term: '门禁系统', weight: 0.5, kind: 'expansion' },
    ])
    expect(terms(dictionary.expansionsOf('医保'))).toContain('医疗保障')
  })

  it('keeps synonyms as a star: equivalents do not become each other\'s synonyms', () => {
    const dictionary = loadSynonymDictionary([userFile('甲乙\t甲方乙方,甲或乙\tsynonym\t0.7\n')], { bundled: false })
    expect(terms(dictionary.expansionsOf('甲方乙方'))).toEqual(['甲乙'])
    expect(terms(dictionary.expansionsOf('甲乙')).sort()).toEqual(['甲或乙', '甲方乙方'])
  })

  it('keeps the highest weight when two lines give the same pair', () => {
    const path = userFile('医保\t医疗保障\tsynonym\t0.4\n医保\t医疗保障\tsynonym\t0.9\n')
    expect(loadSynonymDictionary([path], { bundled: false }).expansionsOf('医保')).toEqual([{ term: '医疗保障', weight: 0.9, kind: 'synonym' }])
  })

  it('matches terms whatever their width, case or spacing', () => {
    const dictionary = loadSynonymDictionary([userFile('APP\t应用程序\texpansion\t0.6\n网络 约车\t网络预约出租汽车\texpansion\t0.6\n')], { bundled: false })
    expect(terms(dictionary.expansionsOf('ａｐｐ'))).toEqual(['应用程序'])
    expect(terms(dictionary.expansionsOf('网络约车'))).toEqual(['网络预约出租汽车'])
    expect(dictionary.termsIn('约 网络 约车 ')).toEqual([{ term: '网络 约车', start: 2, end: 7, expansions: [{ term: '网络预约出租汽车', weight: 0.6, kind: 'expansion' }] }])
    expect(dictionary.termsIn('手机ＡＰＰ乱收费')).toEqual([{ term: 'ＡＰＰ', start: 2, end: 5, expansions: [{ term: '应用程序', weight: 0.6, kind: 'expansion' }] }])
  })

  it('finds an everyday term typed with words between its parts, and only such a term', () => {
    const dictionary = loadSynonymDictionary(
      [userFile('手写遗嘱\t自书遗嘱\texpansion\t0.6\n遗嘱\t遗嘱继承\texpansion\t0.6\n人大代表\t全国人民代表大会代表\tsynonym\t0.8\n')],
      { bundled: false },
    )
    // The longer term wins over the shorter one inside it, as a contiguous match would.
    expect(dictionary.termsIn('爷爷自己手写了一份遗嘱有效吗')).toEqual([
      { term: '手写遗嘱', start: 4, end: 11, gap: { start: 6, end: 9 }, expansions: [{ term: '自书遗嘱', weight: 0.6, kind: 'expansion' }] },
    ])
    const found = (text: string) => dictionary.termsIn(text).map((occurrence) => occurrence.term)
    expect(found('手写的那样一份遗嘱')).toEqual(['遗嘱']) // five characters between: too far apart to be one phrase
    expect(found('手写了，遗嘱')).toEqual(['遗嘱']) // punctuation ends the phrase
    expect(found('人大常委会代表')).toEqual([]) // an abbreviation (two-way synonym) is matched only as written
  })

  it('matches Latin and digit terms only as whole words', () => {
    const dictionary = loadSynonymDictionary([userFile('CT\t医用设备\texpansion\t0.6\n120\t急救中心\texpansion\t0.6\n')], { bundled: false })
    expect(dictionary.termsIn('做CT检查').map((occurrence) => occurrence.term)).toEqual(['CT'])
    expect(dictionary.termsIn('ACT考试 12034号')).toEqual([])
    expect(dictionary.termsIn('打120叫车').map((occurrence) => occurrence.start)).toEqual([1])
  })

  it.each([
    ['too few columns', '医保\t医疗保障\tsynonym\n', 'columns'],
    ['an unknown kind', '医保\t医疗保障\tsame\t0.8\n', 'kind'],
    ['a weight above 1', '医保\t医疗保障\tsynonym\t1.5\n', 'weight'],
    ['a zero weight', '医保\t医疗保障\tsynonym\t0\n', 'weight'],
    ['a missing weight', '医保\t医疗保障\tsynonym\t\n', 'weight'],
    ['an empty equivalent', '医保\t医疗保障,\tsynonym\t0.8\n', 'equivalent'],
    ['an empty term', '\t医疗保障\tsynonym\t0.8\n', 'term'],
  ])('rejects %s with the file and line number', (_name, badLine, problem) => {
    const path = userFile(`# header\n网约车\t网络预约出租汽车\texpansion\t0.6\n${badLine}`)
    const error = caught(() => loadSynonymDictionary([path], { bundled: false }))
    expect(error.code).toBe('INVALID_DICTIONARY')
    expect(error.details).toEqual({ path, line: 3 })
    expect(error.message).toContain(`${path}:3`)
    expect(error.message).toContain(problem)
  })

  it('reports a missing file as INVALID_DICTIONARY with its path', () => {
    const path = join(tmpdir(), 'zhsearch-no-such-synonyms.tsv')
    const error = caught(() => loadSynonymDictionary([path], { bundled: false }))
    expect(error.code).toBe('INVALID_DICTIONARY')
    expect(error.details).toEqual({ path })
  })
})

describe('finding terms in hostile input', () => {
  const bundled = loadSynonymDictionary([])

  it('handles empty text, long runs of spaces and surrogate pairs without losing offsets', () => {
    expect(bundled.termsIn('')).toEqual([])
    expect(bundled.termsIn(' '.repeat(10_000))).toEqual([])
    const text = '😀房东𠀀不退押金'
    for (const occurrence of bundled.termsIn(text)) expect(text.slice(occurrence.start, occurrence.end)).toBe(occurrence.term)
    expect(bundled.termsIn(text).map((occurrence) => occurrence.term)).toEqual(['房东', '退押金'])
    // A gapped term's offsets span its gap, in a text of characters outside the basic plane.
    const gapped = '😀手写𠀀𠀀遗嘱'
    const [will] = bundled.termsIn(gapped)
    expect(will).toMatchObject({ term: '手写遗嘱', start: 2, end: 10, gap: { start: 4, end: 8 } })
  })
})
