import { originalTermEnd } from '../analysis'
import { sortRuns } from '../rank'
import type { SnippetOptions } from './options'

/** A highlighted range in the original text of a field (UTF-16 offsets, end exclusive). */
export interface Highlight {
  start: number
  end: number
}

/**
 * One query term's matches in a field. Starts are original-text offsets, ascending; a match is taken to
 * end `term.length` later (its normalised length), made exact for the matches a snippet shows.
 */
export interface TermMatches {
  term: string
  weight: number
  starts: readonly number[]
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
function mergeSpans(spans: readonly Highlight[]): Highlight[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end)
  const merged: Highlight[] = []
  for (const span of sorted) {
    const last = merged.at(-1)
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end)
    else merged.push({ start: span.start, end: span.end })
  }
  return merged
}

/** Every match of every term in start order (equal starts in term order), as parallel arrays: `terms` holds indexes into the term list. */
interface MergedMatches {
  starts: Float64Array
  terms: Int32Array
}

function mergeMatches(matches: readonly TermMatches[]): MergedMatches {
  // `start × termCount + term`: ordering the numbers orders by start, then term. Each term's starts ascend.
  const termCount = matches.length
  const keys: number[] = []
  matches.forEach((match, term) => {
    for (const start of match.starts) keys.push(start * termCount + term)
  })
  const starts = sortRuns(keys)
  const terms = new Int32Array(starts.length)
  for (let i = 0; i < starts.length; i++) {
    const term = starts[i]! % termCount
    starts[i] = (starts[i]! - term) / termCount
    terms[i] = term
  }
  return { starts, terms }
}

/** A repeated match adds a tenth of its weight, up to five repeats: distinct words matter more than repetition. */
const REPEAT_BONUS = 0.1
const MAX_COUNTED_REPEATS = 5

/** End of a linked list of terms. */
const NONE = -1

/**
 * The start of the window of `length` characters with the most distinct matched weight (repeats count a
 * little). Candidate windows start at each match and hold the matches that follow it up to the first one
 * ending beyond the window; both ends only move forward, so one pass finds them all. A window's value
 * sums its terms in the order of their first match in it, kept as a linked list, so that equal windows
 * compare equal to the last bit and the earliest wins.
 */
function bestWindowStart(matches: readonly TermMatches[], merged: MergedMatches, length: number): number {
  const { starts, terms } = merged
  const count = starts.length
  const termCount = matches.length
  // next[i]: the next match of the same term after match i (or NONE); first[t]: term t's first match at or after the window start.
  const next = new Int32Array(count).fill(NONE)
  const first = new Int32Array(termCount).fill(NONE)
  for (let i = count - 1; i >= 0; i--) {
    next[i] = first[terms[i]!]!
    first[terms[i]!] = i
  }
  const inWindow = new Int32Array(termCount)
  // The terms in the window, ordered by first match: head, then following[head], … .
  const following = new Int32Array(termCount).fill(NONE)
  let head = NONE
  let tail = NONE
  let bestStart = starts[0] ?? 0
  let bestValue = -1
  let end = 0 // the window is matches [i, end)
  for (let i = 0; i < count; i++) {
    const windowStart = starts[i]!
    if (end < i) end = i
    while (end < count && starts[end]! + matches[terms[end]!]!.term.length <= windowStart + length) {
      const term = terms[end++]!
      // A term new to the window has the latest first match of all: it goes last.
      if (inWindow[term]!++ > 0) continue
      following[term] = NONE
      if (tail === NONE) head = term
      else following[tail] = term
      tail = term
    }
    let value = 0
    for (let term = head; term !== NONE; term = following[term]!) {
      value += matches[term]!.weight * (1 + REPEAT_BONUS * Math.min(inWindow[term]! - 1, MAX_COUNTED_REPEATS))
    }
    if (value > bestValue) {
      bestValue = value
      bestStart = windowStart
    }
    const leaving = terms[i]!
    first[leaving] = next[i]!
    if (i >= end) continue
    // Match i is the first in the window, so its term heads the list; it leaves, or moves to where its next match ranks.
    head = following[leaving]!
    if (head === NONE) tail = NONE
    if (--inWindow[leaving]! === 0) continue
    let before = NONE
    for (let term = head; term !== NONE && first[term]! < first[leaving]!; term = following[term]!) before = term
    following[leaving] = before === NONE ? head : following[before]!
    if (before === NONE) head = leaving
    else following[before] = leaving
    if (following[leaving] === NONE) tail = leaving
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
 * Read access to a field's text. A string is one; a long stored text can be one that decompresses only
 * the blocks a snippet reads, so a snippet of a 100,000-character law costs about the same as of a short one.
 */
export interface SnippetSource {
  readonly length: number
  slice(from: number, to: number): string
}

/** Characters read past a match for {@link originalTermEnd}, which looks a few characters beyond a term for NFKC expansions. */
const TERM_READ_AHEAD = 32

/** The text around a passage, read from the source once; the rare read outside it goes to the source. */
class Surroundings {
  private readonly text: string

  constructor(
    private readonly source: SnippetSource,
    private readonly from: number,
    to: number,
  ) {
    this.text = source.slice(from, to)
  }

  slice(from: number, to: number): string {
    const within = from >= this.from && to <= this.from + this.text.length
    return within ? this.text.slice(from - this.from, to - this.from) : this.source.slice(from, to)
  }

  charAt(index: number): string {
    return this.slice(index, index + 1)
  }
}

/**
 * The best passage of a field for a query: the window of about `options.length` characters holding the
 * most query-term weight, moved back to a sentence start when one is near, with matches marked. With
 * `at`, the passage starts there instead (the article the query names).
 */
export function buildSnippet(source: SnippetSource, matches: readonly TermMatches[], options: SnippetOptions, at?: number): Snippet {
  const length = options.length
  const merged = mergeMatches(matches)
  let start = at ?? (merged.starts.length > 0 ? bestWindowStart(matches, merged, length) : 0)
  // Everything below reads near the window: from the sentence slack (and a surrogate) before it to a term's read-ahead after it.
  const text = new Surroundings(source, Math.max(0, start - SENTENCE_SLACK - 1), Math.min(source.length, start + length + 1 + TERM_READ_AHEAD))
  // Start at the sentence boundary before the first match when it is close.
  for (let i = start - 1; i >= Math.max(0, start - SENTENCE_SLACK); i--) {
    if (SENTENCE_END.test(text.charAt(i))) {
      start = i + 1
      break
    }
    if (i === 0) start = 0
  }
  let end = Math.min(source.length, start + length)
  // End at a sentence boundary when the window holds one in its last third.
  for (let i = end - 1; i > start + (length * 2) / 3; i--) {
    if (SENTENCE_END.test(text.charAt(i))) {
      end = i + 1
      break
    }
  }
  while (start > 0 && isLowSurrogate(text.charAt(start).charCodeAt(0))) start--
  while (end < source.length && isLowSurrogate(text.charAt(end).charCodeAt(0))) end++
  // Ends were estimated from normalised lengths; make them exact for the spans shown (NFKC may have expanded a character).
  const shown: Highlight[] = []
  for (let i = 0; i < merged.starts.length; i++) {
    const matchStart = merged.starts[i]!
    const termLength = matches[merged.terms[i]!]!.term.length
    if (matchStart < start || matchStart + termLength > end) continue
    const around = text.slice(matchStart, matchStart + termLength + TERM_READ_AHEAD)
    shown.push({ start: matchStart, end: matchStart + originalTermEnd(around, 0, termLength) })
  }
  const highlights = mergeSpans(shown)
  const section = sectionAt(source, start)
  return { text: render({ text, length: source.length }, start, end, highlights, options), start, end, highlights, ...(section ? { section } : {}) }
}

/** An article heading (第 + a number in Chinese or Arabic numerals + 条); it counts at a line start or after a space. */
const ARTICLE = /第[一二三四五六七八九十百千零〇两\d]{1,8}条/g
const SPACE = /[\s\u3000]/
/** The longest heading: 第, eight numerals, 条. */
const MAX_ARTICLE_LENGTH = 10
/** How far back from the passage an article heading is looked for. */
const SECTION_LOOKBACK = 4000
/** A heading starting just after the passage start (past the space before it) still names the passage's article. */
const SECTION_LOOKAHEAD = 12
/** Headings are looked for this many characters at a time, backwards: the nearest is usually a few hundred characters back. */
const SECTION_STEP = 512

/**
 * The last article heading starting in the `SECTION_LOOKBACK` characters before `offset` (and ending
 * before `offset + SECTION_LOOKAHEAD`), or undefined. The first character looked at counts as a line start.
 */
function sectionAt(source: SnippetSource, offset: number): string | undefined {
  const from = Math.max(0, offset - SECTION_LOOKBACK)
  const to = Math.min(source.length, offset + SECTION_LOOKAHEAD)
  for (let high = to; high > from; high -= SECTION_STEP) {
    // Headings starting in [low, high); read one character before (the space) and to the end of a heading starting last.
    const low = Math.max(from, high - SECTION_STEP)
    const readFrom = low > from ? low - 1 : low
    const part = source.slice(readFrom, Math.min(to, high + MAX_ARTICLE_LENGTH))
    let last: string | undefined
    for (const match of part.matchAll(ARTICLE)) {
      const at = readFrom + match.index
      if (at < low || at >= high) continue
      if (at === from || SPACE.test(part[at - readFrom - 1]!)) last = match[0]
    }
    if (last) return last
  }
  return undefined
}

function render(source: { text: Surroundings; length: number }, start: number, end: number, highlights: readonly Highlight[], options: SnippetOptions): string {
  const { text } = source
  const plain = (part: string) => (options.format === 'html' ? escapeHtml(part) : part)
  const prefix = start > 0 ? '…' : ''
  const suffix = end < source.length ? '…' : ''
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
