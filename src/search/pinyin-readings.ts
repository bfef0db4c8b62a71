import { pinyin, polyphonic } from 'pinyin-pro'

/**
 * Pinyin for suggestions: the readings of an indexed word (with heteronyms) and a matcher that
 * accepts what people type for it — full pinyin (changzhi), initials (cz), or a mix (qianxgc).
 *
 * @example
 * pinyinReadings('长治')          // [['chang', 'zhi'], ['zhang', 'zhi']]
 * readingMatches(['qian', 'xian', 'gong', 'cheng'], 'qianxgc') // true
 */

/**
 * Readings kept per word. pinyin-pro's in-context reading comes first; each further one swaps a single
 * heteronym (长 chang/zhang). Four covers the common one- and two-heteronym words without letting a
 * long title with many heteronyms multiply its keys.
 */
export const MAX_READINGS = 4

/** Typed input longer than this is not matched syllable by syllable (the matcher backtracks). */
export const MAX_MATCHED_INPUT = 40

const HAN = /\p{Script=Han}/u
const LATIN_OR_DIGIT = /^[a-z0-9]+$/

/** Whether the text holds at least one Chinese character. */
export function hasHan(text: string): boolean {
  return HAN.test(text)
}

/** Whether the text looks like typed pinyin: ASCII letters only (ü typed as v). */
export function isPinyinInput(text: string): boolean {
  return /^[a-z]+$/.test(text)
}

/** One syllable per character, lowercase, ü as v; digits and Latin letters stand for themselves, other characters are dropped. */
function cleanSyllable(syllable: string): string | undefined {
  const lower = syllable.toLowerCase().replace(/ü/g, 'v')
  return LATIN_OR_DIGIT.test(lower) ? lower : undefined
}

/**
 * The readings of a word as syllable arrays, the in-context reading first, then single-heteronym
 * variants (at most {@link MAX_READINGS}). Words without Chinese characters have no readings.
 */
export function pinyinReadings(word: string): string[][] {
  if (!hasHan(word)) return []
  const primaryRaw = pinyin(word, { toneType: 'none', type: 'array', v: true })
  const alternativesRaw = polyphonic(word, { toneType: 'none', type: 'array', v: true })
  const primary: string[] = []
  const alternatives: string[][] = []
  primaryRaw.forEach((syllable, index) => {
    const clean = cleanSyllable(syllable)
    if (clean === undefined) return
    primary.push(clean)
    const others = (alternativesRaw[index] ?? []).map(cleanSyllable).filter((other): other is string => other !== undefined && other !== clean)
    alternatives.push(others)
  })
  if (primary.length === 0) return []
  const readings = [primary]
  for (let index = 0; index < alternatives.length && readings.length < MAX_READINGS; index++) {
    for (const other of alternatives[index]!) {
      if (readings.length >= MAX_READINGS) break
      const variant = [...primary]
      variant[index] = other
      readings.push(variant)
    }
  }
  return readings
}

/** The full-pinyin key of a reading: changzhi. */
export function fullKey(reading: readonly string[]): string {
  return reading.join('')
}

/** The initials key of a reading: cz. Digits and Latin letters count as one syllable each. */
export function initialsKey(reading: readonly string[]): string {
  return reading.map((syllable) => syllable[0]!).join('')
}

/**
 * Whether typed letters spell the reading from syllable `from` on, each syllable given in full or by
 * any leading part (so changzhi, cz, changz, chzh and qianxgc all match 长治 / 千县工程). The input may
 * stop before the reading ends: this is prefix matching for a search box.
 */
export function readingMatches(reading: readonly string[], input: string, from = 0): boolean {
  if (input.length > MAX_MATCHED_INPUT) return false
  const match = (syllable: number, at: number): boolean => {
    if (at === input.length) return true
    const current = reading[syllable]
    if (current === undefined) return false
    for (let take = Math.min(current.length, input.length - at); take >= 1; take--) {
      if (input.startsWith(current.slice(0, take), at) && match(syllable + 1, at + take)) return true
    }
    return false
  }
  return match(from, 0)
}

/**
 * Whether typed letters spell the whole reading exactly, either in full pinyin or as initials:
 * the test for rewriting a pinyin query into Chinese (changzhi or cz → 长治, but not changz).
 */
export function readingEquals(reading: readonly string[], input: string): boolean {
  return fullKey(reading) === input || (reading.length > 1 && initialsKey(reading) === input)
}

/**
 * Splits typed letters into syllables greedily (longest known syllable first, else one letter) and
 * returns the initials of that split: qianxgc → qxgc. Used to find candidates for mixed input, which
 * {@link readingMatches} then checks exactly.
 */
export function greedyInitials(input: string, syllables: ReadonlySet<string>, longestSyllable: number): { initials: string; pieces: number; mixed: boolean } {
  let initials = ''
  let pieces = 0
  let longPieces = 0
  for (let at = 0; at < input.length; ) {
    let take = 1
    for (let length = Math.min(longestSyllable, input.length - at); length > 1; length--) {
      if (syllables.has(input.slice(at, at + length))) {
        take = length
        break
      }
    }
    initials += input[at]
    pieces++
    if (take > 1) longPieces++
    at += take
  }
  return { initials, pieces, mixed: longPieces > 0 && longPieces < pieces }
}
