/**
 * Where an organisation's name starts, left of its head word: over a chain of places (淄博经开区沅水镇),
 * an administrative anchor (市卫生健康委), or free text up to a function word (华中科技大学).
 */
import {
  ANCHORS, FREE_NAME_STOPS, NAME_STOPS, REGION_WORDS, WORD_AFTER_ANCHOR, WORD_BEFORE_ANCHOR, ZONE_WORDS,
} from './org-heads'
import { CLOSE_QUOTE_OF, isBoundary, isHan, OPEN_QUOTES } from './text-classes'

/** At most this many characters between a place and its head (晋中市第四人民医院, 淄博市十五届人大常委会). */
export const MAX_NAME_GAP = 4
/** Heads too generic to follow a bare anchor: 区管理委员会 and 县执行委员会 name kinds of bodies. */
const PLACE_ONLY_HEADS = new Set(['委员会'])
/** Characters needed between an anchor and a bare 医院 (市传染病医院 yes, 县医院 no). */
const MIN_BARE_HOSPITAL_NAME = 2
/** Free-text names (华中科技大学) are searched this far to the left for their start. */
const MAX_FREE_NAME = 12
/** Heads after which a clause-initial name needs no place (大众日报, …有限公司). */
const BOUNDARY_STARTED_HEADS = new Set(['日报', '晚报', '晨报', '都市报', '出版社', '有限公司', '股份有限公司', '有限责任公司'])
const MIN_BOUNDARY_NAME = 2
/** A company name has a trade name and usually a line of business: 一人有限责任公司 and 设立股份有限公司 are no names. */
const MIN_COMPANY_NAME = 4
/** 委托, 委员: 委 as a head must not run on into these. */
const TIGHT_HEAD_RUN_ONS = '托员屈婉靡'
const TOWNSHIP_ENDINGS = ['街道', '镇', '乡']
const TOWNSHIP_STEM_LENGTH = 2
const ADMIN_CHARACTERS = '市县区省乡镇村'
/** 民族乡, 城关镇-like words that are kinds of township, not names. */
const GENERIC_TOWNSHIP_STEMS = ['民族', '城关', '建制', '重点', '中心', '特色', '小城']

/** The text and the place spans found in it, shared by the organisation helpers. */
export interface Context {
  text: string
  placeStartByEnd: Map<number, number>
  placeStarts: Set<number>
}

/** The word from `words` that ends exactly at `end`, if any. */
function endsWithAt(text: string, end: number, words: readonly string[]): string | undefined {
  return words.find((w) => end - w.length >= 0 && text.startsWith(w, end - w.length))
}

/** Start of an anchor (市, 省, 国家 …) ending at `end` that stands alone, not inside 城市, 全省 or 区域. */
export function anchorStart(text: string, end: number, headStart = end): number {
  const anchor = endsWithAt(text, end, ANCHORS)
  if (anchor === undefined) return -1
  // 市场, 区域: checked only when name characters follow the anchor; right before a head (市民政局) it stands alone.
  if (end < headStart && (WORD_AFTER_ANCHOR[anchor] ?? '').includes(text[end] ?? '\0')) return -1
  const start = end - anchor.length
  const before = text[start - 1]
  return before !== undefined && (WORD_BEFORE_ANCHOR[anchor] ?? '').includes(before) ? -1 : start
}

/**
 * Start of a township-like name ending at `end` (沅水镇), used inside addresses even when not in the
 * gazetteer; it must open a clause or follow a place or zone (淄博经开区沅水镇), not follow a verb (实现乡镇).
 */
function townshipStart(ctx: Context, end: number): number {
  const { text } = ctx
  const ending = endsWithAt(text, end, TOWNSHIP_ENDINGS)
  if (ending === undefined) return -1
  const start = end - ending.length - TOWNSHIP_STEM_LENGTH
  for (let k = start; k < end - ending.length; k++) {
    const unit = text[k]
    if (!isHan(unit) || ADMIN_CHARACTERS.includes(unit as string) || NAME_STOPS.includes(unit as string)) return -1
  }
  if (GENERIC_TOWNSHIP_STEMS.includes(text.slice(start, end - ending.length))) return -1
  const opensClause = isBoundary(text[start - 1])
  return opensClause || ctx.placeStartByEnd.has(start) || endsWithAt(text, start, ZONE_WORDS) !== undefined ? start : -1
}

/** Start of the chain of places (淄博 + 经开区 + 沅水镇) ending exactly at `end`, or of an anchor; -1 if none. */
function placeChainStart(ctx: Context, end: number, allowAnchor: boolean, headStart: number): number {
  let start = end
  let found = false
  for (;;) {
    const placeStart = ctx.placeStartByEnd.get(start)
    if (placeStart !== undefined) { start = placeStart; found = true; continue }
    // A zone (经开区) counts only inside an address that starts with a place: 新区管理委员会 names no one body.
    const zone = endsWithAt(ctx.text, start, ZONE_WORDS)
    if (zone !== undefined && ctx.placeStartByEnd.has(start - zone.length)) { start -= zone.length; continue }
    const township = townshipStart(ctx, start)
    if (township >= 0) { start = township; found = true; continue }
    break
  }
  if (found) return start
  return allowAnchor ? anchorStart(ctx.text, end, headStart) : -1
}

/** Start of a place-named organisation (晋中市第四人民医院, 市卫生健康委) whose head starts at `headStart`, or -1. */
export function placeNamedStart(ctx: Context, headStart: number, head: string): number {
  for (let gap = 0; gap <= MAX_NAME_GAP; gap++) {
    const nameEnd = headStart - gap
    if (gap > 0) {
      const unit = ctx.text[nameEnd]
      // 区市人民政府: an administrative character between the anchor and the head means a list of kinds, not a name.
      if (!isHan(unit) || NAME_STOPS.includes(unit as string) || ADMIN_CHARACTERS.includes(unit as string)) return -1
    }
    // 县医院, 县乡医院: an anchor with a bare 医院 names a kind of hospital, not one hospital.
    const anchorAllowed = head === '医院' ? gap >= MIN_BARE_HOSPITAL_NAME : !PLACE_ONLY_HEADS.has(head)
    const start = placeChainStart(ctx, nameEnd, anchorAllowed, headStart)
    if (start >= 0) return start
  }
  return -1
}

/** Start of 委/政府/人大 right after a place's official name or an anchor (晋中市委, 市政府), or -1. */
export function tightStart(ctx: Context, headStart: number, head: string): number {
  if (head === '委' && TIGHT_HEAD_RUN_ONS.includes(ctx.text[headStart + 1] ?? '\0')) return -1
  const placeStart = ctx.placeStartByEnd.get(headStart)
  const place = placeStart === undefined ? '' : ctx.text.slice(placeStart, headStart)
  if (placeStart !== undefined && /[市县区省州]$/.test(place)) return placeStart
  const anchor = anchorStart(ctx.text, headStart)
  return anchor >= 0 && ctx.text.slice(anchor, headStart) !== '国家' ? anchor : -1
}

/** Heads that run on into another word are no heads: 每日报送, 山西大学生, 医学院校. */
const HEAD_RUN_ONS: Readonly<Record<string, string>> = {
  日报: '送告表批备', 晚报: '送告', 网: '络站点页格状上内外民友购', 大学: '生', 学院: '校', 医学院: '校', 学校: '园',
}
/** 网 names a media outlet only after 中国/中华 (中国西藏网), never 国家网络 or 监测台网. */
const NEWS_SITE_REGIONS = ['中国', '中华']

/** Start of a free-text name (华中科技大学, 大众日报, “王广发呼吸病学山西工作室”) whose head starts at `headStart`, or -1. */
export function freeNamedStart(ctx: Context, headStart: number, head: string): number {
  const { text } = ctx
  if ((HEAD_RUN_ONS[head] ?? '').includes(text[headStart + head.length] ?? '\0')) return -1
  if (head === '网') {
    const start = NEWS_SITE_REGIONS.map((r) => text.lastIndexOf(r, headStart - r.length)).find((at) => at >= 0 && headStart - at <= MAX_NAME_GAP + 2)
    return start !== undefined && [...text.slice(start, headStart)].every((u) => isHan(u)) ? start : -1
  }
  const quoted = quotedNameStart(text, headStart, head)
  if (quoted >= 0) return quoted
  let j = headStart
  let best = -1
  while (j > 0 && headStart - j < MAX_FREE_NAME) {
    const unit = text[j - 1] as string
    if (unit === ')' || unit === '）') {
      const open = Math.max(text.lastIndexOf('(', j - 1), text.lastIndexOf('（', j - 1))
      if (open < 0 || j - open > MAX_NAME_GAP + 2) break
      j = open
      continue
    }
    if (!isHan(unit) || FREE_NAME_STOPS.includes(unit)) break
    j--
    const parenthesised = text[j - 1] === '(' || text[j - 1] === '（'
    if (!parenthesised && (ctx.placeStarts.has(j) || REGION_WORDS.some((r) => text.startsWith(r, j)))) best = j
  }
  if (best >= 0) return best
  const minName = head.endsWith('公司') ? MIN_COMPANY_NAME : MIN_BOUNDARY_NAME
  return BOUNDARY_STARTED_HEADS.has(head) && headStart - j >= minName ? j : -1
}


/** A quoted name ending in the head is one name as a whole (“王广发呼吸病学山西工作室”). */
function quotedNameStart(text: string, headStart: number, head: string): number {
  const close = text[headStart + head.length]
  if (close === undefined || !Object.values(CLOSE_QUOTE_OF).includes(close)) return -1
  for (let j = headStart - 1; j >= 0 && headStart - j <= MAX_FREE_NAME + head.length; j--) {
    const unit = text[j] as string
    if (OPEN_QUOTES.has(unit)) return CLOSE_QUOTE_OF[unit] === close && headStart - j > 1 ? j + 1 : -1
    if (!isHan(unit)) return -1
  }
  return -1
}

