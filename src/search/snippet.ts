import { originalTermEnd } from '../analysis'
import type { SnippetOptions } from './options'

/** A highlighted range in the original text of a field (UTF-16 offsets, end exclusive). */
export interface Highlight {
  start: number
  end: number
}

export interface MatchSpan extends Highlight {
  term: string
  weight: number
}

export interface Snippet {
  /** The passage with matches marked (or plain, for format `none`). */
  text: string
  /** The article (第…条) the passage lies in, when the text is divided into articles, as laws are. */
  section?: string
  /** Where the passage lies in the field's original text. */
  start: number
  end: number
  /** Matches inside the passage, in original-text offsets. */
  highlights: Highlight[]
}

const SENTENCE_END = /[。！？!?；;\n]/
/** How far a snippet may reach back to start at a sentence boundary instead of mid-sentence. */
const SENTENCE_SLACK = 24

/** Merges overlapping spans (a coarse word and its sub-words) into the ranges to mark. */
function mergeSpans(spans: readonly MatchSpan[]): Highlight[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Highlight[] = []
  for (const span of sorted) {
    const last = merged.at(-1)
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ start: span.start, end: span.end })
  }
  return merged
}

/** A repeated match adds a tenth of its weight, up to five repeats: distinct words matter more than repetition. */
const REPEAT_BONUS = 0.1
const MAX_COUNTED_REPEATS = 5

/** The window of `length` characters with the most distinct matched weight (repeats count a little). */
function bestWindowStart(spans: readonly MatchSpan[], length: number): number {
  const sorted = [...spans].sort((a, b) => a.start - b.start)
  const weightOf = new Map(sorted.map((span) => [span.term, span.weight]))
  let bestStart = sorted[0]?.start ?? 0
  let bestValue = -1
  for (let i = 0; i < sorted.length; i++) {
    const windowStart = sorted[i]!.start
    const seen = new Map<string, number>()
    for (let j = i; j < sorted.length && sorted[j]!.end <= windowStart + length; j++) {
      const span = sorted[j]!
      seen.set(span.term, (seen.get(span.term) ?? 0) + 1)
    }
    let value = 0
    for (const [term, count] of seen) value += weightOf.get(term)! * (1 + REPEAT_BONUS * Math.min(count - 1, MAX_COUNTED_REPEATS))
    if (value > bestValue) {
      bestValue = value
      bestStart = windowStart
    }
  }
  return bestStart
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff
}

/**
 * The best passage of a field for a query: the window of about `options.length` characters holding the
 * most query-term weight, moved back to a sentence start when one is near, with matches marked.
 */
export function buildSnippet(text: string, spans: readonly MatchSpan[], options: SnippetOptions): Snippet {
  const length = options.length
  let start = spans.length > 0 ? bestWindowStart(spans, length) : 0
  // Start at the sentence boundary before the first match when it is close.
  for (let i = start - 1; i >= Math.max(0, start - SENTENCE_SLACK); i--) {
    if (SENTENCE_END.test(text[i]!)) {
      start = i + 1
      break
    }
    if (i === 0) start = 0
  }
  let end = Math.min(text.length, start + length)
  // End at a sentence boundary when the window holds one in its last third.
  for (let i = end - 1; i > start + (length * 2) / 3; i--) {
    if (SENTENCE_END.test(text[i]!)) {
      end = i + 1
      break
    }
  }
  while (start > 0 && isLowSurrogate(text.charCodeAt(start))) start--
  while (end < text.length && isLowSurrogate(text.charCodeAt(end))) end++
  // Ends were estimated from normalised lengths; make them exact for the spans shown (NFKC may have expanded a character).
  const shown = spans
    .filter((span) => span.start >= start && span.end <= end)
    .map((span) => ({ ...span, end: originalTermEnd(text, span.start, span.term.length) }))
  const highlights = mergeSpans(shown)
  const section = sectionAt(text, start)
  return { text: render(text, start, end, highlights, options), start, end, highlights, ...(section ? { section } : {}) }
}

/** An article heading: 第 + a number in Chinese or Arabic numerals + 条, at a line start or after a space. */
const ARTICLE = /(?:^|[\s\u3000])(第[一二三四五六七八九十百千零〇两\d]{1,8}条)/g
/** How far back from the passage an article heading is looked for. */
const SECTION_LOOKBACK = 4000

/** The last article heading at or before `offset`, or undefined. */
function sectionAt(text: string, offset: number): string | undefined {
  const from = Math.max(0, offset - SECTION_LOOKBACK)
  const window = text.slice(from, Math.min(text.length, offset + 12))
  let last: string | undefined
  for (const match of window.matchAll(ARTICLE)) last = match[1]
  return last
}

function render(text: string, start: number, end: number, highlights: readonly Highlight[], options: SnippetOptions): string {
  const plain = (part: string) => (options.format === 'html' ? escapeHtml(part) : part)
  const prefix = start > 0 ? '…' : ''
  const suffix = end < text.length ? '…' : ''
  if (options.format === 'none') return prefix + text.slice(start, end).trim() + suffix
  let out = ''
  let cursor = start
  for (const highlight of highlights) {
    out += plain(text.slice(cursor, highlight.start)) + options.before + plain(text.slice(highlight.start, highlight.end)) + options.after
    cursor = highlight.end
  }
  out += plain(text.slice(cursor, end))
  return prefix + out.replace(/\s+/g, ' ').trim() + suffix
}
