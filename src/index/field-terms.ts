import type { Analyzer } from '../analysis'

/**
 * One field of one document, analysed and ready to post: its length in coarse tokens and each
 * distinct term with its sorted positions. Analysis is the costly part of indexing and needs nothing
 * from the index, so it can run in a worker thread; this is what a worker sends back. Plain strings
 * and one Int32Array keep the message cheap to copy between threads.
 */
export interface FieldTerms {
  /** Coarse tokens in the field (sub-words do not lengthen a field). */
  length: number
  /** Distinct terms in order of first occurrence: the order that assigns new term ids. */
  terms: string[]
  /** For each term in turn: its occurrence count, then that many positions in increasing order. */
  positions: Int32Array
}

/** Analyses one field's text into {@link FieldTerms}. */
export function analyzeField(text: string, analyzer: Analyzer): FieldTerms {
  const positionsByTerm = new Map<string, number[]>()
  let length = 0
  let occurrences = 0
  analyzer.tokenize(text, (term, start, _end, subword) => {
    if (!subword) length++
    occurrences++
    const positions = positionsByTerm.get(term)
    if (positions) positions.push(start)
    else positionsByTerm.set(term, [start])
  })
  const packed = new Int32Array(positionsByTerm.size + occurrences)
  let cursor = 0
  for (const positions of positionsByTerm.values()) {
    // Sub-words share offsets with their coarse word, so positions may arrive out of order; most lists
    // are in order already, and a comparator sort of each was a quarter of grouping tokens into terms.
    if (!isAscending(positions)) positions.sort((a, b) => a - b)
    packed[cursor++] = positions.length
    packed.set(positions, cursor)
    cursor += positions.length
  }
  return { length, terms: [...positionsByTerm.keys()], positions: packed }
}

/** Analyses each field text (`undefined` for absent or empty fields). */
export function analyzeFields(texts: readonly (string | undefined)[], analyzer: Analyzer): (FieldTerms | undefined)[] {
  return texts.map((text) => (text ? analyzeField(text, analyzer) : undefined))
}

function isAscending(values: readonly number[]): boolean {
  for (let i = 1; i < values.length; i++) if (values[i - 1]! > values[i]!) return false
  return true
}
