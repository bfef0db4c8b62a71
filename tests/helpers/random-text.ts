/** Seeded random text for invariant tests: a failure prints its seed, and the same seed reproduces it. */
import { seededRandom } from '../../bench/data/random'

export { seededRandom }

/**
 * Pieces that stress analysis: health-policy words, traditional and full-width forms, expanding
 * compatibility characters, emoji and astral Han, lone surrogates, control characters, punctuation.
 */
export const TRICKY_PIECES: readonly string[] = [
  '医疗卫生', '长治市', '县域医共体', '家庭医生签约', '千名医师下基层', '孕产妇死亡率', '医保', '的', '了',
  '遠程會診', '醫療衛生機構', 'ＡＢＣ', 'ＣＯＶＩＤ－１９', 'covid-19', 'Hospital', '２０２１年', '3356人次',
  'ﬁ', 'Ⅻ', '㎡', '①', '😀', '👨‍👩‍👧', '𠀀', '\ud800', '\udc00', '\u0000', '\u0007', '\u200b', '\u3000', ' ', '\t', '\n',
  '，', '。', '“', '”', '"', '<b>', '&', '%', '/10万', '‰', 'e\u0301',
]

/** A random string of `count` pieces drawn from {@link TRICKY_PIECES}. */
export function randomTrickyText(random: () => number, count: number): string {
  let text = ''
  for (let i = 0; i < count; i++) text += TRICKY_PIECES[Math.floor(random() * TRICKY_PIECES.length)]!
  return text
}

/** A random string of arbitrary UTF-16 code units (any BMP unit, including surrogates and controls). */
export function randomCodeUnits(random: () => number, length: number): string {
  const units: number[] = []
  for (let i = 0; i < length; i++) units.push(Math.floor(random() * 0x10000))
  return String.fromCharCode(...units)
}
