import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SearchEngine, type Document } from '../../src/index'
import { fixturePath } from '../fixtures/make-fixtures'
import { PROBE_QUERIES, buildEngine, rankingFor, seedDocuments } from '../helpers/build-engine'

/** The seed articles cut into paragraphs: about a hundred documents, each with its own words and entities. */
function seedParagraphs(): Document[] {
  return seedDocuments().flatMap((article) =>
    String(article.body)
      .split(/\n+/)
      .map((text) => text.trim())
      .filter((text) => text.length >= 20)
      .map((body, index) => ({ id: `${String(article.id)}#${index}`, title: String(article.title), body })),
  )
}

/** Removes every other paragraph and rewrites a few of the rest: the history compaction must leave no trace of. */
function churn(engine: SearchEngine, paragraphs: readonly Document[]): void {
  paragraphs.forEach((paragraph, index) => {
    if (index % 2 === 0) engine.remove(paragraph.id as string)
    else if (index % 7 === 1) engine.update({ ...paragraph, body: `${String(paragraph.body)} 远程会诊覆盖全部乡镇卫生院。` })
  })
}

/** What searching shows: rankings of the probe queries, and entity filters and facets. */
function observed(engine: SearchEngine, queries: readonly string[] = PROBE_QUERIES): unknown {
  const { total, hits, facets } = engine.search('医院', { filter: { city: '山西' }, facets: ['city'], limit: 100 })
  return {
    rankings: queries.map((query) => rankingFor(engine, query)),
    filtered: { total, facets, hits: hits.map(({ id, score, snippet, fields }) => ({ id, score, snippet, fields })) },
    figures: engine.search('', { filter: { figure: { unit: '人', min: 100 } }, limit: 100 }).hits.map((hit) => hit.id),
  }
}

/** An engine holding the live documents of `engine`, added fresh in the same order. */
function rebuilt(engine: SearchEngine): SearchEngine {
  return buildEngine([...engine.documents()] as Document[], { autoCompact: false })
}

describe('compaction', () => {
  const paragraphs = seedParagraphs()

  it('drops removed and replaced documents without changing a result', () => {
    expect(paragraphs.length).toBeGreaterThan(60)
    const engine = buildEngine(paragraphs, { autoCompact: false })
    churn(engine, paragraphs)
    const removed = Math.ceil(paragraphs.length / 2)
    const replaced = paragraphs.filter((_, index) => index % 2 === 1 && index % 7 === 1).length
    expect(engine.stats().awaitingCompaction).toBe(removed + replaced)
    const before = JSON.stringify(observed(engine))
    const termsBefore = engine.stats().terms
    engine.compact()
    expect(engine.stats().awaitingCompaction).toBe(0)
    expect(JSON.stringify(observed(engine))).toBe(before)
    // And the same as an index that never held the removed documents, down to its vocabulary.
    const fresh = rebuilt(engine)
    expect(JSON.stringify(observed(engine))).toBe(JSON.stringify(observed(fresh)))
    expect(engine.stats().terms).toBe(fresh.stats().terms)
    expect(engine.stats().terms).toBeLessThan(termsBefore)
  })

  it('saves live documents only: the file is the size of a fresh index of them', () => {
    const engine = buildEngine(paragraphs, { autoCompact: false })
    churn(engine, paragraphs)
    const saved = engine.serialize()
    const fresh = rebuilt(engine).serialize()
    // Removed documents leave a few bytes each (a null id, zero lengths), not their postings and text.
    expect(saved.length).toBeLessThan(fresh.length * 1.03)
    const loaded = SearchEngine.deserialize(saved)
    expect(loaded.stats().awaitingCompaction).toBe(0)
    expect(JSON.stringify(observed(loaded))).toBe(JSON.stringify(observed(engine)))
  })

  it('keeps indexing after compaction: adds, updates and removals rank as in a fresh index', () => {
    const engine = buildEngine(paragraphs, { autoCompact: false })
    churn(engine, paragraphs)
    engine.compact()
    engine.add({ id: 'new', title: '新文档', body: '长治市推进医共体建设，远程会诊覆盖全部乡镇卫生院。' })
    engine.update({ id: paragraphs[1]!.id, title: '改写', body: '千名医师下基层活动在晋中市展开。' })
    engine.remove(paragraphs[3]!.id as string)
    engine.compact()
    // The text of the last removed paragraph again: its words' newest postings were dropped, so their
    // next posting is encoded after the newest one kept.
    const lastRemoved = paragraphs[(paragraphs.length - 1) & ~1]!
    engine.add({ ...lastRemoved, id: 'again' })
    const queries = [...PROBE_QUERIES, ...String(lastRemoved.body).split(/[，。、；：,.;:]/).filter((clause) => clause.length >= 4).slice(0, 6)]
    expect(rankingFor(engine, queries.at(-1)!).map((hit) => hit.id)).toContain('again')
    expect(JSON.stringify(observed(engine, queries))).toBe(JSON.stringify(observed(rebuilt(engine), queries)))
  })

  it('empties an index whose every document was removed, which then takes new ones', () => {
    const engine = buildEngine(paragraphs.slice(0, 10), { autoCompact: false })
    for (const paragraph of paragraphs.slice(0, 10)) engine.remove(paragraph.id as string)
    engine.compact()
    expect(engine.stats()).toMatchObject({ documents: 0, terms: 0, awaitingCompaction: 0 })
    expect(engine.search('医院').total).toBe(0)
    engine.add(paragraphs[0]!)
    expect(SearchEngine.deserialize(engine.serialize()).search(String(paragraphs[0]!.title)).hits.map((hit) => hit.id)).toEqual([paragraphs[0]!.id])
  })

  it('leaves hits already returned as they were found, snippets and stored fields included', () => {
    const engine = buildEngine(paragraphs, { autoCompact: false })
    const hits = engine.search('远程会诊', { limit: 5 }).hits
    const expected = buildEngine(paragraphs).search('远程会诊', { limit: 5 }).hits.map((hit) => ({ ...hit }))
    expect(expected[0]!.snippet).toContain('<mark>')
    for (const hit of hits) engine.remove(hit.id)
    engine.compact()
    expect(hits.map((hit) => ({ ...hit }))).toEqual(expected)
  })

  it('runs by itself once removals pass the thresholds, and not when turned off', () => {
    expect(new SearchEngine().options.autoCompact).toEqual({ minDeleted: 20, minDeletedShare: 0.1 })
    const engine = buildEngine(paragraphs, { autoCompact: { minDeleted: 3, minDeletedShare: 0.1 } })
    const needed = Math.ceil(0.1 * paragraphs.length)
    for (let i = 0; i < needed - 1; i++) engine.remove(paragraphs[i]!.id as string)
    expect(engine.stats().awaitingCompaction).toBe(needed - 1)
    engine.remove(paragraphs[needed - 1]!.id as string)
    expect(engine.stats().awaitingCompaction).toBe(0)

    const manual = buildEngine(paragraphs, { autoCompact: false })
    for (const paragraph of paragraphs.slice(0, 40)) manual.remove(paragraph.id as string)
    expect(manual.stats().awaitingCompaction).toBe(40)
  })

  it('refuses thresholds of the wrong kind with INVALID_OPTIONS', () => {
    expect(() => new SearchEngine({ autoCompact: { minDeleted: 0 } })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }))
    expect(() => new SearchEngine({ autoCompact: 'often' as never })).toThrow(expect.objectContaining({ code: 'INVALID_OPTIONS' }))
  })

  it('compacts a file saved before compaction existed at its next save', () => {
    const old = SearchEngine.deserialize(new Uint8Array(readFileSync(fixturePath(7))))
    expect(old.stats().awaitingCompaction).toBe(1)
    const resaved = SearchEngine.deserialize(old.serialize())
    expect(resaved.stats().awaitingCompaction).toBe(0)
    expect(resaved.has('removed')).toBe(false)
    expect(PROBE_QUERIES.map((query) => rankingFor(resaved, query))).toEqual(PROBE_QUERIES.map((query) => rankingFor(old, query)))
  })
})
