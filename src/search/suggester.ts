import { normalizeText } from '../analysis'
import { ZhsearchError } from '../errors'
import { fullKey, greedyInitials, hasHan, initialsKey, isPinyinInput, pinyinReadings, readingEquals, readingMatches } from './pinyin-readings'
import { collectEntries, type CollectedEntry, type SuggestionEntry, type SuggestionKind } from './suggester-sources'
import { PrefixTable, type PrefixKey } from './suggester-prefix-table'
import type { SearchEngine } from './search-engine'

export type { SuggestionEntry, SuggestionKind } from './suggester-sources'

/**
 * As-you-type suggestions from an engine's own data: its vocabulary (ranked by document frequency),
 * document titles, frequent two-word phrases of titles, and entity names added by the caller.
 * Typed Chinese, full pinyin (changzhi), initials (qxgc) and mixes (长zhi, qianxgc) all complete;
 * earlier words of the input are kept (淄博 院前 → 淄博 院前医疗急救).
 *
 * @example
 * const suggester = createSuggester(engine)
 * suggester.suggest('千县', { limit: 5 }) // [{ text: '千县工程', kind: 'term', score: 4.1 }, …]
 */

/** One completion of the whole input. `score` orders suggestions; only its order is meaningful. */
export interface Suggestion {
  text: string
  kind: SuggestionKind
  score: number
}

export interface SuggestOptions {
  /** Suggestions to return. Default 8, at most {@link MAX_SUGGESTIONS}. */
  limit?: number
}

export const DEFAULT_SUGGESTIONS = 8
export const MAX_SUGGESTIONS = 50
/** Longer input is not completed: nobody types a 200-character prefix, and it bounds the work per call. */
export const MAX_SUGGEST_INPUT = 200
/**
 * Score factor of a word whose pinyin matches only through a less common reading of one of its
 * characters (常识 read changzhi): still offered, below words the typed pinyin spells as read.
 */
const HETERONYM_FACTOR = 0.5
/** Score factor of a title found from a later word (药品管理 in 中华人民共和国药品管理法): a weaker sign than its start. */
const INNER_TITLE_FACTOR = 0.5
/** Places among the suggestions kept for document titles when titles match (at most half the list). */
const TITLE_SLOTS = 2
/** Unspaced Chinese input with no completion is retried from later characters (淄博院前 → 院前…) this many times. */
const MAX_TAIL_RETRIES = 6

const NO_RANK = new Int32Array(0)

/** Lower case, full width folded, traditional → simplified: the same normalisation as the index. */
function normalizeInput(text: string): string {
  return normalizeText(text).text.toLowerCase()
}

export class Suggester {
  private entries: CollectedEntry[] = []
  private readings: string[][][] = []
  /** Each entry's text normalised as input is, to compare with what was typed. */
  private normalized: string[] = []
  private textTable = new PrefixTable([], NO_RANK)
  /** Titles apart from words: a title never makes the precomputed best of a short prefix among thousands of words. */
  private titleTable = new PrefixTable([], NO_RANK)
  private fullTable = new PrefixTable([], NO_RANK)
  private initialsTable = new PrefixTable([], NO_RANK)
  private syllables = new Set<string>()
  private longestSyllable = 1

  constructor(entries: readonly CollectedEntry[] = []) {
    this.addEntries(entries)
  }

  /** Number of distinct completions known. */
  get size(): number {
    return this.entries.length
  }

  /**
   * Adds completions — the hook for entity names (`kind: 'entity'`, weight on the same scale as
   * log2(1 + document frequency)) — and rebuilds the tables. A rebuild takes about as long as the first
   * build, so add entries in one batch. An existing text keeps the higher weight.
   */
  addEntries(entries: readonly (SuggestionEntry | CollectedEntry)[]): void {
    const byText = new Map(this.entries.map((entry) => [entry.text, entry]))
    for (const entry of entries) {
      const text = entry.text.trim()
      if (text === '' || !Number.isFinite(entry.weight)) continue
      const existing = byText.get(text)
      if (!existing || existing.weight < entry.weight) byText.set(text, { ...entry, text })
    }
    this.entries = [...byText.values()].sort((a, b) => b.weight - a.weight || a.text.length - b.text.length || (a.text < b.text ? -1 : 1))
    this.rebuild()
  }

  private rebuild(): void {
    // Entries are sorted best first, so an entry's rank is its index.
    const rank = Int32Array.from(this.entries, (_, index) => index)
    const textKeys: PrefixKey[] = []
    const titleKeys: PrefixKey[] = []
    const fullKeys: PrefixKey[] = []
    const initialsKeys: PrefixKey[] = []
    this.readings = []
    this.syllables = new Set()
    this.normalized = this.entries.map((entry) => normalizeInput(entry.text))
    this.entries.forEach((entry, index) => {
      const key = this.normalized[index]!
      const keys = entry.kind === 'title' ? titleKeys : textKeys
      keys.push({ key, entry: index })
      for (const suffix of entry.suffixKeys ?? []) keys.push({ key: suffix, entry: index })
      const readings = entry.pinyin === false ? [] : pinyinReadings(key)
      this.readings.push(readings)
      for (const reading of readings) {
        fullKeys.push({ key: fullKey(reading), entry: index })
        initialsKeys.push({ key: initialsKey(reading), entry: index })
        for (const syllable of reading) if (syllable.length > 1) this.syllables.add(syllable)
      }
    })
    this.longestSyllable = Math.max(1, ...[...this.syllables].map((syllable) => syllable.length))
    this.textTable = new PrefixTable(textKeys, rank)
    this.titleTable = new PrefixTable(titleKeys, rank)
    this.fullTable = new PrefixTable(dedupeKeys(fullKeys), rank)
    this.initialsTable = new PrefixTable(dedupeKeys(initialsKeys), rank)
  }

  /**
   * Completions of the input's last word, best first, each with the earlier words kept in front.
   * Empty or whitespace-final input has none. Throws INVALID_QUERY for a non-string or a bad limit.
   */
  suggest(input: string, options: SuggestOptions = {}): Suggestion[] {
    if (typeof input !== 'string') throw new ZhsearchError('INVALID_QUERY', `suggest expects a string, got ${input === null ? 'null' : typeof input}`)
    const limit = options.limit ?? DEFAULT_SUGGESTIONS
    if (!Number.isInteger(limit) || limit < 0 || limit > MAX_SUGGESTIONS) throw new ZhsearchError('INVALID_QUERY', `suggest limit must be a whole number from 0 to ${MAX_SUGGESTIONS}, got ${limit}`)
    if (input.length > MAX_SUGGEST_INPUT || limit === 0) return []
    const split = /^(.*\s)?(\S+)$/su.exec(input)
    if (!split) return []
    const head = split[1] ?? ''
    const last = normalizeInput(split[2]!)
    let found = this.complete(last)
    let kept = head
    for (let retry = 1; found.size === 0 && retry <= MAX_TAIL_RETRIES && isAllHan(last) && last.length - retry >= 2; retry++) {
      found = this.complete(last.slice(retry))
      kept = head + split[2]!.slice(0, retry)
    }
    const ranked = [...found]
      .map(([entry, factor]) => ({ text: kept + this.entries[entry]!.text, kind: this.entries[entry]!.kind, score: this.entries[entry]!.weight * factor }))
      .sort((a, b) => b.score - a.score || a.text.length - b.text.length)
    return withTitleSlots(ranked, limit)
  }

  /**
   * Entries completing one normalised word, from every table that applies, each with its score factor:
   * 1, or {@link HETERONYM_FACTOR} when only a less common reading of the word matches the typed pinyin.
   * A word equal to what was typed completes nothing and is left out.
   */
  private complete(word: string): Map<number, number> {
    const found = new Map<number, number>()
    const add = (entry: number, factor: number) => found.set(entry, Math.max(factor, found.get(entry) ?? 0))
    // Ranges are short (SCAN_LIMIT) or precomputed (TOP_PER_PREFIX), so visiting all of one is cheap.
    this.textTable.visit(word, (entry) => {
      // A word equal to what was typed completes nothing; a name equal to it confirms the choice.
      if (this.normalized[entry] !== word || this.entries[entry]!.kind === 'entity') add(entry, 1)
      return true
    })
    this.titleTable.visit(word, (entry) => {
      add(entry, this.normalized[entry]!.startsWith(word) ? 1 : INNER_TITLE_FACTOR)
      return true
    })
    const pinyinMatch = (typed: string, from = 0) => (entry: number) => {
      const readings = this.readings[entry]!
      if (readings[0] && readingMatches(readings[0], typed, from)) add(entry, 1)
      else if (readings.some((reading) => readingMatches(reading, typed, from))) add(entry, HETERONYM_FACTOR)
      return true
    }
    if (isPinyinInput(word)) {
      this.fullTable.visit(word, pinyinMatch(word))
      this.initialsTable.visit(word, pinyinMatch(word))
      const parsed = greedyInitials(word, this.syllables, this.longestSyllable)
      if (parsed.mixed) this.initialsTable.visit(parsed.initials, pinyinMatch(word))
      return found
    }
    const mixed = /^(\p{Script=Han}+)([a-z]+)$/u.exec(word)
    if (mixed) {
      // 长zhi: look up the pinyin of the Chinese part followed by the letters (changzhi, zhangzhi),
      // keeping entries that start with the Chinese as typed.
      const [, han, letters] = mixed as unknown as [string, string, string]
      const check = pinyinMatch(letters, han.length)
      for (const reading of pinyinReadings(han)) {
        this.fullTable.visit(fullKey(reading) + letters, (entry) => (this.normalized[entry]!.startsWith(han) ? check(entry) : true))
      }
    }
    return found
  }

  /**
   * The Chinese word a pinyin word stands for — spelled in full (changzhi) or by initials (qxgc), all
   * syllables given — choosing the most frequent such word; undefined when none is known.
   */
  chineseForPinyin(word: string): string | undefined {
    const typed = normalizeInput(word)
    if (!isPinyinInput(typed)) return undefined
    const owners = [...this.fullTable.exact(typed), ...this.initialsTable.exact(typed)]
    let best: number | undefined
    for (const entry of owners) {
      if (!this.readings[entry]!.some((reading) => readingEquals(reading, typed))) continue
      if (best === undefined || entry < best) best = entry
    }
    return best === undefined ? undefined : this.entries[best]!.text
  }
}

/**
 * The best `limit` suggestions, keeping up to {@link TITLE_SLOTS} places for titles: words used across
 * the corpus outweigh any one title, yet someone typing the start of a document's name wants to see it.
 */
function withTitleSlots(ranked: Suggestion[], limit: number): Suggestion[] {
  const top = ranked.slice(0, limit)
  const titlesShown = top.filter((suggestion) => suggestion.kind === 'title').length
  const wanted = Math.min(TITLE_SLOTS, Math.floor(limit / 2)) - titlesShown
  if (wanted <= 0) return top
  const extraTitles = ranked.slice(limit).filter((suggestion) => suggestion.kind === 'title').slice(0, wanted)
  if (extraTitles.length === 0) return top
  const others = top.filter((suggestion) => suggestion.kind !== 'title')
  const kept = new Set([...top.filter((suggestion) => suggestion.kind === 'title'), ...others.slice(0, others.length - extraTitles.length)])
  return [...top.filter((suggestion) => kept.has(suggestion)), ...extraTitles]
}

/** Keys repeated by heteronym variants that agree would only fill a range with copies. */
function dedupeKeys(keys: PrefixKey[]): PrefixKey[] {
  const seen = new Set<string>()
  return keys.filter((pair) => {
    const id = `${pair.entry}\u0000${pair.key}`
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

function isAllHan(text: string): boolean {
  return /^\p{Script=Han}+$/u.test(text)
}

/** Builds a suggester from an engine's vocabulary, titles and title phrases (see {@link collectEntries}). */
export function createSuggester(engine: SearchEngine): Suggester {
  return new Suggester(collectEntries(engine))
}

/**
 * Rewrites a query typed in pinyin into Chinese, word by word (changzhi qxgc → 长治 千县工程), for
 * search to fall back on when the query has no Chinese characters. Words that are indexed as they are
 * (covid) stay. Returns undefined when the query holds Chinese or no word could be rewritten.
 */
export function expandPinyinQuery(suggester: Suggester, query: string): string | undefined {
  if (typeof query !== 'string' || hasHan(query) || query.length > MAX_SUGGEST_INPUT) return undefined
  let changed = false
  const words = query.split(/\s+/).filter((word) => word !== '')
  const rewritten = words.map((word) => {
    const chinese = suggester.chineseForPinyin(word)
    if (chinese === undefined) return word
    changed = true
    return chinese
  })
  return changed ? rewritten.join(' ') : undefined
}
