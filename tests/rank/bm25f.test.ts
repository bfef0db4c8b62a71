import { describe, it, expect } from 'vitest'
import { DEFAULT_BM25, coordinationFactor, inverseDocumentFrequency, saturate, weightedFieldFrequency } from '../../src/rank'

const { k1, b } = DEFAULT_BM25

/** One-field BM25 for a term: what a search engine user calls "the score of a word in a document". */
function bm25(tf: number, length: number, averageLength: number, documentCount: number, docFrequency: number): number {
  return saturate(weightedFieldFrequency(tf, length, averageLength, 1, b), inverseDocumentFrequency(documentCount, docFrequency), k1)
}

describe('inverse document frequency', () => {
  it('is positive even for a term in every document', () => {
    expect(inverseDocumentFrequency(100, 100)).toBeGreaterThan(0)
  })

  it('falls as more documents contain the term', () => {
    const values = [1, 2, 10, 50, 100].map((df) => inverseDocumentFrequency(100, df))
    for (let i = 1; i < values.length; i++) expect(values[i]!).toBeLessThan(values[i - 1]!)
  })

  it('matches the Lucene BM25 form log(1 + (N − df + 0.5) / (df + 0.5))', () => {
    expect(inverseDocumentFrequency(10, 1)).toBeCloseTo(Math.log(1 + 9.5 / 1.5), 12)
  })
})

describe('BM25F field frequency and saturation', () => {
  it('gives more for more occurrences, but with diminishing returns bounded by idf', () => {
    const scores = [1, 2, 4, 8, 100].map((tf) => bm25(tf, 50, 50, 1000, 10))
    const idf = inverseDocumentFrequency(1000, 10)
    for (let i = 1; i < scores.length; i++) expect(scores[i]!).toBeGreaterThan(scores[i - 1]!)
    expect(scores[1]! - scores[0]!).toBeGreaterThan(scores[2]! - scores[1]!)
    for (const score of scores) expect(score).toBeLessThan(idf)
  })

  it('favours the shorter field for the same occurrences when b > 0', () => {
    expect(bm25(2, 20, 100, 1000, 10)).toBeGreaterThan(bm25(2, 400, 100, 1000, 10))
  })

  it('ignores field length when b = 0', () => {
    expect(weightedFieldFrequency(3, 10, 100, 1, 0)).toBe(weightedFieldFrequency(3, 1000, 100, 1, 0))
  })

  it('scales a field’s contribution with its weight', () => {
    expect(weightedFieldFrequency(2, 30, 60, 3, b)).toBeCloseTo(3 * weightedFieldFrequency(2, 30, 60, 1, b), 12)
  })

  it('a field of average length counts its raw term frequency', () => {
    expect(weightedFieldFrequency(4, 60, 60, 1, b)).toBeCloseTo(4, 12)
  })

  it('with k1 = 0 any occurrence scores the full idf (no term-frequency effect)', () => {
    expect(saturate(1, 2.5, 0)).toBe(2.5)
    expect(saturate(50, 2.5, 0)).toBe(2.5)
  })

  it('stays finite for an empty corpus statistic (average length 0)', () => {
    expect(Number.isFinite(weightedFieldFrequency(1, 5, 0, 1, b))).toBe(true)
  })
})

describe('coordination', () => {
  it('is 1 when every group matched, less when some did not, and grows with the matched share', () => {
    expect(coordinationFactor(3, 3)).toBe(1)
    expect(coordinationFactor(1, 3)).toBeLessThan(coordinationFactor(2, 3))
    expect(coordinationFactor(2, 3)).toBeLessThan(1)
    expect(coordinationFactor(0, 3)).toBe(0)
  })

  it('is 1 when there is nothing to weigh', () => {
    expect(coordinationFactor(0, 0)).toBe(1)
  })

  it('never exceeds 1', () => {
    expect(coordinationFactor(5, 3)).toBeLessThanOrEqual(1)
  })
})
