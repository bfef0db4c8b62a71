import { cutWords, isDictionaryWordAt, addUserDictionary } from './jieba-segmenter'
import { MAX_SUBWORD_LENGTH } from './dictionary-words'
import { normalizeText, originalEnd, type NormalizedText, type NormalizeOptions } from './normalize-text'
import { bundledStopwords } from './stopwords'
import type { Token } from './token'

/**
 * The analysis chain: normalise → segment with jieba → drop punctuation and stopwords → add the
 * sub-words of each coarse word (the lattice). Documents and queries go through the same chain.
 */
export interface AnalyzerOptions {
  /** Extra jieba-format dictionary files (`word [freq] [tag]` per line), added to the process-wide segmenter. Default: none. */
  userDictionaries?: readonly string[]
  /** Words never indexed. Default: the bundled `dict/stopwords.txt`. Pass `[]` to keep every word. */
  stopwords?: Iterable<string>
  /** Index the dictionary words inside each coarse word at the same offsets (长治 inside 长治市). Default: true. */
  subwords?: boolean
}

/** Receives each token without allocating an object for it (the indexing hot path). */
export type TokenSink = (text: string, start: number, end: number, subword: boolean) => void

export interface Analyzer {
  /** Tokens of `text`, in order of start offset, coarse word before its sub-words. */
  analyze(text: string): Token[]
  /** The same tokens, streamed to `sink`. */
  tokenize(text: string, sink: TokenSink): void
  /** The normalised form of `text` with its offset map. */
  normalize(text: string, options?: NormalizeOptions): NormalizedText
  /** Whether a normalised term is a stopword. */
  isStopword(term: string): boolean
}

/** Tokens longer than this are cut to it: nobody types them, and they would bloat the vocabulary. */
export const MAX_TOKEN_LENGTH = 64
/** Coarse words shorter than this have no sub-words worth indexing (a two-character word's halves are single characters). */
const MIN_LENGTH_WITH_SUBWORDS = 3

/** A token carries a letter or a digit; whitespace and punctuation runs are not indexed. */
function isWordLike(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i)
    if (code >= 0x4e00 && code <= 0x9fff) return true
    if ((code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a)) return true
  }
  return /[\p{L}\p{N}]/u.test(word)
}

/**
 * Creates an analyzer. Cheap to call: the segmenter and dictionaries are loaded once per process.
 *
 * @example createAnalyzer().analyze('长治市医疗卫生').map(t => t.text) // ['长治市', '长治', '医疗卫生', '医疗', '卫生']
 */
export function createAnalyzer(options: AnalyzerOptions = {}): Analyzer {
  for (const path of options.userDictionaries ?? []) addUserDictionary(path)
  const stopwords: ReadonlySet<string> = options.stopwords ? new Set(options.stopwords) : bundledStopwords()
  const withSubwords = options.subwords ?? true

  function emitSubwords(word: string, start: number, toOriginal: Int32Array | undefined, sink: TokenSink): void {
    const longest = Math.min(word.length - 1, MAX_SUBWORD_LENGTH)
    for (let offset = 0; offset < word.length - 1; offset++) {
      for (let length = 2; length <= longest && offset + length <= word.length; length++) {
        // Most spans are no word: the string is made only for those that are.
        if (!isDictionaryWordAt(word, offset, offset + length)) continue
        const subword = word.slice(offset, offset + length)
        if (!stopwords.has(subword)) {
          const from = start + offset
          const to = from + length
          sink(subword, toOriginal ? toOriginal[from]! : from, originalEnd(toOriginal, to), true)
        }
      }
    }
  }

  function tokenize(text: string, sink: TokenSink): void {
    if (typeof text !== 'string' || text.length === 0) return
    const { text: normalized, toOriginal } = normalizeText(text)
    let start = 0
    for (const word of cutWords(normalized)) {
      const end = start + word.length
      if (isWordLike(word) && !stopwords.has(word)) {
        const term = word.length > MAX_TOKEN_LENGTH ? word.slice(0, MAX_TOKEN_LENGTH) : word
        sink(term, toOriginal ? toOriginal[start]! : start, originalEnd(toOriginal, end), false)
        if (withSubwords && word.length >= MIN_LENGTH_WITH_SUBWORDS && word.length <= MAX_TOKEN_LENGTH) {
          emitSubwords(word, start, toOriginal, sink)
        }
      }
      start = end
    }
  }

  return {
    tokenize,
    analyze(text) {
      const tokens: Token[] = []
      tokenize(text, (term, start, end, subword) =>
        tokens.push({ text: term, start, end, position: start, positionLength: end - start, subword }),
      )
      return tokens
    },
    normalize: normalizeText,
    isStopword: (term) => stopwords.has(term),
  }
}
