import { describe, expect, it } from 'vitest'
import { baselineEntry, findRegressions } from '../../bench/baseline'
import type { RelevanceReport } from '../../bench/measure/measure-queries'

function report(ndcg10: number, byTypeNdcg: Record<string, number>): RelevanceReport {
  const scores = { ndcg10, mrr10: 1, recall10: 1, recall100: 1 }
  return {
    queries: 2,
    overall: scores,
    byType: Object.fromEntries(Object.entries(byTypeNdcg).map(([t, n]) => [t, { ...scores, ndcg10: n, queries: 1 }])),
    perQuery: [],
  }
}

describe('findRegressions', () => {
  const recorded = baselineEntry(report(0.8, { program: 0.9, question: 0.7 }))

  const none = { overall: [], byType: [] }

  it('passes equal or better scores', () => {
    expect(findRegressions('seeds@zhsearch', recorded, report(0.8, { program: 0.9, question: 0.7 }))).toEqual(none)
    expect(findRegressions('seeds@zhsearch', recorded, report(0.85, { program: 0.95, question: 0.7 }))).toEqual(none)
  })

  it('names every overall score and, separately, every query type that dropped', () => {
    const found = findRegressions('seeds@zhsearch', recorded, report(0.79, { program: 0.9, question: 0.6 }))
    expect(found.overall).toEqual(['seeds@zhsearch: ndcg10 0.7900 < baseline 0.8000'])
    expect(found.byType).toHaveLength(1)
    expect(found.byType[0]).toContain('"question"')
  })

  it('counts a query type that disappeared as scoring 0', () => {
    expect(findRegressions('k', recorded, report(0.8, { program: 0.9 })).byType).toHaveLength(1)
  })

  it('allows drops within an explicit tolerance', () => {
    expect(findRegressions('k', recorded, report(0.79, { program: 0.89, question: 0.69 }), 0.02)).toEqual(none)
  })
})
