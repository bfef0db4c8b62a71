/**
 * Counts in how many texts each of many terms occurs as a substring. One pass over the corpus, looking up
 * the two characters at each position in a map of the terms that start with them, instead of one full
 * scan per term (thousands of terms × 57 MB).
 */
import type { CorpusText } from './synonym-corpus'
import { fullText } from './synonym-corpus'

const KEY_CHARS = 2

/** Document frequency of each term (terms shorter than two characters are counted as 0). */
export function documentFrequencies(terms: Iterable<string>, texts: readonly CorpusText[]): Map<string, number> {
  const byKey = new Map<string, string[]>()
  const frequencies = new Map<string, number>()
  for (const term of terms) {
    frequencies.set(term, 0)
    if (term.length < KEY_CHARS) continue
    const key = term.slice(0, KEY_CHARS)
    const bucket = byKey.get(key)
    if (bucket === undefined) byKey.set(key, [term])
    else if (!bucket.includes(term)) bucket.push(term)
  }
  for (const text of texts) {
    const body = fullText(text)
    const seen = new Set<string>()
    for (let at = 0; at + KEY_CHARS <= body.length; at++) {
      const bucket = byKey.get(body.slice(at, at + KEY_CHARS))
      if (bucket === undefined) continue
      for (const term of bucket) if (!seen.has(term) && body.startsWith(term, at)) seen.add(term)
    }
    for (const term of seen) frequencies.set(term, (frequencies.get(term) ?? 0) + 1)
  }
  return frequencies
}
