import { describe, it, expect } from 'vitest'
import { buildEngine } from '../helpers/build-engine'

const DOCUMENTS = [
  { id: 'law', title: '甲市基层卫生条例', body: '第一条 为了加强基层医疗卫生服务，制定本条例。\n第二条 远程会诊应当覆盖全部乡镇卫生院。' },
  { id: 'notice', title: '乙市卫生通知', body: '各乡镇卫生院开展远程会诊，方便群众就医。' },
]

/** Hits build their snippets when first read: these check that a reader cannot tell. */
describe('hit snippets, built on first read', () => {
  it('are in JSON and in spread copies, with the section only where the text has articles', () => {
    const engine = buildEngine(DOCUMENTS)
    const hits = engine.search('远程会诊').hits
    const json = JSON.parse(JSON.stringify(hits)) as Record<string, unknown>[]
    const law = json.find((hit) => hit.id === 'law')!
    expect(law).toMatchObject({ snippetField: 'body', section: '第二条' })
    expect(law.snippet).toContain('<mark>远程会诊</mark>')
    const notice = { ...hits.find((hit) => hit.id === 'notice')! }
    expect(notice.snippet).toContain('<mark>远程会诊</mark>')
    expect(Object.keys(notice)).not.toContain('section')
    expect(notice.highlights.length).toBeGreaterThan(0)
  })

  it('show the document as it was found, even when it is updated or removed before they are read', () => {
    const engine = buildEngine(DOCUMENTS)
    const [first, second] = engine.search('远程会诊').hits
    const expected = buildEngine(DOCUMENTS).search('远程会诊').hits.map((hit) => ({ ...hit }))
    engine.update({ id: first!.id, title: '改过的标题', body: '全文已改写，与会诊无关。' })
    engine.remove(second!.id)
    expect([{ ...first! }, { ...second! }]).toEqual(expected)
    const { title, body } = DOCUMENTS.find((document) => document.id === first!.id)!
    expect(first!.fields).toEqual({ title, body })
  })

  it('can be overwritten like plain properties', () => {
    const engine = buildEngine(DOCUMENTS)
    const hit = engine.search('远程会诊').hits[0]!
    hit.snippet = '自定义摘要'
    expect(hit.snippet).toBe('自定义摘要')
    expect(hit.highlights.length).toBeGreaterThan(0)
    expect(JSON.parse(JSON.stringify(hit)).snippet).toBe('自定义摘要')
  })
})
