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

  it('passes equal or better scores', () => {
    expect(findRegressions('seeds@zhsearch', recorded, report(0.8, { program: 0.9, question: 0.7 }))).toEqual([])
    expect(findRegressions('seeds@zhsearch', recorded, report(0.85, { program: 0.95, question: 0.7 }))).toEqual([])
  })

  it('names every overall score and query type that dropped', () => {
    const problems = findRegressions('seeds@zhsearch', recorded, report(0.79, { program: 0.9, question: 0.6 }))
    expect(problems).toHaveLength(2)
    expect(problems[0]).toContain('ndcg10 0.7900 < baseline 0.8000')
    expect(problems[1]).toContain('"question"')
  })

  it('counts a query type that disappeared as scoring 0', () => {
    expect(findRegressions('k', recorded, report(0.8, { program: 0.9 }))).toHaveLength(1)
  })

  it('allows drops within an explicit tolerance', () => {
    expect(findRegressions('k', recorded, report(0.79, { program: 0.89, question: 0.69 }), 0.02)).toEqual([])
  })
})
