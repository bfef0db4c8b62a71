import { describe, expect, it } from 'vitest'
import { readChineseNumber, writeChineseNumber } from '../../src/entities'

describe('Chinese numerals as statutes write article numbers', () => {
  it.each([
    [10, '十'],
    [38, '三十八'],
    [101, '一百零一'],
    [110, '一百一十'],
    [264, '二百六十四'],
    [1010, '一千零一十'],
    [1260, '一千二百六十'],
  ])('%i → %s', (value, written) => {
    expect(writeChineseNumber(value)).toBe(written)
  })

  it('reads back every number it writes, 1 to 9,999', () => {
    for (let value = 1; value <= 9999; value++) {
      const written = writeChineseNumber(value)!
      expect(readChineseNumber(written, 0), written).toMatchObject({ value, end: written.length })
    }
  })

  it('writes nothing outside 1 to 9,999 or for a fraction', () => {
    for (const value of [0, -1, 10_000, 2.5, Number.NaN]) expect(writeChineseNumber(value)).toBeUndefined()
  })
})
