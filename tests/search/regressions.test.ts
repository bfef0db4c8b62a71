import { describe, it, expect } from 'vitest'
import { createAnalyzer, SearchEngine, ZhsearchError } from '../../src/index'

describe('regressions', () => {
  it('a quoted one-word phrase matches only documents containing those characters ("健康长治")', () => {
    const engine = new SearchEngine()
    engine.addAll([
      { id: 'has', body: '建设健康长治，提升民生幸福。' },
      { id: 'only-part', body: '健康山西建设取得成效。' },
    ])
    expect(engine.search('"健康长治"').hits.map((hit) => hit.id)).toEqual(['has'])
  })

  it('title:晋中 matches only documents with 晋中 in the title (a place name)', () => {
    const engine = new SearchEngine()
    engine.addAll([
      { id: 'title', title: '晋中市深化医改', body: '发布会召开。' },
      { id: 'body', title: '乡村医生', body: '晋中市祁县来远镇地处偏远山区。' },
    ])
    expect(engine.search('title:晋中').hits.map((hit) => hit.id)).toEqual(['title'])
  })

  it('a highlight after an NFKC-expanding character covers only the matched characters (Ⅻ, ﬁ)', () => {
    const body = '第Ⅻ条规定医疗保障。ﬁle医院管理'
    const engine = new SearchEngine()
    engine.add({ id: 'a', body })
    expect(engine.search('xii').hits[0]!.highlights.map(({ start, end }) => body.slice(start, end))).toEqual(['Ⅻ'])
    expect(engine.search('file').hits[0]!.highlights.map(({ start, end }) => body.slice(start, end))).toEqual(['ﬁle'])
  })

  it('every token covers at least one original character (½ → 1⁄2)', () => {
    const input = '医保½报销'
    for (const token of createAnalyzer().analyze(input)) expect(token.end, token.text).toBeGreaterThan(token.start)
  })

  it('a field named __proto__ is indexed or refused, never silently dropped', () => {
    let engine: SearchEngine | undefined
    try {
      engine = new SearchEngine({ fields: JSON.parse('{"__proto__":{"weight":2},"body":{}}') as Record<string, { weight?: number }> })
    } catch (error) {
      expect(error).toBeInstanceOf(ZhsearchError)
      expect((error as ZhsearchError).code).toBe('INVALID_OPTIONS')
      return
    }
    expect(engine.stats().fields).toContain('__proto__')
  })
})

describe('regressions (2)', () => {
  it('A OR B matches documents with B even when A is common (OR operands are not synonyms)', () => {
    const engine = new SearchEngine()
    engine.addAll([
      { id: 'gongti', body: '推进紧密型县域医共体建设，提升基层服务能力。' },
      { id: 'lianti', body: '城市医联体建设取得进展，三级医院牵头。' },
    ])
    expect(engine.search('医联体 OR 医共体').hits.map((hit) => hit.id).sort()).toEqual(['gongti', 'lianti'])
  })

  it('a multi-word synonym is highlighted only where the whole synonym occurs (医共体 → 医疗共同体 must not mark 医疗)', () => {
    const body = '医共体建设成效明显，医疗服务能力提升。'
    const engine = new SearchEngine()
    engine.add({ id: 'a', body })
    const marked = engine.search('医共体 建设').hits[0]!.highlights.map(({ start, end }) => body.slice(start, end))
    expect(marked).not.toContain('医疗')
  })

  it('two saves of one engine to the same path at once both succeed', async () => {
    const { mkdtempSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const engine = new SearchEngine()
    engine.add({ id: 'a', body: '医院' })
    const path = join(mkdtempSync(join(tmpdir(), 'zhsearch-save-')), 'x.zhs')
    await expect(Promise.all([engine.save(path), engine.save(path)])).resolves.toBeDefined()
  })

  it('CLI: a usage error without usage text writes exactly one line to stderr', async () => {
    const { execFileSync } = await import('node:child_process')
    let stderr = ''
    try {
      execFileSync(process.execPath, ['/work/main/dist/cli.js', 'search', '医院', '-i', '/work/main/tests/fixtures/index-v1.zhs', '-k', 'abc'], { encoding: 'utf8', stdio: 'pipe' })
    } catch (error) {
      stderr = (error as { stderr: string }).stderr
    }
    expect(stderr.split('\n')).toHaveLength(2) // one line + the final newline
  })
})

describe('regressions (3)', () => {
  it('an OR operand of several words needs all its words: 远程会诊 OR 核电站 ranks 远程会诊 above 远程 alone', () => {
    const engine = new SearchEngine()
    engine.addAll([
      { id: 'partial', body: '开展远程教育培训，远程办公。' },
      { id: 'full', body: '开展远程会诊服务，覆盖全县。' },
      { id: 'other', body: '会议研究部署其他工作。' },
    ])
    const hits = engine.search('远程会诊 OR 核电站').hits
    expect(hits[0]!.id).toBe('full')
    expect(hits.find((hit) => hit.id === 'partial')?.score ?? 0).toBeLessThan(hits[0]!.score / 2)
  })
})
