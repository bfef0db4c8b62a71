import { describe, it, expect } from 'vitest'
import { DocumentScores } from '../../src/rank'

describe('DocumentScores', () => {
  it('finds each score by document and visits them in document order', () => {
    const scores = new DocumentScores(Int32Array.from([2, 5, 9, 40]), Float64Array.from([0.5, 3, 1, 3]))
    expect(scores.size).toBe(4)
    expect([scores.get(5), scores.get(40), scores.get(3), scores.get(41)]).toEqual([3, 3, undefined, undefined])
    const seen: [number, number][] = []
    scores.forEach((score, doc) => seen.push([doc, score]))
    expect(seen).toEqual([[2, 0.5], [5, 3], [9, 1], [40, 3]])
    expect(scores.top(3)).toEqual([5, 40, 9])
  })

  it('drops the documents a filter rejects, from lookups, counts and ranking', () => {
    const scores = new DocumentScores(Int32Array.from([1, 2, 3, 4]), Float64Array.from([4, 3, 2, 1]))
    scores.retain((doc) => doc % 2 === 0)
    scores.retain((doc) => doc !== 4)
    expect(scores.size).toBe(1)
    expect([scores.has(1), scores.has(2), scores.has(4)]).toEqual([false, true, false])
    expect(scores.documents()).toEqual([2])
    expect(scores.top(10)).toEqual([2])
  })

  it('gives every document the same score when browsing, whatever order they come in', () => {
    const scores = DocumentScores.uniform(Int32Array.from([7, 3, 5]), 1)
    expect(scores.documents()).toEqual([3, 5, 7])
    expect(scores.top(2)).toEqual([3, 5])
  })
})
