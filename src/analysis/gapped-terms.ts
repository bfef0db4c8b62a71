/**
 * Everyday terms typed with words in between: 手写了一份遗嘱 says 手写遗嘱, 暖气一直不热 says 暖气不热,
 * 楼上有人往下扔东西 says 楼上扔东西. People put aspect markers, measure words and adverbs inside the
 * phrases a dictionary lists whole, so a term is also found as its two parts with a short run of Han
 * characters between them.
 *
 * Only where a wrong match is unlikely: terms of four or more Han characters whose every entry is an
 * everyday → statutory expansion (not an abbreviation: 人大代表 must not match 人大常委会代表), each part
 * at least two characters, and at most {@link MAX_GAP} Han characters between them (no punctuation or space,
 * which would end the phrase). Measured on 3,000 sentences of the laws, taken as queries: of 55 matches, nearly
 * all were the term with a modifier inside (治安管理处罚 for 治安处罚), which the expansion serves.
 */

/** Most characters between a term's two parts. */
export const MAX_GAP = 4
const MIN_PART = 2
const MIN_TERM = 4
const HAN = /^\p{Script=Han}$/u

/** A gapped match: the term's first part at [start, gapStart), its second at [gapEnd, end), as indexes into the keys. */
export interface GappedMatch {
  key: string
  start: number
  gapStart: number
  gapEnd: number
  end: number
}

/** For each possible first part, the second parts that complete a term, with the term. */
export type GappedTermIndex = ReadonlyMap<string, ReadonlyArray<{ rest: string; key: string }>>

/** The first-part table of the terms that may be matched with a gap (`keys` are {@link synonymKey}s, one entry per term). */
export function gappedTermIndex(terms: Iterable<[key: string, everyday: boolean]>): GappedTermIndex {
  const heads = new Map<string, { rest: string; key: string }[]>()
  for (const [key, everyday] of terms) {
    const chars = [...key]
    if (!everyday || chars.length < MIN_TERM || !chars.every((char) => HAN.test(char))) continue
    for (let split = MIN_PART; split <= chars.length - MIN_PART; split++) {
      const head = chars.slice(0, split).join('')
      let list = heads.get(head)
      if (list === undefined) heads.set(head, (list = []))
      list.push({ rest: chars.slice(split).join(''), key })
    }
  }
  return heads
}

/**
 * The gapped match starting at `start` in the per-character keys of a text, or undefined: the longest first
 * part, then the shortest gap.
 */
export function gappedMatchAt(keys: readonly string[], start: number, index: GappedTermIndex, longestHead: number): GappedMatch | undefined {
  let head = ''
  const heads: string[] = []
  for (let end = start; end < keys.length && end - start < longestHead; end++) {
    if (!HAN.test(keys[end]!)) break
    head += keys[end]
    heads.push(head)
  }
  for (let h = heads.length - 1; h >= MIN_PART - 1; h--) {
    const completions = index.get(heads[h]!)
    if (completions === undefined) continue
    const gapStart = start + h + 1
    for (let gapEnd = gapStart + 1; gapEnd <= gapStart + MAX_GAP && gapEnd <= keys.length && HAN.test(keys[gapEnd - 1]!); gapEnd++) {
      for (const { rest, key } of completions) {
        const end = matchEndAt(keys, gapEnd, rest)
        if (end !== undefined) return { key, start, gapStart, gapEnd, end }
      }
    }
  }
  return undefined
}

/** Where `text` ends when the keys from `at` on spell it out (one key may be several characters), else undefined. */
function matchEndAt(keys: readonly string[], at: number, text: string): number | undefined {
  let offset = 0
  let i = at
  for (; offset < text.length; i++) {
    const key = keys[i]
    if (key === undefined || key === '' || !text.startsWith(key, offset)) return undefined
    offset += key.length
  }
  return i
}
