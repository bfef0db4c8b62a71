import { describe, it, expect } from 'vitest'
import { PASSAGE_LENGTH, passageCoverage, type GroupOccurrence } from '../../src/rank'

function occurrences(...pairs: [position: number, group: number][]): GroupOccurrence[] {
  return pairs.map(([position, group]) => ({ position, group }))
}

describe('passage coverage (proximity)', () => {
  it('is 1 when every group occurs inside one window', () => {
    expect(passageCoverage(occurrences([10, 0], [14, 1], [20, 2]), [1, 1, 1]).coverage).toBe(1)
  })

  it('is the best single group’s share when the groups are further apart than a window', () => {
    const apart = occurrences([0, 0], [PASSAGE_LENGTH * 3, 1])
    expect(passageCoverage(apart, [1, 3]).coverage).toBeCloseTo(0.75, 12)
  })

  it('rewards words standing together over the same words scattered', () => {
    const weights = [1, 1, 1]
    const together = passageCoverage(occurrences([0, 0], [500, 1], [504, 2], [508, 0]), weights).coverage
    const scattered = passageCoverage(occurrences([0, 0], [500, 1], [1000, 2]), weights).coverage
    expect(together).toBeGreaterThan(scattered)
  })

  it('reports where the best window starts', () => {
    expect(passageCoverage(occurrences([0, 0], [900, 0], [910, 1]), [1, 1]).start).toBe(900)
  })

  it('counts a group once however often it repeats inside the window', () => {
    expect(passageCoverage(occurrences([0, 0], [1, 0], [2, 0], [3, 0]), [1, 1]).coverage).toBeCloseTo(0.5, 12)
  })

  it('is 0 with no occurrences or no weight', () => {
    expect(passageCoverage([], [1, 1]).coverage).toBe(0)
    expect(passageCoverage(occurrences([0, 0]), [0]).coverage).toBe(0)
  })
})
