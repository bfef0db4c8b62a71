import { readChineseNumber, writeChineseNumber } from '../entities'

/**
 * Article numbers written the other way: statutes number their parts in Chinese numerals (第三十八条),
 * people type digits (劳动合同法第38条, 38条), and a few texts write digits too (第263条).
 */
export interface ArticleNumber {
  /** Where the whole reference stands in the text (第38条). */
  start: number
  end: number
  /** Where its number stands (38). */
  numberStart: number
  numberEnd: number
  /** The reference in the other writing: 第三十八条 for 第38条 or 38条, 第38条 for 第三十八条. */
  otherForm: string
  /** The reference as a statute heads the part: 第三十八条 for any of the three. */
  heading: string
}

const UNITS = '条款项章节编'
const REFERENCE = new RegExp(`(第?)([0-9]+)([${UNITS}])|第([零〇一二两三四五六七八九十百千]+)([${UNITS}])`, 'gu')

/** Every 第…条 (款, 项, 章, 节, 编) reference in normalised text, with its other writing. */
export function articleNumbers(text: string): ArticleNumber[] {
  const found: ArticleNumber[] = []
  for (const match of text.matchAll(REFERENCE)) {
    const [, prefix, digits, digitsUnit, numeral, numeralUnit] = match
    const start = match.index
    const end = start + match[0].length
    if (digits !== undefined) {
      const written = writeChineseNumber(Number(digits))
      const numberStart = start + prefix!.length
      const heading = `第${written}${digitsUnit}`
      if (written) found.push({ start, end, numberStart, numberEnd: numberStart + digits.length, otherForm: heading, heading })
      continue
    }
    const read = readChineseNumber(numeral!, 0)
    if (!read || read.end !== numeral!.length || !Number.isInteger(read.value) || read.value < 1) continue
    found.push({ start, end, numberStart: start + 1, numberEnd: end - 1, otherForm: `第${read.value}${numeralUnit}`, heading: match[0] })
  }
  return found
}
