/** Character classes shared by the recognisers. All take one UTF-16 code unit (or undefined past the ends). */

/** CJK unified ideographs (basic block and extension A), the characters names are written in. */
export function isHan(unit: string | undefined): boolean {
  if (unit === undefined) return false
  const c = unit.charCodeAt(0)
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)
}

/** ASCII or full-width digit. */
export function isDigit(unit: string | undefined): boolean {
  return unit !== undefined && isDigitCode(unit.charCodeAt(0))
}

/** The code of an ASCII or full-width digit. */
export function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)
}

/** The code of an opening quotation mark (“「『"‘). */
export function isOpenQuoteCode(c: number): boolean {
  return c === 0x201c || c === 0x300c || c === 0x300e || c === 0x22 || c === 0x2018
}

/** Latin letter, ASCII or full-width. */
export function isLatin(unit: string | undefined): boolean {
  if (unit === undefined) return false
  const c = unit.charCodeAt(0)
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)
}

/** Opening quotation marks that delimit a quoted name. */
export const OPEN_QUOTES = new Set(['“', '「', '『', '"', '‘'])
/** The closing mark for each opening quotation mark. */
export const CLOSE_QUOTE_OF: Readonly<Record<string, string>> = { '“': '”', '「': '」', '『': '』', '"': '"', '‘': '’' }

/** Marks that end a clause: a name never runs across them. */
const CLAUSE_BREAKS = new Set([...'。，,；;：:！!？?、（）()《》【】“”「」『』"‘’\n\r\t …—·/'])

/** True for anything that is not part of a word: punctuation, spaces, line breaks, or the text's ends. */
export function isBoundary(unit: string | undefined): boolean {
  return unit === undefined || CLAUSE_BREAKS.has(unit) || unit === ' ' || unit === '\u3000' || unit === '\u00a0'
}
