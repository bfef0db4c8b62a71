import { convertTraditionalPhrases, simplifiedCharCode } from './traditional-to-simplified'

/**
 * Text after normalisation, with a way back to the original's offsets. `toOriginal` is present only
 * when normalisation changed the length somewhere (NFKC expands a few compatibility characters such
 * as ㎡ → m2); otherwise offsets are shared, which is the common case.
 */
export interface NormalizedText {
  text: string
  /** `toOriginal[i]` is the original offset of normalised offset `i` (length `text.length + 1`). */
  toOriginal?: Int32Array
}

const SPACE = 0x20
const REPLACEMENT_CHARACTER = 0xfffd
/** Marks a code unit whose normal form is longer than one unit (or that is half of a surrogate pair). */
const NEEDS_GENERAL_PATH = 0xffff
const BMP_SIZE = 0x10000
const PUNCTUATION_OR_SYMBOL = /^[\p{P}\p{S}]$/u

/** Control characters other than tab and line breaks become spaces: they separate words but mean nothing. */
function isControl(code: number): boolean {
  return (code < SPACE && code !== 0x09 && code !== 0x0a && code !== 0x0d) || (code >= 0x7f && code <= 0x9f)
}

function isSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdfff
}

let foldTable: Uint16Array | undefined

/**
 * The folded form of every BMP code unit, computed once: NFKC, lower case and traditional → simplified
 * in one table lookup is what keeps normalisation far cheaper than segmentation in the indexing hot path.
 */
function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(BMP_SIZE)
  for (let code = 0; code < BMP_SIZE; code++) {
    if (isSurrogate(code)) {
      table[code] = NEEDS_GENERAL_PATH
      continue
    }
    if (isControl(code)) {
      table[code] = SPACE
      continue
    }
    const char = String.fromCharCode(code)
    // Punctuation and symbols are dropped from the index anyway; leaving them as they are keeps most
    // text unchanged, so normalisation can return its input without copying it.
    if (PUNCTUATION_OR_SYMBOL.test(char)) {
      table[code] = code
      continue
    }
    if (/\s/.test(char)) {
      table[code] = code === 0x0a || code === 0x0d || code === 0x09 ? code : SPACE
      continue
    }
    const folded = char.normalize('NFKC').toLowerCase()
    table[code] = folded.length === 1 ? simplifiedCharCode(folded.charCodeAt(0)) : NEEDS_GENERAL_PATH
  }
  return table
}

function isHanCode(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff)
}

interface Folded extends NormalizedText {
  /** Han characters the table changed: traditional forms and variants. */
  traditionalCount: number
}

/**
 * Phrase conversion (軟體 → 软件) runs when at least this share of the text's characters were traditional.
 * Simplified text often holds a stray variant (乾, 於); converting a whole 50,000-character law for one of
 * them would cost more than segmenting it.
 */
const TRADITIONAL_SHARE_FOR_PHRASES = 0.01

/** Folds unit by unit; allocates only when something changes, and builds an offset map only on expansion. */
function foldText(original: string): Folded {
  const table = (foldTable ??= buildFoldTable())
  const length = original.length
  let units: Uint16Array | undefined
  let pieces: string[] | undefined
  let map: number[] | undefined
  let traditionalCount = 0

  for (let i = 0; i < length; i++) {
    const code = original.charCodeAt(i)
    const folded = table[code]!
    if (folded === code && !pieces) continue
    if (folded !== NEEDS_GENERAL_PATH) {
      if (folded !== code && isHanCode(code)) traditionalCount++
      if (pieces) {
        pieces.push(String.fromCharCode(folded))
        map!.push(i)
      } else {
        units ??= copyUnits(original)
        units[i] = folded
      }
      continue
    }
    // Surrogates and expanding characters: fold by code point, recording offsets if the length changes.
    const next = original.charCodeAt(i + 1)
    const isPair = code <= 0xdbff && code >= 0xd800 && next >= 0xdc00 && next <= 0xdfff
    const width = isPair ? 2 : 1
    const piece = isSurrogate(code) && !isPair
      ? String.fromCharCode(REPLACEMENT_CHARACTER)
      : original.slice(i, i + width).normalize('NFKC').toLowerCase()
    if (piece.length === width && !pieces) {
      units ??= copyUnits(original)
      for (let k = 0; k < width; k++) units[i + k] = piece.charCodeAt(k)
    } else {
      if (!pieces) {
        pieces = [units ? decodeUnits(units.subarray(0, i)) : original.slice(0, i)]
        map = Array.from({ length: i }, (_, k) => k)
      }
      pieces.push(piece)
      for (let k = 0; k < piece.length; k++) map!.push(i)
    }
    i += width - 1
  }
  if (pieces) {
    map!.push(length)
    return { text: pieces.join(''), toOriginal: Int32Array.from(map!), traditionalCount }
  }
  return { text: units ? decodeUnits(units) : original, traditionalCount }
}

function copyUnits(text: string): Uint16Array {
  const units = new Uint16Array(text.length)
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i)
  return units
}

const CHUNK = 8192

function decodeUnits(units: Uint16Array): string {
  let result = ''
  for (let i = 0; i < units.length; i += CHUNK) {
    result += String.fromCharCode.apply(null, units.subarray(i, i + CHUNK) as unknown as number[])
  }
  return result
}

export interface NormalizeOptions {
  /**
   * The text is known to be traditional from its context (another part of the same query): its regional
   * phrases are converted even when it holds no traditional character itself (最佳化 → 优化 in
   * `商丘市 最佳化 環境`). Default: decided by the text's own characters.
   */
  traditional?: boolean
}

function isTraditionalShare(traditionalCount: number, length: number): boolean {
  return traditionalCount > 0 && traditionalCount >= length * TRADITIONAL_SHARE_FOR_PHRASES
}

/** Whether `text` holds enough traditional characters for its regional phrases to be converted. */
export function isTraditionalText(text: string): boolean {
  return isTraditionalShare(foldText(text).traditionalCount, text.length)
}

/**
 * Normalises text for indexing and querying: NFKC (full width → half width), Latin lower case,
 * traditional → simplified (characters always; regional phrases such as 軟體 → 软件 where the text
 * holds traditional characters), control characters → spaces, lone surrogates → U+FFFD. Never throws.
 *
 * @example normalizeText('遠程會診 ＡＢＣ').text === '远程会诊 abc'
 */
export function normalizeText(original: string, options: NormalizeOptions = {}): NormalizedText {
  const folded = foldText(original)
  if (options.traditional || isTraditionalShare(folded.traditionalCount, original.length)) {
    // Phrase rules are written in traditional characters, so they run on the original text.
    const phrased = convertTraditionalPhrases(original)
    if (phrased !== original) {
      const refolded = foldText(phrased)
      const phrasedToOriginal = phrased.length === original.length ? undefined : alignConverted(original, phrased)
      const toOriginal = composeOffsetMaps(refolded.toOriginal, phrasedToOriginal)
      return toOriginal ? { text: refolded.text, toOriginal } : { text: refolded.text }
    }
  }
  return folded.toOriginal ? { text: folded.text, toOriginal: folded.toOriginal } : { text: folded.text }
}

/** Characters that must agree again after a converted phrase before the texts count as back in step. */
const RESYNC_LENGTH = 2
/** The longest phrase a conversion replaces, in characters, on either side. */
const MAX_PHRASE_LENGTH = 16

/**
 * The original offset of each offset of `converted`, a phrase conversion of `original` that changed its
 * length somewhere. Outside the converted phrases both texts fold to the same characters, so they are
 * walked together; at a difference, the shortest pair of skips after which they agree again spans the
 * phrase, and each of its converted characters maps to the phrase's start in the original (a token
 * ending inside it then ends where the original phrase ends, see {@link originalEnd}).
 */
function alignConverted(original: string, converted: string): Int32Array {
  const table = (foldTable ??= buildFoldTable())
  const fold = (code: number) => (table[code] === NEEDS_GENERAL_PATH ? code : table[code]!)
  const m = original.length
  const n = converted.length
  const same = (i: number, j: number) => fold(original.charCodeAt(i)) === fold(converted.charCodeAt(j))
  const inStep = (i: number, j: number) => {
    for (let k = 0; k < RESYNC_LENGTH; k++) {
      if (i + k >= m || j + k >= n) return i + k >= m && j + k >= n
      if (!same(i + k, j + k)) return false
    }
    return true
  }
  const map = new Int32Array(n + 1)
  let i = 0
  let j = 0
  while (j < n) {
    if (i < m && same(i, j)) {
      map[j++] = i++
      continue
    }
    let skips: readonly [number, number] | undefined
    for (let total = 1; total <= 2 * MAX_PHRASE_LENGTH && !skips; total++) {
      for (let skipOriginal = Math.max(0, total - MAX_PHRASE_LENGTH); skipOriginal <= Math.min(total, MAX_PHRASE_LENGTH); skipOriginal++) {
        if (inStep(i + skipOriginal, j + total - skipOriginal)) {
          skips = [skipOriginal, total - skipOriginal]
          break
        }
      }
    }
    // No way back in step (not a phrase conversion after all): the rest maps to where the original stands.
    const [skipOriginal, skipConverted] = skips ?? [m - i, n - j]
    for (let k = 0; k < skipConverted; k++) map[j + k] = Math.min(i, m)
    i += skipOriginal
    j += skipConverted
  }
  map[n] = m
  return map
}

/** `first` then `second`: offsets of a text through an intermediate one to the original. */
function composeOffsetMaps(first: Int32Array | undefined, second: Int32Array | undefined): Int32Array | undefined {
  if (!second) return first
  if (!first) return second
  return first.map((offset) => second[offset]!)
}

/**
 * Original offset of a normalised end offset. An end that falls inside an expanded character (½ → 1⁄2)
 * maps to the end of that original character, so a token never covers zero original characters.
 */
export function originalEnd(toOriginal: Int32Array | undefined, end: number): number {
  if (!toOriginal) return end
  if (end === 0) return toOriginal[0]!
  const last = toOriginal[end - 1]!
  let index = end
  while (index < toOriginal.length - 1 && toOriginal[index] === last) index++
  return toOriginal[index]!
}

/** How far past a term's normalised length its original characters can reach (NFKC expansions shrink back). */
const EXPANSION_SLACK = 8

/**
 * The original end of a term that starts at original offset `start` and is `normalizedLength` units long
 * after normalisation: normalises only the characters around it, so it is cheap for one match in a long text.
 */
export function originalTermEnd(text: string, start: number, normalizedLength: number): number {
  const { toOriginal } = normalizeText(text.slice(start, start + normalizedLength + EXPANSION_SLACK))
  return start + originalEnd(toOriginal, normalizedLength)
}
