import * as OpenCC from 'opencc-js/t2cn'

/**
 * Traditional → simplified folding, in two tiers so that the common case costs almost nothing:
 * a per-character table (built once from opencc-js's own dictionaries) folds every character in a
 * single pass, and opencc-js's phrase conversion (regional words such as 軟體 → 软件, 計程車 → 出租车)
 * runs only on text that actually contained a traditional character.
 */
type Convert = (text: string) => string

let characterTable: Map<number, number> | undefined
let phraseConverters: Convert[] | undefined

/** Han code points of the BMP blocks that opencc's character dictionaries cover. */
const HAN_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
]

function converters(): Convert[] {
  phraseConverters ??= [
    OpenCC.Converter({ from: 'twp', to: 'cn' }),
    OpenCC.Converter({ from: 'hk', to: 'cn' }),
  ]
  return phraseConverters
}

function buildCharacterTable(): Map<number, number> {
  const chars: string[] = []
  for (const [low, high] of HAN_RANGES) for (let c = low; c <= high; c++) chars.push(String.fromCharCode(c))
  const candidates = new Map<string, string>()
  // One call over all characters, separated by newlines so that no phrase rule can span two of them.
  for (const convert of converters()) {
    const converted = convert(chars.join('\n')).split('\n')
    converted.forEach((to, i) => {
      const from = chars[i]!
      if (to.length === 1 && to !== from && !candidates.has(from)) candidates.set(from, to)
    })
  }
  // A character that is the simplified form of another is itself simplified (么 for 麼), even when
  // opencc maps it further on its own (么 → 幺 is right only for the variant): it stays as written.
  const simplified = new Set(candidates.values())
  const table = new Map<number, number>()
  for (const [from, to] of candidates) if (!simplified.has(from)) table.set(from.charCodeAt(0), to.charCodeAt(0))
  return table
}

/** The simplified form of one UTF-16 code unit, or the unit itself. */
export function simplifiedCharCode(code: number): number {
  characterTable ??= buildCharacterTable()
  return characterTable.get(code) ?? code
}

/**
 * Phrase-level conversion of text known to contain traditional characters, Taiwan's phrases and then
 * Hong Kong's. A regional word may be longer or shorter than its mainland one (網際網路 → 互联网,
 * 智慧財產權 → 知识产权); `normalizeText` aligns the result with the original for offsets.
 */
export function convertTraditionalPhrases(text: string): string {
  let result = text
  for (const convert of converters()) result = convert(result)
  return result
}
