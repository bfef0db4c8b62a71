import { readFileSync } from 'node:fs'

/**
 * A compact membership set for dictionary words, used to find the sub-words inside a coarse word.
 * jieba's dictionary has ~350k entries; as JS strings in a Set they would cost ~20 MB of heap, so we keep
 * one 53-bit hash per word in a sorted Float64Array (8 bytes a word) and binary-search it. A hash collision
 * can only add a spurious sub-word to the lattice, never lose a coarse word.
 */
export class DictionaryWords {
  private hashes: Float64Array
  private pending: number[] = []

  constructor(words: Iterable<string> = []) {
    this.hashes = new Float64Array(0)
    for (const word of words) this.pending.push(hashWord(word))
  }

  /** Adds every word (first column) of a jieba-format dictionary file. */
  addDictionaryFile(path: string, minLength = 2, maxLength = MAX_SUBWORD_LENGTH): void {
    const text = readFileSync(path, 'utf8')
    let lineStart = 0
    while (lineStart < text.length) {
      let lineEnd = text.indexOf('\n', lineStart)
      if (lineEnd < 0) lineEnd = text.length
      let wordEnd = lineStart
      while (wordEnd < lineEnd && text.charCodeAt(wordEnd) !== 0x20 && text.charCodeAt(wordEnd) !== 0x09 && text.charCodeAt(wordEnd) !== 0x0d) wordEnd++
      const length = wordEnd - lineStart
      if (length >= minLength && length <= maxLength && text.charCodeAt(lineStart) !== 0x23) {
        this.pending.push(hashWord(text.slice(lineStart, wordEnd).toLowerCase()))
      }
      lineStart = lineEnd + 1
    }
  }

  add(word: string): void {
    this.pending.push(hashWord(word))
  }

  /** Whether `text.slice(start, end)` is a word, without making that string: the lattice asks for every span of every word. */
  hasRange(text: string, start: number, end: number): boolean {
    if (this.pending.length > 0) this.flush()
    const key = hashRange(text, start, end)
    const hashes = this.hashes
    let low = 0
    let high = hashes.length - 1
    while (low <= high) {
      const middle = (low + high) >>> 1
      const value = hashes[middle]!
      if (value === key) return true
      if (value < key) low = middle + 1
      else high = middle - 1
    }
    return false
  }

  private flush(): void {
    const merged = new Float64Array(this.hashes.length + this.pending.length)
    merged.set(this.hashes)
    merged.set(this.pending, this.hashes.length)
    merged.sort()
    this.hashes = merged
    this.pending = []
  }
}

/** Longest sub-word we look for inside a coarse word; longer dictionary entries are coarse words themselves. */
export const MAX_SUBWORD_LENGTH = 8

const TWO_TO_THE_21 = 2 ** 21

function hashWord(word: string): number {
  return hashRange(word, 0, word.length)
}

/**
 * The hash of `text.slice(start, end)`: two independent string hashes (FNV-1a 32-bit and a 21-bit
 * multiplicative one) joined into one 53-bit number.
 */
function hashRange(text: string, start: number, end: number): number {
  let fnv = 0x811c9dc5
  let other = 0
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i)
    fnv = Math.imul(fnv ^ code, 0x01000193)
    other = (Math.imul(other, 31) + code) & (TWO_TO_THE_21 - 1)
  }
  return (fnv >>> 0) * TWO_TO_THE_21 + other
}
