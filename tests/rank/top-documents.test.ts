import { describe, it, expect } from 'vitest'
import { AlternativeScores } from '../../src/rank/alternative-scores'
import { sortRuns, topDocuments } from '../../src/rank'
import { seededRandom } from '../helpers/random-text'

describe('top documents', () => {
  it('are the best scores first, the earlier document first on a tie, as sorting everything gives', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = seededRandom(seed)
      const scores = new Map<number, number>()
      for (let i = 0; i < 300; i++) scores.set(Math.floor(random() * 1000), Math.floor(random() * 20) / 4)
      const sorted = [...scores].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([doc]) => doc)
      for (const count of [0, 1, 10, 200, 1000]) expect(topDocuments(scores, count)).toEqual(sorted.slice(0, count))
    }
  })
})

describe('sorting runs', () => {
  it('sorts lists appended one after another as a full sort would, and any other input too', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const random = seededRandom(seed)
      const values: number[] = []
      const lists = Math.floor(random() * 12)
      for (let list = 0; list < lists; list++) {
        let value = Math.floor(random() * 50)
        for (let i = Math.floor(random() * 40); i > 0; i--) values.push((value += Math.floor(random() * 9)))
      }
      if (seed % 5 === 0) values.reverse()
      expect(Array.from(sortRuns(values))).toEqual([...values].sort((a, b) => a - b))
    }
  })
})

describe('alternative scores', () => {
  it('behave like a Map from document to score, visited in the order first scored', () => {
    const scores = new AlternativeScores(4)
    scores.add(7, 1)
    scores.add(2, 0.5)
    scores.add(7, 2)
    scores.set(9, 0)
    scores.delete(2)
    const seen: [number, number][] = []
    scores.forEach((doc, value) => seen.push([doc, value]))
    expect(seen).toEqual([
      [7, 3],
      [9, 0],
    ])
    scores.reset()
    scores.add(9, 1)
    const after: [number, number][] = []
    scores.forEach((doc, value) => after.push([doc, value]))
    expect(after).toEqual([[9, 1]])
  })
})
