import { Index } from 'flexsearch'
import { describe, expect, it } from 'vitest'
import { createFlexSearchEncoder } from '../../src/index'
import { createAnalyzer } from '../../src/analysis/index'

describe('createFlexSearchEncoder', () => {
  const zh = createFlexSearchEncoder()

  it('segments Chinese into words, once each, in text order, without punctuation', () => {
    const terms = zh.encode('推进县域医共体建设，推进医共体。')
    expect(terms).toContain('医共体')
    expect(terms).toContain('推进')
    expect(new Set(terms).size).toBe(terms.length)
    expect(terms.indexOf('推进')).toBeLessThan(terms.indexOf('医共体'))
    expect(terms.some((t) => /[，。]/.test(t))).toBe(false)
  })

  it('gives FlexSearch word-level matching: 单词 is found, the reversed 词单 is not', () => {
    const index = new Index({ tokenize: 'strict', encode: zh.encode })
    index.add(1, '一个单词')
    index.add(2, '推进紧密型县域医共体建设')
    expect(index.search('单词')).toEqual([1])
    expect(index.search('词单')).toEqual([])
    expect(index.search('医共体')).toEqual([2])
  })

  it('lets a traditional-script query find simplified text', () => {
    const index = new Index({ tokenize: 'strict', encode: zh.encode })
    index.add('a', '推进紧密型县域医共体建设')
    expect(index.search('縣域醫共體')).toEqual(['a'])
  })

  it('also works as an encoder object and with a given analyzer', () => {
    const own = createFlexSearchEncoder({ analyzer: createAnalyzer({ stopwords: [] }) })
    // FlexSearch accepts any object with an encode method as `encoder`; its typings only list its own Encoder class.
    const index = new Index({ encoder: own as never })
    index.add(7, '乡村医生签约服务')
    expect(index.search('乡村医生')).toEqual([7])
  })
})
