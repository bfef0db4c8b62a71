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

/**
 * Normalises text for indexing and querying: NFKC (full width → half width), Latin lower case,
 * traditional → simplified (characters always; regional phrases such as 軟體 → 软件 where the text
 * holds traditional characters), control characters → spaces, lone surrogates → U+FFFD. Never throws.
 *
 * @example normalizeText('遠程會診 ＡＢＣ').text === '远程会诊 abc'
 */
export function normalizeText(original: string): NormalizedText {
  const folded = foldText(original)
  if (folded.traditionalCount > 0 && folded.traditionalCount >= original.length * TRADITIONAL_SHARE_FOR_PHRASES) {
    // Phrase rules are written in traditional characters, so they run on the original text.
    const phrased = convertTraditionalPhrases(original)
    if (phrased !== original) {
      const refolded = foldText(phrased)
      return refolded.toOriginal ? { text: refolded.text, toOriginal: refolded.toOriginal } : { text: refolded.text }
    }
  }
  return folded.toOriginal ? { text: folded.text, toOriginal: folded.toOriginal } : { text: folded.text }
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
