import { describe, it, expect } from 'vitest'
import { originalTermEnd } from '../../src/analysis'
import { buildSnippet, type SnippetSource, type TermMatches } from '../../src/search/snippet'
import type { SnippetOptions } from '../../src/search/options'
import { seededRandom } from '../helpers/random-text'

/**
 * The snippet as first written: every window scanned span by span, the text read whole. The fast
 * version (one pass over the matches, the text read around the passage) must give exactly this.
 */
function referenceSnippet(text: string, matches: readonly TermMatches[], options: SnippetOptions) {
  const spans = matches.flatMap(({ term, weight, starts }) => starts.map((start) => ({ term, weight, start, end: start + term.length })))
  let start = 0
  if (spans.length > 0) {
    const sorted = [...spans].sort((a, b) => a.start - b.start)
    const weightOf = new Map(sorted.map((span) => [span.term, span.weight]))
    let bestValue = -1
    start = sorted[0]!.start
    for (let i = 0; i < sorted.length; i++) {
      const windowStart = sorted[i]!.start
      const seen = new Map<string, number>()
      for (let j = i; j < sorted.length && sorted[j]!.end <= windowStart + options.length; j++) seen.set(sorted[j]!.term, (seen.get(sorted[j]!.term) ?? 0) + 1)
      let value = 0
      for (const [term, count] of seen) value += weightOf.get(term)! * (1 + 0.1 * Math.min(count - 1, 5))
      if (value > bestValue) {
        bestValue = value
        start = windowStart
      }
    }
  }
  for (let i = start - 1; i >= Math.max(0, start - 24); i--) {
    if (/[。！？!?；;\n]/.test(text[i]!)) {
      start = i + 1
      break
    }
    if (i === 0) start = 0
  }
  let end = Math.min(text.length, start + options.length)
  for (let i = end - 1; i > start + (options.length * 2) / 3; i--) {
    if (/[。！？!?；;\n]/.test(text[i]!)) {
      end = i + 1
      break
    }
  }
  const low = (code: number) => code >= 0xdc00 && code <= 0xdfff
  while (start > 0 && low(text.charCodeAt(start))) start--
  while (end < text.length && low(text.charCodeAt(end))) end++
  const shown = spans.filter((span) => span.start >= start && span.end <= end).map((span) => ({ start: span.start, end: originalTermEnd(text, span.start, span.term.length) }))
  shown.sort((a, b) => a.start - b.start || b.end - a.end)
  const highlights: { start: number; end: number }[] = []
  for (const span of shown) {
    const last = highlights.at(-1)
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else highlights.push({ ...span })
  }
  let section: string | undefined
  const window = text.slice(Math.max(0, start - 4000), Math.min(text.length, start + 12))
  for (const match of window.matchAll(/(?:^|[\s\u3000])(第[一二三四五六七八九十百千零〇两\d]{1,8}条)/g)) section = match[1]
  return { start, end, highlights, section }
}

const PIECES = ['医疗', '卫生', '医疗卫生', '机构', '服务', '。', '；', '\n', ' ', '\u3000', '第十二条', '第3条', '第', '条', '𠮷', '的', '应当', '，', 'ﬁ', 'Ⅻ']
const TERMS = ['医疗', '卫生', '医疗卫生', '机构', '服务', '应当', '𠮷', 'ﬁ']

/** Every occurrence of each term in the text, as a posting list would give them. */
function matchesIn(text: string, terms: readonly string[], random: () => number): TermMatches[] {
  return terms
    .map((term) => {
      const starts: number[] = []
      for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) starts.push(at)
      return { term, weight: 1 + Math.floor(random() * 4) / 2, starts }
    })
    .filter((match) => match.starts.length > 0)
}

/** A text read in 97-character pieces that counts its reads, as a long stored text is read block by block. */
function pieceSource(text: string): SnippetSource & { read: number } {
  const source = {
    length: text.length,
    read: 0,
    slice(from: number, to: number) {
      const start = Math.max(0, from)
      const end = Math.min(text.length, to)
      source.read += Math.max(0, end - start)
      let out = ''
      for (let piece = Math.floor(start / 97) * 97; piece < end; piece += 97) out += text.slice(Math.max(piece, start), Math.min(piece + 97, end))
      return out
    },
  }
  return source
}

const OPTIONS: SnippetOptions = { length: 40, format: 'html', before: '<mark>', after: '</mark>' }

describe('snippets', () => {
  it('choose the same passage, highlights and article as scanning every window over the whole text', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const random = seededRandom(seed)
      let text = ''
      const pieces = 20 + Math.floor(random() * 400)
      for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(random() * PIECES.length)]!
      const terms = TERMS.filter(() => random() < 0.6)
      const matches = matchesIn(text, terms, random)
      const options = { ...OPTIONS, length: 10 + Math.floor(random() * 60) }
      const expected = referenceSnippet(text, matches, options)
      for (const source of [text, pieceSource(text)]) {
        const snippet = buildSnippet(source, matches, options)
        expect({ seed, start: snippet.start, end: snippet.end, highlights: snippet.highlights, section: snippet.section }).toEqual({ seed, ...expected })
      }
    }
  })

  it('read only the part of a long text around the passage', () => {
    const article = (n: number) => `第${n}条 县级以上人民政府应当加强基层医疗卫生机构建设，提高服务能力。`
    const text = Array.from({ length: 3000 }, (_, i) => article(i + 1) + (i === 2500 ? '远程会诊覆盖全部乡镇。' : '')).join('\n')
    const source = pieceSource(text)
    const snippet = buildSnippet(source, [{ term: '远程会诊', weight: 1, starts: [text.indexOf('远程会诊')] }], { ...OPTIONS, length: 80 })
    expect(snippet.text).toContain('<mark>远程会诊</mark>')
    expect(snippet.section).toBe('第2501条')
    expect(text.length).toBeGreaterThan(100_000)
    expect(source.read).toBeLessThan(2_000)
  })

  it('prefer the window holding more distinct terms, and mark each match in it', () => {
    const text = '医疗服务。' + '其他内容。'.repeat(30) + '医疗卫生机构的服务'
    const matches = matchesIn(text, ['医疗', '机构', '服务'], () => 0)
    const snippet = buildSnippet(text, matches, { ...OPTIONS, format: 'text' })
    expect(snippet.text).toContain('<mark>医疗</mark>卫生<mark>机构</mark>的<mark>服务</mark>')
  })
})
