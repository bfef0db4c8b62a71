import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { SearchEngine } from '../../src/index'
import { FORMAT_VERSION, READABLE_VERSIONS } from '../../src/index/index'
import { FIXTURE_DOCUMENTS, FIXTURE_LONG_DOCUMENT, LONG_DOCUMENT_SINCE, fixturePath } from '../fixtures/make-fixtures'

/**
 * Indexes saved by earlier builds must keep loading: each supported format version has a committed
 * file (written once by tests/fixtures/make-fixtures.ts) that is loaded here for good.
 */
describe.each([...READABLE_VERSIONS])('format version %i fixture', (version) => {
  it('loads from its file and answers queries with the documents it was built from', async () => {
    const engine = await SearchEngine.load(fixturePath(version))
    expect(engine.size).toBe(FIXTURE_DOCUMENTS.length - 1 + (version >= LONG_DOCUMENT_SINCE ? 1 : 0))
    expect(engine.search('长治').hits[0]?.id).toBe('changzhi')
    expect(engine.search('遠程會診').hits[0]?.id).toBe('lanzhou')
    expect(engine.search('"家庭医生签约"').hits.map((hit) => hit.id)).toEqual(['jinzhong'])
  })

  it('keeps the options and stored fields it was saved with', () => {
    const engine = SearchEngine.deserialize(new Uint8Array(readFileSync(fixturePath(version))))
    expect(engine.options.fields).toEqual({ title: { weight: 2 }, body: { weight: 1 } })
    expect(engine.search('医共体').hits[0]?.fields).toMatchObject({ title: '长治市医疗卫生服务', source: 'fixture' })
  })

  it('keeps its figures for range filters, by unit, value and subject', () => {
    const engine = SearchEngine.deserialize(new Uint8Array(readFileSync(fixturePath(version))))
    expect(engine.search('', { filter: { figure: { unit: '%', min: 0.9 } } }).hits.map((hit) => hit.id)).toEqual(['lanzhou'])
    expect(engine.search('', { filter: { figure: { unit: '/10万', subject: '死亡率' } } }).hits.map((hit) => hit.id)).toEqual(['jinzhong'])
    expect(engine.search('', { filter: { figure: { unit: '%', max: 0.5 } } }).total).toBe(0)
  })

  it('keeps the document removed before saving removed', () => {
    const engine = SearchEngine.deserialize(new Uint8Array(readFileSync(fixturePath(version))))
    expect(engine.has('removed')).toBe(false)
    expect(engine.search('删除 文档').total).toBe(0)
  })
})

describe.each(READABLE_VERSIONS.filter((version) => version >= LONG_DOCUMENT_SINCE))('format version %i fixture (long texts in blocks)', (version) => {
  it('gives a snippet from the end of a long text, and the whole text when the fields are read', async () => {
    const engine = await SearchEngine.load(fixturePath(version))
    const [hit] = engine.search('海洋牧场').hits
    expect(hit?.id).toBe('long-law')
    expect(hit?.snippet).toContain('<mark>海洋牧场</mark>')
    expect(hit?.section).toBe('第60条')
    expect(hit?.fields.body).toBe(FIXTURE_LONG_DOCUMENT.body)
    expect(engine.get('long-law')).toEqual({ title: FIXTURE_LONG_DOCUMENT.title, body: FIXTURE_LONG_DOCUMENT.body, source: 'fixture' })
  })
})

describe('an index of an older version, saved again', () => {
  it('is written in the current version and answers exactly as the one it was loaded from', () => {
    const old = SearchEngine.deserialize(new Uint8Array(readFileSync(fixturePath(LONG_DOCUMENT_SINCE))))
    const bytes = old.serialize()
    expect(new DataView(bytes.buffer, bytes.byteOffset).getUint32(4, true)).toBe(FORMAT_VERSION)
    const again = SearchEngine.deserialize(bytes)
    for (const query of ['海洋牧场', '"家庭医生签约"', '县级 人民政府 基层医疗卫生机构', '医共体']) {
      const before = old.search(query, { limit: 10 }).hits
      const after = again.search(query, { limit: 10 }).hits
      expect(after.map((hit) => [hit.id, hit.score, hit.snippet])).toEqual(before.map((hit) => [hit.id, hit.score, hit.snippet]))
    }
  })
})
