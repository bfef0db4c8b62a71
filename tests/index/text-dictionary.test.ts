import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { jiebaDictionaryPath, textDictionaryText } from '../../dict/tools/build-text-dictionary'
import { SearchEngine } from '../../src/index'
import { TEXT_DICTIONARY_CHARACTERS, TEXT_DICTIONARY_FILE, textDictionary } from '../../src/index/text-dictionary'
import { packageRoot } from '../../src/package-root'

describe('the preset dictionary of stored texts', () => {
  it('is the file its generator makes from jieba’s dictionary, so regenerating it changes nothing', () => {
    const committed = readFileSync(join(packageRoot(), 'dict', TEXT_DICTIONARY_FILE), 'utf8')
    expect(committed).toBe(textDictionaryText(readFileSync(jiebaDictionaryPath(), 'utf8')) + '\n')
  })

  it('passes its checksum and fills deflate’s window with common words', () => {
    const bytes = textDictionary()
    expect(bytes.length).toBe(2 * TEXT_DICTIONARY_CHARACTERS)
    const text = bytes.toString('utf16le')
    expect(text).toMatch(/^\p{Script=Han}+$/u)
    // The commonest words sit at the end, nearest the text being compressed.
    expect(text.endsWith('一个')).toBe(true)
  })

  it('lets a saved index give back every stored character, snippets and whole texts alike', () => {
    const body = Array.from({ length: 1000 }, (_, i) => `第${i + 1}条 县级以上人民政府应当加强𠮷祥社区基层医疗卫生机构建设。`).join('\n') + '海洋牧场'
    const engine = new SearchEngine()
    engine.addAll([{ id: 'law', title: '示范条例', body }, { id: 'short', title: '短文', body: '家庭医生签约服务覆盖全市，'.repeat(30) }])
    expect(body.length).toBeGreaterThan(2 * 8192) // stored in blocks
    const loaded = SearchEngine.deserialize(engine.serialize())
    expect(loaded.get('law')).toEqual({ title: '示范条例', body })
    expect(loaded.get('short')).toEqual({ title: '短文', body: '家庭医生签约服务覆盖全市，'.repeat(30) })
    expect(loaded.search('海洋牧场').hits[0]?.snippet).toContain('<mark>海洋牧场</mark>')
  })
})
