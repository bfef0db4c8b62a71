import { describe, it, expect } from 'vitest'
import { OccurrenceCollector, PASSAGE_LENGTH, passageCoverage, type GroupOccurrences } from '../../src/rank'

function occurrences(...pairs: [position: number, group: number][]): GroupOccurrences {
  return { positions: pairs.map(([position]) => position), groups: pairs.map(([, group]) => group) }
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
    expect(passageCoverage(occurrences(), [1, 1]).coverage).toBe(0)
    expect(passageCoverage(occurrences([0, 0]), [0]).coverage).toBe(0)
  })
})

describe('occurrence collector', () => {
  it('merges per-word lists into position order, equal positions in list order', () => {
    // Lists 0 and 2 belong to group 0 (two words of it), list 1 to group 1.
    const collector = new OccurrenceCollector([0, 1, 0])
    for (const position of [5, 40, 300]) collector.add(0, position)
    for (const position of [5, 41]) collector.add(1, position)
    collector.add(2, 2)
    const sorted = collector.sorted()
    expect(Array.from(sorted.positions)).toEqual([2, 5, 5, 40, 41, 300])
    expect(Array.from(sorted.groups)).toEqual([0, 0, 1, 0, 1, 0])
  })

  it('keeps positions of long texts exact', () => {
    const collector = new OccurrenceCollector([0, 1])
    collector.add(1, 1_999_999)
    collector.add(0, 2_000_000)
    expect(Array.from(collector.sorted().positions)).toEqual([1_999_999, 2_000_000])
  })

  it('gives the coverage the unsorted occurrences have once sorted', () => {
    const collector = new OccurrenceCollector([0, 1, 2])
    collector.add(2, 520)
    collector.add(0, 0)
    collector.add(1, 510)
    collector.add(0, 505)
    expect(passageCoverage(collector.sorted(), [1, 1, 1]).coverage).toBe(1)
  })
})
