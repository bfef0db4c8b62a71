/**
 * Finds the long form that a declared short form stands for, in the text just before the declaration:
 * `中国（上海）自由贸易试验区（以下简称自贸试验区）` → 自由贸易试验区.
 */

/** Characters that end a noun phrase: a long form never spans one of them. */
const PHRASE_BOUNDARY = /[。；;：:，,、\s“”"‘’《》「」『』（）()【】[\]！？!?0-9０-９]/u

/** How far back to look for the long form; names longer than this are clauses, not names. */
const MAX_CONTEXT_CHARS = 24

/** Text between the last phrase boundary and `end`: the clause the long form must end. */
export function clauseBefore(text: string, end: number): string {
  const window = text.slice(Math.max(0, end - MAX_CONTEXT_CHARS), end)
  let start = window.length
  while (start > 0 && !PHRASE_BOUNDARY.test(window[start - 1] ?? '')) start--
  return window.slice(start)
}

/** True when the characters of `short` appear in `long` in order (not necessarily adjacent). */
export function isSubsequence(short: string, long: string): boolean {
  let at = 0
  for (const char of long) {
    if (char === short[at]) at++
    if (at === short.length) return true
  }
  return short.length === 0
}

/** Last characters of place names (深圳市, 河南省, 怀宁县, 浦东新区), which short forms keep without the name. */
const ADMINISTRATIVE_SUFFIX = /^[省市县区州盟旗镇乡]$/u

/** Offsets at which the clause's words start, so that a long form never begins mid-word (旅客运输, not 客运输). */
export type WordStarts = ReadonlySet<number>

/** Word start offsets of a clause segmented into `words` (which concatenate back to the clause). */
export function wordStartsOf(words: readonly string[]): WordStarts {
  const starts = new Set<number>()
  let offset = 0
  for (const word of words) {
    starts.add(offset)
    offset += word.length
  }
  return starts
}

/**
 * The shortest suffix of `clause`, starting at a word start, whose first word holds the short form's first
 * character and which contains the short form as a subsequence (医联体 in 县域医疗联合体 → 医疗联合体).
 * Falls back to the shortest such suffix containing all of its characters in any order, which covers
 * reordered abbreviations (辅警 ← 警务辅助人员).
 */
export function longFormIn(clause: string, short: string, wordStarts: WordStarts): string | undefined {
  const first = short[0]
  if (first === undefined) return undefined
  const ascending = [...wordStarts].filter((start) => start < clause.length).sort((a, b) => a - b)
  const wordAt = (index: number): string => clause.slice(ascending[index], ascending[index + 1] ?? clause.length)
  const starts = ascending.map((start, index) => ({ start, firstWord: wordAt(index) })).reverse()
  for (const { start, firstWord } of starts) {
    if (!firstWord.includes(first) || !isSubsequence(short, clause.slice(start))) continue
    // 深圳市人民代表大会常务委员会 for 市人大常委会: the place name is not part of what the short form names.
    const placeSuffix = firstWord.length > 1 && firstWord.endsWith(first) && ADMINISTRATIVE_SUFFIX.test(first)
    return clause.slice(placeSuffix ? start + firstWord.length - 1 : start)
  }
  const chars = new Set(short)
  for (const { start } of starts) {
    const suffix = clause.slice(start)
    if (chars.has(clause[start] ?? '') && [...chars].every((char) => suffix.includes(char))) return suffix
  }
  return undefined
}
