import { describe, it, expect, beforeAll } from 'vitest'
import { normalizeText, type SearchEngine, type SearchHit } from '../../src/index'
import { buildEngine, seedDocuments } from '../helpers/build-engine'

/**
 * The texts a query may highlight: its words and their sub-words, and its expansions (synonyms). A
 * multi-word expansion (医共体 → 医疗共同体) is evidence only as a whole: its pieces alone (医疗) are not.
 */
function highlightableTerms(engine: SearchEngine, query: string): string[] {
  const terms = new Set<string>()
  for (const group of engine.analyze(query).analyzed.groups) {
    if (group.occur === 'must_not') continue
    for (const alternative of group.alternatives) {
      const isExpansion = alternative.terms.every((term) => term.origin === 'synonym')
      if (alternative.phrase) terms.add(alternative.phraseText ?? alternative.terms.map((term) => term.text).join(''))
      if (!alternative.phrase || !isExpansion) for (const term of alternative.terms) terms.add(term.text)
    }
  }
  return [...terms]
}

/**
 * A highlight is honest when every character of it (after normalisation) is covered by an occurrence
 * of a query term lying inside it: it marks what the user asked for, and nothing next to it.
 */
function isCoveredByTerms(highlighted: string, terms: readonly string[]): boolean {
  const normalized = normalizeText(highlighted).text
  const covered = new Array<boolean>(normalized.length).fill(false)
  for (const term of terms) {
    for (let at = normalized.indexOf(term); at >= 0; at = normalized.indexOf(term, at + 1)) covered.fill(true, at, at + term.length)
  }
  return normalized.length > 0 && covered.every(Boolean)
}

function unescapeHtml(text: string): string {
  return text.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code))).replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
}

/** The marked passages of an html snippet, unescaped. */
function markedTexts(snippet: string): string[] {
  return [...snippet.matchAll(/<mark>(.*?)<\/mark>/g)].map((match) => unescapeHtml(match[1]!))
}

function fieldText(hit: SearchHit): string {
  return hit.fields[hit.snippetField ?? 'body'] as string
}

describe('snippets mark only real occurrences of the query’s terms', () => {
  let engine: SearchEngine
  beforeAll(() => {
    engine = buildEngine(seedDocuments())
  })

  it.each(['千名医师下基层', '县域 建设', '孕产妇死亡率', '遠程會診', '"家庭医生签约"', '长治', '卫生 健康', '基层 医疗 服务', '住院押金', '孕妇死亡'])(
    '%s: every highlight and every <mark> is a query term in the source text',
    (query) => {
      const terms = highlightableTerms(engine, query)
      const hits = engine.search(query, { limit: 10 }).hits
      expect(hits.length).toBeGreaterThan(0)
      for (const hit of hits) {
        const text = fieldText(hit)
        expect(hit.highlights.length, hit.id).toBeGreaterThan(0)
        for (const { start, end } of hit.highlights) {
          const marked = text.slice(start, end)
          expect(isCoveredByTerms(marked, terms), `${hit.id}: "${marked}" for ${query}`).toBe(true)
        }
        // The <mark> elements are exactly the highlights inside the snippet, in order.
        expect(markedTexts(hit.snippet)).toEqual(hit.highlights.map(({ start, end }) => text.slice(start, end).replace(/\s+/g, ' ')))
      }
    },
  )

  it('marks the original characters of a traditional-script document for a simplified query', () => {
    const traditional = buildEngine([{ id: 't', body: '縣級以上綜合醫院遠程會診覆蓋率達到百分之百。' }])
    const hit = traditional.search('远程会诊').hits[0]!
    expect(markedTexts(hit.snippet)).toEqual(['遠程會診'])
  })

  it('finds and marks a regional word of another length: 互联网医院 in Taiwan\'s 網際網路醫院, and back', () => {
    const engine = buildEngine([
      { id: 'taiwan', body: '推動網際網路醫院發展，保護智慧財產權。' },
      { id: 'mainland', body: '推动互联网医院发展。' },
      { id: 'other', body: '推动医疗卫生机构发展。' },
    ])
    const hits = engine.search('互联网医院').hits
    expect(hits.map((hit) => hit.id).sort()).toEqual(['mainland', 'taiwan'])
    expect(markedTexts(hits.find((hit) => hit.id === 'taiwan')!.snippet)).toEqual(['網際網路醫院'])
    expect(engine.search('網際網路醫院').hits.map((hit) => hit.id).sort()).toEqual(['mainland', 'taiwan'])
    expect(markedTexts(engine.search('知识产权').hits[0]!.snippet)).toEqual(['智慧財產權'])
  })

  it('reads every word of a traditional-script query as traditional, however few of its own characters are', () => {
    // 最佳化 is written the same in both scripts; beside 環境 it is Taiwan's word for 优化.
    const { analyzed } = buildEngine([{ id: 'x', body: '优化营商环境。' }]).analyze('最佳化 環境')
    expect(analyzed.groups.map((group) => group.alternatives[0]!.terms[0]!.text)).toEqual(['优化', '环境'])
  })

  it('marks a multi-word expansion as one span where its characters stand, in either script', () => {
    const deposits = buildEngine([
      { id: 'simplified', body: '取消门诊预交金，住院预交金降至自付平均水平。' },
      { id: 'traditional', body: '住院預交金降至自付平均水平。' },
    ])
    const marked = new Map(deposits.search('住院押金').hits.map((hit) => [hit.id, markedTexts(hit.snippet)]))
    // 住院押金 → 住院预交金 and 预交金: the expansion that found the document is what the snippet shows.
    expect(marked.get('simplified')).toEqual(['预交金', '住院预交金'])
    expect(marked.get('traditional')).toEqual(['住院預交金'])
  })

  it('marks full-width Latin in the original for a half-width query', () => {
    const wide = buildEngine([{ id: 'w', body: '推广ＣＴ检查结果互认。' }])
    const hit = wide.search('ct').hits[0]!
    expect(markedTexts(hit.snippet)).toEqual(['ＣＴ'])
  })

  it('keeps offsets right after emoji and astral characters', () => {
    const astral = buildEngine([{ id: 'e', body: '😀𠀀👨‍👩‍👧家庭医生签约服务' }])
    const hit = astral.search('签约').hits[0]!
    const { start, end } = hit.highlights[0]!
    expect(fieldText(hit).slice(start, end)).toBe('签约')
  })

  it('shortens a long field to a passage around the match', () => {
    const filler = '会议还研究部署了其他工作。'.repeat(200)
    const long = buildEngine([{ id: 'l', body: `${filler}重点推进远程会诊。${filler}` }])
    const hit = long.search('远程会诊', { snippet: { length: 60 } }).hits[0]!
    expect(hit.snippet.length).toBeLessThan(100)
    expect(markedTexts(hit.snippet)).toEqual(['远程会诊'])
  })
})

describe('snippet formats', () => {
  const HOSTILE = { id: 'x', title: '<b>通知</b>', body: '<script>alert("医院")</script> 医院 & 诊所 <img src=x onerror=1>' }

  it('html (default) escapes markup from the document and adds only <mark>', () => {
    const hit = buildEngine([HOSTILE]).search('医院').hits[0]!
    const withoutMarks = hit.snippet.replace(/<\/?mark>/g, '')
    expect(withoutMarks).not.toMatch(/[<>]/)
    expect(unescapeHtml(withoutMarks)).toContain('<script>alert("医院")</script>')
    expect(markedTexts(hit.snippet)).toEqual(['医院', '医院'])
  })

  it('text keeps the document’s characters and uses the given markers', () => {
    const hit = buildEngine([HOSTILE]).search('医院', { snippet: { format: 'text', before: '[', after: ']' } }).hits[0]!
    expect(hit.snippet).toContain('<script>alert("[医院]")</script>')
  })

  it('none returns plain text; the highlights still locate the matches', () => {
    const hit = buildEngine([HOSTILE]).search('医院', { snippet: { format: 'none' } }).hits[0]!
    expect(hit.snippet).not.toContain('<mark>')
    expect(hit.highlights.map(({ start, end }) => HOSTILE.body.slice(start, end))).toEqual(['医院', '医院'])
  })
})

describe('explain', () => {
  let engine: SearchEngine
  beforeAll(() => {
    engine = buildEngine(seedDocuments())
  })

  it.each(['千名医师下基层', '医共体 建设', '远程会诊 覆盖率', '健康扶贫', '"家庭医生签约"', '+基层 -兰州 医疗'])('%s: term values add up to bm25f, and score = bm25f × coordination × passage', (query) => {
    const hits = engine.search(query, { explain: true, limit: 5 }).hits
    expect(hits.length).toBeGreaterThan(0)
    for (const hit of hits) {
      const explanation = hit.explanation!
      expect(explanation.terms.length).toBeGreaterThan(0)
      // A term's value covers all fields and is repeated on each field's line: count it once.
      const perTerm = new Map<string, number>()
      for (const line of explanation.terms) {
        const key = `${line.origin} ${line.term}`
        if (perTerm.has(key)) expect(line.value).toBeCloseTo(perTerm.get(key)!, 9)
        perTerm.set(key, line.value)
        expect(line.tf).toBeGreaterThan(0)
        expect(line.idf).toBeGreaterThan(0)
      }
      const sum = [...perTerm.values()].reduce((total, value) => total + value, 0)
      expect(sum, hit.id).toBeCloseTo(explanation.bm25f, 9)
      expect(explanation.score).toBeCloseTo(explanation.bm25f * explanation.coordination * explanation.passage, 9)
      expect(explanation.passage).toBeGreaterThan(0)
      expect(explanation.score).toBe(hit.score)
      expect(explanation.matchedGroups).toBeLessThanOrEqual(explanation.totalGroups)
    }
  })

  it('is absent unless asked for', () => {
    expect(engine.search('健康扶贫').hits[0]!.explanation).toBeUndefined()
  })
})

describe('pagination with limit and offset', () => {
  let engine: SearchEngine
  beforeAll(() => {
    engine = buildEngine(
      Array.from({ length: 25 }, (_, i) => ({ id: `d${i}`, body: `医院${'诊所'.repeat(i % 7)}，第${i}号通知，${'远程会诊'.repeat(1 + (i % 4))}` })),
    )
  })

  it('pages are consecutive slices of the full ranking', () => {
    const all = engine.search('远程会诊 医院', { limit: 100 })
    expect(all.total).toBe(25)
    const pages = [0, 10, 20].map((offset) => engine.search('远程会诊 医院', { limit: 10, offset }).hits.map((hit) => hit.id))
    expect(pages.flat()).toEqual(all.hits.map((hit) => hit.id))
    expect(pages[2]).toHaveLength(5)
  })

  it('an offset past the end gives no hits but the same total', () => {
    const result = engine.search('远程会诊', { offset: 50 })
    expect(result.hits).toEqual([])
    expect(result.total).toBe(25)
  })

  it('limit 0 gives only the total', () => {
    const result = engine.search('远程会诊', { limit: 0 })
    expect(result.hits).toEqual([])
    expect(result.total).toBe(25)
  })

  it('the default limit is 10', () => {
    expect(engine.search('远程会诊').hits).toHaveLength(10)
  })
})
