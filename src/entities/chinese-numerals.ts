/** Reading numbers written in Arabic digits (ASCII or full-width) or Chinese numerals. */

const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
}
const SMALL_MULTIPLIERS: Readonly<Record<string, number>> = { 十: 10, 百: 100, 千: 1000 }
/** 万 and 亿 scale everything before them (三千五百万 = 3500 × 10⁴). */
export const LARGE_MULTIPLIERS: Readonly<Record<string, number>> = { 万: 1e4, 亿: 1e8 }

const NUMERAL_CODES = new Set(
  [...Object.keys(CHINESE_DIGITS), ...Object.keys(SMALL_MULTIPLIERS), ...Object.keys(LARGE_MULTIPLIERS)].map((u) => u.charCodeAt(0)),
)

/** True for the code of a Chinese numeral character (一, 两, 十, 万 …). */
export function isChineseNumeralCode(code: number): boolean {
  return NUMERAL_CODES.has(code)
}

/** True for a Chinese numeral character (一, 两, 十, 万 …). */
export function isChineseNumeral(unit: string | undefined): boolean {
  return unit !== undefined && NUMERAL_CODES.has(unit.charCodeAt(0))
}

/** A number read from the text: its value and where it ends. */
export interface ReadNumber {
  value: number
  end: number
  /** Written in Chinese numerals (两个), as opposed to digits (2个). */
  chinese: boolean
  /** The exact characters, e.g. to recognise a four-digit year or a lone 一. */
  raw: string
}

/** Keeps values free of binary noise (43.66 × 10⁸ is 4366000000, not 4366000000.000001). */
const SIGNIFICANT_DIGITS = 12
export function cleanNumber(value: number): number {
  return Number(value.toPrecision(SIGNIFICANT_DIGITS))
}

function digitValue(unit: string | undefined): number | undefined {
  if (unit === undefined) return undefined
  const c = unit.charCodeAt(0)
  if (c >= 0x30 && c <= 0x39) return c - 0x30
  if (c >= 0xff10 && c <= 0xff19) return c - 0xff10
  return undefined
}

/**
 * Reads Arabic digits at `start`: 23.2, 20,115 (thousands separators only before exactly three digits),
 * full-width ２３. Returns undefined when no digit is there.
 */
export function readArabicNumber(text: string, start: number): ReadNumber | undefined {
  let i = start
  let digits = ''
  while (i < text.length) {
    const d = digitValue(text[i])
    if (d !== undefined) {
      digits += String(d)
      i++
    } else if ((text[i] === ',' || text[i] === '，') && digits.length > 0 && isThreeDigitGroup(text, i + 1)) {
      i++
    } else break
  }
  if (digits.length === 0) return undefined
  if ((text[i] === '.' || text[i] === '．') && digitValue(text[i + 1]) !== undefined) {
    digits += '.'
    i++
    while (digitValue(text[i]) !== undefined) digits += String(digitValue(text[i++]))
  }
  return { value: Number(digits), end: i, chinese: false, raw: text.slice(start, i) }
}

function isThreeDigitGroup(text: string, at: number): boolean {
  for (let k = 0; k < 3; k++) if (digitValue(text[at + k]) === undefined) return false
  return digitValue(text[at + 3]) === undefined && text[at + 3] !== '.'
}

/**
 * Reads Chinese numerals at `start` (两, 十五, 三千五百, 二〇二一 read digit by digit). 万/亿 are read
 * too; callers that treat them as a magnitude suffix read them separately. Returns undefined when
 * no numeral is there.
 */
export function readChineseNumber(text: string, start: number): ReadNumber | undefined {
  let total = 0
  let section = 0
  let digit: number | undefined
  let digitRun = ''
  let i = start
  for (; i < text.length; i++) {
    const unit = text[i] as string
    const d = CHINESE_DIGITS[unit]
    if (d !== undefined) {
      if (digit !== undefined) digitRun += String(digit)
      digit = d
      continue
    }
    const small = SMALL_MULTIPLIERS[unit]
    if (small !== undefined) {
      section += (digit ?? 1) * small
      digit = undefined
      continue
    }
    const large = LARGE_MULTIPLIERS[unit]
    if (large !== undefined && (digit !== undefined || section > 0 || total > 0)) {
      total = (total + section + (digit ?? 0)) * large
      section = 0
      digit = undefined
      continue
    }
    break
  }
  if (i === start) return undefined
  const raw = text.slice(start, i)
  // 二〇二一: a string of bare digits is read positionally.
  if (digitRun.length > 0 && section === 0 && total === 0) return { value: Number(digitRun + String(digit ?? '')), end: i, chinese: true, raw }
  return { value: total + section + (digit ?? 0), end: i, chinese: true, raw }
}

const DIGIT_CHARACTERS = '零一二三四五六七八九'
const PLACE_CHARACTERS = ['千', '百', '十', ''] as const

/**
 * A whole number from 1 to 9,999 in Chinese numerals as statutes write article numbers: 十 (not 一十)
 * and 十八 at the start, 一百一十, 一百零一, 一千零一十. Undefined outside that range.
 */
export function writeChineseNumber(value: number): string | undefined {
  if (!Number.isInteger(value) || value < 1 || value > 9999) return undefined
  const digits = [Math.floor(value / 1000), Math.floor(value / 100) % 10, Math.floor(value / 10) % 10, value % 10]
  let written = ''
  let zeroPending = false
  digits.forEach((digit, place) => {
    if (digit === 0) {
      zeroPending = written !== ''
      return
    }
    if (zeroPending) written += '零'
    zeroPending = false
    written += place === 2 && digit === 1 && written === '' ? '十' : DIGIT_CHARACTERS[digit]! + PLACE_CHARACTERS[place]!
  })
  return written
}
