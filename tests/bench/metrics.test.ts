import { describe, expect, it } from 'vitest'
import {
  meanScores,
  median,
  megabytesPerSecond,
  ndcgAtK,
  percentile,
  recallAtK,
  reciprocalRankAtK,
  scoreQuery,
  summarizeLatency,
} from '../../bench/metrics/index'

describe('ndcgAtK', () => {
  it('is 1 for the ideal ordering and lower when grades are swapped', () => {
    const qrels = { a: 2, b: 1 }
    expect(ndcgAtK(['a', 'b'], qrels, 10)).toBeCloseTo(1, 12)
    // DCG(b,a) = 1 + 2/log2(3); IDCG = 2 + 1/log2(3)
    const expected = (1 + 2 / Math.log2(3)) / (2 + 1 / Math.log2(3))
    expect(ndcgAtK(['b', 'a'], qrels, 10)).toBeCloseTo(expected, 12)
  })

  it('takes the ideal from the qrels, so a missed relevant document lowers the score', () => {
    const qrels = { a: 2, b: 2 }
    expect(ndcgAtK(['a'], qrels, 10)).toBeCloseTo(2 / (2 + 2 / Math.log2(3)), 12)
  })

  it('ignores everything below rank k', () => {
    expect(ndcgAtK(['x', 'y', 'a'], { a: 1 }, 2)).toBe(0)
    expect(ndcgAtK(['x', 'y', 'a'], { a: 1 }, 3)).toBeCloseTo(1 / Math.log2(4), 12)
  })

  it('scores 0 when nothing is relevant and treats grade 0 as not relevant', () => {
    expect(ndcgAtK(['a'], {}, 10)).toBe(0)
    expect(ndcgAtK(['a'], { a: 0 }, 10)).toBe(0)
  })
})

describe('reciprocalRankAtK', () => {
  it('is 1/rank of the first relevant hit within k', () => {
    expect(reciprocalRankAtK(['x', 'a', 'b'], { a: 1, b: 2 }, 10)).toBe(0.5)
    expect(reciprocalRankAtK(['x', 'y', 'a'], { a: 1 }, 2)).toBe(0)
    expect(reciprocalRankAtK([], { a: 1 }, 10)).toBe(0)
  })
})

describe('recallAtK', () => {
  it('is the share of relevant documents within the top k', () => {
    const qrels = { a: 1, b: 2, c: 0 }
    expect(recallAtK(['a', 'x', 'b'], qrels, 2)).toBe(0.5)
    expect(recallAtK(['a', 'x', 'b'], qrels, 3)).toBe(1)
    expect(recallAtK(['a'], {}, 10)).toBe(0)
  })
})

describe('scoreQuery and meanScores', () => {
  it('average per-query scores, MRR being the mean reciprocal rank', () => {
    const one = scoreQuery(['a'], { a: 1 })
    const two = scoreQuery(['x', 'a'], { a: 1 })
    const mean = meanScores([one, two])
    expect(mean.mrr10).toBeCloseTo(0.75, 12)
    expect(mean.recall100).toBe(1)
    expect(meanScores([]).ndcg10).toBe(0)
  })
})

describe('percentile and median', () => {
  const samples = Array.from({ length: 100 }, (_, i) => 100 - i) // 100 … 1, unsorted on purpose

  it('uses nearest rank, returning a real sample', () => {
    expect(percentile(samples, 50)).toBe(50)
    expect(percentile(samples, 99)).toBe(99)
    expect(percentile(samples, 100)).toBe(100)
    expect(percentile(samples, 0)).toBe(1)
    expect(percentile([7], 95)).toBe(7)
    expect(percentile([], 50)).toBeNaN()
  })

  it('medians odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNaN()
  })

  it('summarizes latencies without reordering the input', () => {
    const input = [5, 1, 3]
    const summary = summarizeLatency(input)
    expect(summary).toEqual({ count: 3, p50: 3, p95: 5, p99: 5, max: 5 })
    expect(input).toEqual([5, 1, 3])
  })

  it('computes MB/s from bytes and milliseconds', () => {
    expect(megabytesPerSecond(2e6, 500)).toBe(4)
  })
})
