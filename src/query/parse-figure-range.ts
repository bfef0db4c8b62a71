import type { FigureRange } from './query-node'

/**
 * The value syntax of `figure:` filters (`补贴>=3000元`, `3000..5000元`, `45%以下`), parsed into a
 * {@link FigureRange} scaled the way the figure recogniser stores values.
 */
/** Written before a number: the bound it sets. `..5000` is an open range, the same as `<=5000`. */
const BOUNDS_BEFORE: ReadonlyArray<[string, 'min' | 'max' | 'exact']> = [
  ['>=', 'min'], ['≥', 'min'], ['>', 'min'], ['<=', 'max'], ['≤', 'max'], ['<', 'max'], ['..', 'max'], ['=', 'exact'],
]
/** Written after a number and its unit: `3000元以上`, `45%以下`, `3000..`. */
const BOUNDS_AFTER: ReadonlyArray<[string, 'min' | 'max']> = [
  ['及以上', 'min'], ['或以上', 'min'], ['以上', 'min'], ['..', 'min'], ['及以下', 'max'], ['或以下', 'max'], ['以下', 'max'], ['以内', 'max'],
]
const RANGE_SEPARATORS = ['..', '~', '-', '至', '到']
/** A number with an optional 万/亿; not after `/` or inside another number, so `/10万` stays part of a unit. */
const FIGURE_NUMBER = /(?<![/\d])(?<!\d\.)(\d+(?:\.\d+)?)(万亿|亿|万)?/gu
const MULTIPLIER_EXPONENTS: ReadonlyMap<string, number> = new Map([['万', 4], ['亿', 8], ['万亿', 12]])
/** Units whose figures the recogniser stores scaled (ENTITIES.md: 45% → 0.45, 3.1/10万 → 0.000031). */
const UNIT_EXPONENTS: ReadonlyMap<string, number> = new Map([['%', -2], ['‰', -3], ['/10万', -5]])
/** Characters that belong to the range syntax and so cannot be part of a unit or a subject. */
const RANGE_SYNTAX = /[<>=≥≤~.]/u

interface FigureNumber {
  digits: string
  multiplier: string
  start: number
  end: number
}

/**
 * Parses the value of a `figure:` filter (syntax in the module documentation); undefined when it
 * is not a number, a range or a bare unit. Works on the NFKC form, so full-width digits and `＞＝～` count.
 */
export function parseFigureRange(value: string): FigureRange | undefined {
  const text = value.normalize('NFKC').replace(/\s+/gu, '').replace(/(?<=\d),(?=\d{3})/gu, '')
  const numbers: FigureNumber[] = [...text.matchAll(FIGURE_NUMBER)].map((match) => ({
    digits: match[1] ?? '',
    multiplier: match[2] ?? '',
    start: match.index,
    end: match.index + match[0].length,
  }))
  const [first, second] = numbers
  if (first === undefined) return text.length > 0 && !RANGE_SYNTAX.test(text) ? { unit: text } : undefined
  if (numbers.length > 2) return undefined
  return second === undefined ? parseBound(text, first) : parseBetween(text, first, second)
}

/** `[subject|unit] [bound] number [unit] [bound]`. */
function parseBound(text: string, number: FigureNumber): FigureRange | undefined {
  let before = text.slice(0, number.start)
  let after = text.slice(number.end)
  const boundBefore = BOUNDS_BEFORE.find(([marker]) => before.endsWith(marker))
  const boundAfter = BOUNDS_AFTER.find(([marker]) => after.endsWith(marker))
  if (boundBefore !== undefined && boundAfter !== undefined) return undefined
  if (boundBefore !== undefined) before = before.slice(0, -boundBefore[0].length)
  if (boundAfter !== undefined) after = after.slice(0, -boundAfter[0].length)
  const labels = unitAndSubject(before, after)
  if (labels === undefined) return undefined
  const amount = scaleFigure(number, labels.unit)
  if (amount === undefined) return undefined
  const bound = boundBefore?.[1] ?? boundAfter?.[1] ?? 'exact'
  return {
    ...labels,
    ...(bound === 'max' ? {} : { min: amount }),
    ...(bound === 'min' ? {} : { max: amount }),
  }
}

/** `[subject|unit] number [unit] separator number [unit]`. */
function parseBetween(text: string, low: FigureNumber, high: FigureNumber): FigureRange | undefined {
  const between = text.slice(low.end, high.start)
  const separator = RANGE_SEPARATORS.find((marker) => between.endsWith(marker))
  if (separator === undefined) return undefined
  const lowUnit = between.slice(0, -separator.length)
  const after = text.slice(high.end)
  const labels = unitAndSubject(text.slice(0, low.start), after.length > 0 ? after : lowUnit)
  if (labels === undefined || RANGE_SYNTAX.test(lowUnit)) return undefined
  const min = scaleFigure(low, labels.unit)
  const max = scaleFigure(high, labels.unit)
  if (min === undefined || max === undefined) return undefined
  return { ...labels, min: Math.min(min, max), max: Math.max(min, max) }
}

/** The unit follows the number; with no unit after it, a word before the number is the unit (`元>=3000`), else the subject. */
function unitAndSubject(before: string, after: string): { unit?: string; subject?: string } | undefined {
  if (RANGE_SYNTAX.test(before) || RANGE_SYNTAX.test(after)) return undefined
  if (after.length === 0) return before.length > 0 ? { unit: before } : {}
  return before.length > 0 ? { unit: after, subject: before } : { unit: after }
}

/** The figure's value as the recogniser stores it, computed on the decimal string so that 45% is exactly 0.45. */
function scaleFigure(number: FigureNumber, unit: string | undefined): number | undefined {
  const exponent = (MULTIPLIER_EXPONENTS.get(number.multiplier) ?? 0) + (UNIT_EXPONENTS.get(unit ?? '') ?? 0)
  const amount = Number(`${number.digits}e${exponent}`)
  return Number.isFinite(amount) ? amount : undefined
}
