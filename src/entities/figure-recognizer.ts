/**
 * Figures: a number with its unit, normalised per ENTITIES.md (23.2万人次 → 232000 人次, 45% → 0.45 %).
 * One left-to-right pass; at each number the grammar is
 *   [近|约] NUMBER [(至|-|~|到) NUMBER] [余|多] [万|亿] [余|多] UNIT [以上|以下|左右|有余|之多]
 * and the exclusions of ENTITIES.md (dates, ordinals, sessions, article 一, idioms, denominators) apply.
 */
import { cleanNumber, isChineseNumeral, isChineseNumeralCode, LARGE_MULTIPLIERS, readArabicNumber, readChineseNumber, type ReadNumber } from './chinese-numerals'
import { readUnit } from './figure-units'
import { findPurposeAfter, findSubject } from './figure-subject'
import { CLOSE_QUOTE_OF, isDigit, isDigitCode, isLatin, OPEN_QUOTES } from './text-classes'
import type { EntityMention } from './types'

const LEADING_QUALIFIERS = ['将近', '大约', '近', '约']
const INNER_QUALIFIERS = '余多'
const TRAILING_QUALIFIERS = ['以上', '以下', '左右', '有余', '之多']
const RANGE_JOINERS = '至-—~～–到'
/** A number right after these is an ordinal (第三), a denominator (每百名) or part of a date word. */
const NOT_A_QUANTITY_AFTER = '第每初周礼'
/** 近五年, 前三年: "in the last N years" is a time adverbial, not a measured duration. */
const TIME_ADVERBIAL_BEFORE_YEARS = '近前去今明后这那'
/** N次 before these is a session number (十二届七次全会). */
const SESSION_WORDS = ['全会', '会议', '全体会议', '常委会', '党代会', '代表大会']
/** N年 before these names a plan or campaign (三年行动), not a duration. */
const PLAN_WORDS = ['行动', '计划', '攻坚', '规划', '专项']
/** 三年来, 5年前, 两个月后: a span of time counted from now is a time adverbial, like 去年. */
const ELAPSED_TIME_UNITS = new Set(['年', '个月', '天', '周'])
const ELAPSED_TIME_ENDINGS = ['来', '以来', '前', '后', '间']
/** Idioms whose characters read as a number with a unit. */
const IDIOMS = ['三番五次', '三天两头', '三年五载', '一年半载', '九牛一毛', '三五成群', '五花八门', '千家万户', '万家灯火', '七嘴八舌']
/** Smallest and largest four-digit numbers read as a calendar year when followed by 年. */
const YEAR_RANGE = [1000, 2999] as const

interface ParsedFigure {
  start: number
  end: number
  value: number | [number, number]
  unit: string
  approx: boolean
}

function readNumber(text: string, at: number): ReadNumber | undefined {
  if (isDigit(text[at])) return readArabicNumber(text, at)
  if (isChineseNumeral(text[at])) return readChineseNumber(text, at)
  return undefined
}

function isCalendarYear(number: ReadNumber): boolean {
  if (number.chinese) return /^[〇零一二三四五六七八九]{4}$/.test(number.raw)
  return /^\d{4}$/.test(number.raw) && number.value >= YEAR_RANGE[0] && number.value <= YEAR_RANGE[1]
}

/** A lone 一 before a measure word is an article (一家机构); a lone 千/百/万 is a word (千家万户, 百姓). */
function isNonNumericReading(number: ReadNumber): boolean {
  return number.chinese && (number.raw === '一' || /^[百千万亿]+$/.test(number.raw))
}

function insideIdiom(text: string, start: number, end: number): boolean {
  for (const idiom of IDIOMS) {
    for (let at = Math.max(0, end - idiom.length); at <= start; at++) if (text.startsWith(idiom, at)) return true
  }
  return false
}

/** A quoted label such as “三张牌”: the number opens the quotes and the quotes hold more than the figure. */
function isQuotedLabel(text: string, start: number, end: number): boolean {
  const open = text[start - 1]
  if (open === undefined || !OPEN_QUOTES.has(open)) return false
  return text[end] !== CLOSE_QUOTE_OF[open]
}

/** 三至十万人: 万 written once after the range applies to its low end too (30000–100000). */
function sharedMagnitude(first: ReadNumber, second: ReadNumber): number {
  const last = second.raw[second.raw.length - 1] as string
  const factor = LARGE_MULTIPLIERS[last]
  if (factor === undefined || /[万亿]/.test(first.raw) || first.value >= factor) return 1
  return factor
}

function readMagnitude(text: string, at: number): { factor: number; end: number } {
  let factor = 1
  let i = at
  while (i < text.length && LARGE_MULTIPLIERS[text[i] as string] !== undefined) factor *= LARGE_MULTIPLIERS[text[i++] as string] as number
  return { factor, end: i }
}

/** 百分之四十五 → 0.45 %, 千分之三 → 0.003 ‰. */
const SPELLED_FRACTIONS: readonly { prefix: string; unit: string; scale: number }[] = [
  { prefix: '百分之', unit: '%', scale: 0.01 },
  { prefix: '千分之', unit: '‰', scale: 0.001 },
]

function parseSpelledFraction(text: string, start: number): ParsedFigure | undefined {
  const fraction = SPELLED_FRACTIONS.find((f) => text.startsWith(f.prefix, start))
  if (fraction === undefined) return undefined
  const number = readNumber(text, start + fraction.prefix.length)
  if (number === undefined) return undefined
  let end = number.end
  let approx = false
  const trailing = TRAILING_QUALIFIERS.find((q) => text.startsWith(q, end))
  if (trailing !== undefined) { approx = true; end += trailing.length }
  return { start, end, value: cleanNumber(number.value * fraction.scale), unit: fraction.unit, approx }
}

/** 10%—20%: a range whose unit is written after both numbers. */
function extendRangeWithRepeatedUnit(text: string, figure: ParsedFigure): ParsedFigure {
  if (Array.isArray(figure.value) || !RANGE_JOINERS.includes(text[figure.end] ?? '\0')) return figure
  const second = parseAt(text, figure.end + 1)
  if (second === undefined || Array.isArray(second.value) || second.unit !== figure.unit || second.approx || figure.approx) return figure
  return { ...figure, end: second.end, value: [figure.value, second.value] }
}

function parseAt(text: string, start: number): ParsedFigure | undefined {
  const spelled = parseSpelledFraction(text, start)
  if (spelled !== undefined) return spelled
  const first = readNumber(text, start)
  if (first === undefined || isNonNumericReading(first)) return undefined
  let i = first.end
  let second: ReadNumber | undefined
  if (RANGE_JOINERS.includes(text[i] ?? '\0')) {
    const candidate = readNumber(text, i + 1)
    if (candidate !== undefined && candidate.chinese === first.chinese) {
      second = candidate
      i = candidate.end
    }
  }
  let approx = false
  if (INNER_QUALIFIERS.includes(text[i] ?? '\0')) { approx = true; i++ }
  const magnitude = readMagnitude(text, i)
  i = magnitude.end
  if (INNER_QUALIFIERS.includes(text[i] ?? '\0')) { approx = true; i++ }
  const unit = readUnit(text, i)
  if (unit === undefined) return undefined
  if (unit.unit === '年' && (isCalendarYear(first) || PLAN_WORDS.some((w) => text.startsWith(w, unit.end)))) return undefined
  if (unit.unit === '次' && SESSION_WORDS.some((w) => text.startsWith(w, unit.end))) return undefined
  if (ELAPSED_TIME_UNITS.has(unit.unit) && ELAPSED_TIME_ENDINGS.some((w) => text.startsWith(w, unit.end))) return undefined
  let end = unit.end
  const trailing = TRAILING_QUALIFIERS.find((q) => text.startsWith(q, end))
  if (trailing !== undefined) { approx = true; end += trailing.length }
  const scale = (n: number): number => cleanNumber(n * magnitude.factor * unit.scale)
  const low = second === undefined ? first.value : first.value * sharedMagnitude(first, second)
  const value: number | [number, number] = second === undefined ? scale(first.value) : [scale(low), scale(second.value)]
  return { start, end, value, unit: unit.unit, approx }
}

/**
 * Figure mentions in `text`, before overlap with programme names (四个一) is settled.
 *
 * @example recognizeFigures('全市财政卫生健康预算支出43.66亿元')[0] // { text: '43.66亿元', value: 4366000000, unit: '元', approx: false }
 */
export function recognizeFigures(text: string): EntityMention[] {
  const mentions: EntityMention[] = []
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (!isDigitCode(code) && !isChineseNumeralCode(code)) continue
    const before = text[i - 1]
    if (isDigit(before) || isChineseNumeral(before) || before === '.' || isLatin(before) || NOT_A_QUANTITY_AFTER.includes(before ?? '\0')) {
      continue
    }
    const parsed = parseAt(text, i)
    if (parsed === undefined) continue
    const figure = extendRangeWithRepeatedUnit(text, parsed)
    const qualifier = LEADING_QUALIFIERS.find((q) => text.startsWith(q, i - q.length))
    if (qualifier === '近' && figure.unit === '年') continue
    if (TIME_ADVERBIAL_BEFORE_YEARS.includes(before ?? '\0') && figure.unit === '年') continue
    const start = qualifier === undefined ? i : i - qualifier.length
    if (insideIdiom(text, start, figure.end) || isQuotedLabel(text, start, figure.end)) {
      i = figure.end - 1
      continue
    }
    const mention: EntityMention = {
      type: 'figure', text: text.slice(start, figure.end), start, end: figure.end,
      value: figure.value, unit: figure.unit, approx: figure.approx || qualifier !== undefined,
    }
    const subject = findSubject(text, start)
    if (subject !== undefined) mention.subject = subject
    mentions.push(mention)
    i = figure.end - 1
  }
  addPurposes(text, mentions)
  return mentions
}

/** Amounts listed together (3000元、5000元) share the purpose named after the last one (一次性生育补贴). */
const AMOUNT_JOINERS = ['、', '和', '或', '至']

function addPurposes(text: string, mentions: EntityMention[]): void {
  let runStart = 0
  for (let k = 0; k < mentions.length; k++) {
    const current = mentions[k] as EntityMention
    const next = mentions[k + 1]
    const joined = next !== undefined && next.unit === current.unit && AMOUNT_JOINERS.includes(text.slice(current.end, next.start))
    if (joined) continue
    const run = mentions.slice(runStart, k + 1)
    runStart = k + 1
    if (current.unit !== '元' || run.some((m) => m.subject !== undefined)) continue
    const purpose = findPurposeAfter(text, current.end)
    if (purpose !== undefined) for (const m of run) m.subject = purpose
  }
}
