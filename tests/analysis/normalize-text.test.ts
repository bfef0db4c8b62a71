import { describe, it, expect } from 'vitest'
import { normalizeText } from '../../src/analysis'
import { originalEnd } from '../../src/analysis/normalize-text'
import { randomCodeUnits, randomTrickyText, seededRandom } from '../helpers/random-text'

/** The original offset of normalised offset `i`. */
function originalOffset(normalized: ReturnType<typeof normalizeText>, i: number): number {
  return normalized.toOriginal ? normalized.toOriginal[i]! : i
}

describe('normalizeText', () => {
  it('folds full width to half width and Latin to lower case', () => {
    expect(normalizeText('ＡＢＣ１２３ａｂｃ').text).toBe('abc123abc')
    expect(normalizeText('Hospital ICU').text).toBe('hospital icu')
  })

  it('converts traditional characters to simplified: 遠程會診 → 远程会诊', () => {
    expect(normalizeText('遠程會診').text).toBe('远程会诊')
    expect(normalizeText('醫療衛生機構').text).toBe('医疗卫生机构')
  })

  it('converts regional words of other lengths, mapping each back to the whole original word', () => {
    const normalized = normalizeText('發展網際網路醫院，保護智慧財產權')
    expect(normalized.text).toBe('发展互联网医院，保护知识产权')
    // 互联网 (offsets 2–5) stands for 網際網路 (original 2–6); what follows is back in step.
    expect(originalOffset(normalized, 2)).toBe(2)
    expect(originalEnd(normalized.toOriginal, 5)).toBe(6)
    expect(originalOffset(normalized, 5)).toBe(6)
    const text = '發展網際網路醫院，保護智慧財產權'
    const rights = normalized.text.indexOf('知识产权')
    expect(text.slice(originalOffset(normalized, rights), originalEnd(normalized.toOriginal, rights + 4))).toBe('智慧財產權')
  })

  it('converts the regional words of a text with no traditional character when told it is traditional', () => {
    expect(normalizeText('最佳化').text).toBe('最佳化')
    expect(normalizeText('最佳化', { traditional: true }).text).toBe('优化')
  })

  it('leaves simplified Chinese unchanged and needs no offset map for it', () => {
    const text = '推进紧密型县域医共体建设。'
    expect(normalizeText(text)).toEqual({ text })
  })

  it('turns control characters and the ideographic space into spaces, keeping the length', () => {
    expect(normalizeText('医疗\u0000卫生\u0007医院\u3000诊所').text).toBe('医疗 卫生 医院 诊所')
  })

  it('replaces lone surrogates with U+FFFD and keeps surrogate pairs', () => {
    expect(normalizeText('a\ud800b\udc00c').text).toBe('a\ufffdb\ufffdc')
    expect(normalizeText('看病😀𠀀').text).toBe('看病😀𠀀')
  })

  it('maps every offset of an expanded character back to that character: Ⅻ → xii', () => {
    const normalized = normalizeText('第Ⅻ条')
    expect(normalized.text).toBe('第xii条')
    expect(normalized.toOriginal).toBeDefined()
    expect([0, 1, 2, 3, 4, 5].map((i) => originalOffset(normalized, i))).toEqual([0, 1, 1, 1, 2, 3])
  })

  it('has an offset map of length text+1 that starts at 0, ends at the original length and never decreases', () => {
    for (let seed = 1; seed <= 100; seed++) {
      const random = seededRandom(seed)
      const original = seed % 2 === 0 ? randomTrickyText(random, 30) : randomCodeUnits(random, 40)
      const normalized = normalizeText(original)
      const map = normalized.toOriginal
      if (!map) {
        expect(normalized.text).toHaveLength(original.length)
        continue
      }
      expect(map).toHaveLength(normalized.text.length + 1)
      expect(map[0]).toBe(0)
      expect(map[map.length - 1]).toBe(original.length)
      for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!)
    }
  })

  it('keeps that offset map sound when regional words of other lengths are converted', () => {
    const words = ['網際網路', '記憶體', '智慧財產權', '隨身碟', '軟體', '醫院', 'Ⅻ', '😀', '，', ' ', 'ＡＢ', '雲端計算', '行動電源']
    for (let seed = 1; seed <= 100; seed++) {
      const random = seededRandom(seed)
      const original = Array.from({ length: 12 }, () => words[Math.floor(random() * words.length)]).join('')
      const map = normalizeText(original).toOriginal
      if (!map) continue
      expect(map).toHaveLength(normalizeText(original).text.length + 1)
      expect(map[0]).toBe(0)
      expect(map[map.length - 1]).toBe(original.length)
      for (let i = 1; i < map.length; i++) expect(map[i]!).toBeGreaterThanOrEqual(map[i - 1]!)
    }
  })

  it('is idempotent on text it has already normalised', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const once = normalizeText(randomTrickyText(seededRandom(seed), 30)).text
      expect(normalizeText(once).text).toBe(once)
    }
  })
})
