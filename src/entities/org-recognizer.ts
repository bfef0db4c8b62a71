/**
 * Organisations: a head word (人民医院, 卫生健康委, 大学 …) found in the text is extended to the
 * left over the name it belongs to, and to the right over continuations (西院区, 教科文卫委) and
 * campuses (北京大学第一医院太原医院). Boundaries follow ENTITIES.md: the span stops at the
 * institution (张店区人民医院检验科 → 张店区人民医院).
 */
import { CharTrie } from './char-trie'
import {
  ANCHORS, CONTINUATIONS, FREE_NAME_STOPS, FREE_NAMED_HEADS, STANDALONE_ORGS, HOSPITAL_ORDINALS, NAME_STOPS, PLACE_NAMED_HEADS, REGION_WORDS, TIGHT_HEADS,
  WORD_AFTER_ANCHOR, WORD_BEFORE_ANCHOR, ZONE_WORDS,
} from './org-heads'
import { CLOSE_QUOTE_OF, isBoundary, isHan, OPEN_QUOTES } from './text-classes'
import type { EntityMention } from './types'

type HeadKind = 'place-named' | 'tight' | 'free-named' | 'standalone'

/** Span of a place form in the text, as found by the gazetteer before context decided on it. */
export interface PlaceSpan { start: number; end: number }

/** At most this many characters between a place and its head (晋中市第四人民医院, 淄博市十五届人大常委会). */
const MAX_NAME_GAP = 4
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
/** Length of a short hospital name before a campus (北大医院太原医院). */
const PARENT_HOSPITAL_NAME = 2
/** 委托, 委员: 委 as a head must not run on into these. */
const TIGHT_HEAD_RUN_ONS = '托员屈婉靡'
const HOSPITAL_CODE = '院'.charCodeAt(0)
const PARTY_PREFIX = '中共'
/** 山大, 北大, 川大: two characters ending in 大 abbreviate a university. */
const UNIVERSITY_ABBREVIATION = 2
const TOWNSHIP_ENDINGS = ['街道', '镇', '乡']
const TOWNSHIP_STEM_LENGTH = 2
const ADMIN_CHARACTERS = '市县区省乡镇村'
/** 民族乡, 城关镇-like words that are kinds of township, not names. */
const GENERIC_TOWNSHIP_STEMS = ['民族', '城关', '建制', '重点', '中心', '特色', '小城']

let heads: CharTrie<HeadKind> | undefined
function headTrie(): CharTrie<HeadKind> {
  if (heads !== undefined) return heads
  const trie = new CharTrie<HeadKind>()
  for (const h of PLACE_NAMED_HEADS) trie.add(h, 'place-named')
  for (const h of TIGHT_HEADS) trie.add(h, 'tight')
  for (const h of FREE_NAMED_HEADS) trie.add(h, 'free-named')
  for (const h of STANDALONE_ORGS) trie.add(h, 'standalone')
  heads = trie
  return trie
}

interface Context {
  text: string
  placeStartByEnd: Map<number, number>
  placeStarts: Set<number>
}

function endsWithAt(text: string, end: number, words: readonly string[]): string | undefined {
  return words.find((w) => end - w.length >= 0 && text.startsWith(w, end - w.length))
}

/** Start of an anchor (市, 省, 国家 …) ending at `end` that stands alone, not inside 城市, 全省 or 区域. */
function anchorStart(text: string, end: number, headStart = end): number {
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

function placeNamedStart(ctx: Context, headStart: number, head: string): number {
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

function tightStart(ctx: Context, headStart: number, head: string): number {
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

function freeNamedStart(ctx: Context, headStart: number, head: string): number {
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

/** A campus or affiliated hospital right after an organisation (…太原医院, …附属同济医院, …西苑医院); its end or -1. */
function campusEnd(ctx: Context, at: number, afterFreeNamed: boolean): number {
  const { text } = ctx
  const affiliated = text.startsWith('附属', at)
  const from = affiliated ? at + 2 : at
  const head = headTrie().longestAt(text, from)
  if (head !== undefined && head.values[0] === 'place-named' && text.slice(from, head.end).endsWith('医院')) return head.end
  for (let nameLength = 1; nameLength <= MAX_NAME_GAP; nameLength++) {
    const nameEnd = from + nameLength
    if (!/^(医院|分院)/.test(text.slice(nameEnd, nameEnd + 2))) continue
    const name = text.slice(from, nameEnd)
    const plainName = [...name].every((u) => isHan(u) && !'的和与及在'.includes(u))
    const isPlace = ctx.placeStarts.has(from) && ctx.placeStartByEnd.get(nameEnd) === from
    if (plainName && (isPlace || affiliated || (afterFreeNamed && nameLength === 2))) return nameEnd + 2
  }
  return -1
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

/** 北大医院 + 太原医院: a short hospital name right before a place-named campus belongs to it. */
function parentHospitalStart(text: string, start: number): number {
  if (!text.startsWith('医院', start - 2)) return start
  const nameStart = start - 2 - PARENT_HOSPITAL_NAME
  for (let k = nameStart; k < start - 2; k++) if (!isHan(text[k]) || NAME_STOPS.includes(text[k] as string)) return start
  return nameStart
}

/** Extends an organisation to the right over continuations and campuses; returns the new end. */
function extendRight(ctx: Context, end: number, afterFreeNamed: boolean): number {
  for (;;) {
    const continuation = CONTINUATIONS.find((c) => ctx.text.startsWith(c, end))
    if (continuation !== undefined) { end += continuation.length; continue }
    const campus = campusEnd(ctx, end, afterFreeNamed)
    if (campus < 0) return end
    end = campus
  }
}

/** Hospital short forms: anchor + ordinal + 院 (市一院, 市三院), or a university abbreviation + ordinal + 院 (山大二院). */
function ordinalHospitalAt(ctx: Context, i: number): number {
  const { text } = ctx
  if (text.charCodeAt(i + 1) !== HOSPITAL_CODE || !HOSPITAL_ORDINALS.includes(text[i] ?? '\0')) return -1
  const anchor = anchorStart(text, i)
  if (anchor >= 0 && text.slice(anchor, i) !== '国家') return anchor
  const university = i - UNIVERSITY_ABBREVIATION
  const before = text[university - 1]
  const opensName = before === undefined || isBoundary(before) || NAME_STOPS.includes(before)
  return text[i - 1] === '大' && isHan(text[university]) && opensName ? university : -1
}

/** A news dateline naming its outlet at the start of a text: 廉政中国讯（…）, 新华网讯 . */
function datelineOrg(text: string): EntityMention | undefined {
  const match = /^\s*([\u4e00-\u9fff]{2,8})讯[（(\s【]/.exec(text)
  if (match === null || match[1] === undefined || match[1].startsWith('本报')) return undefined
  const start = match[0].indexOf(match[1])
  return { type: 'org', text: match[1], start, end: start + match[1].length }
}

/** 大众日报 + 淄博融媒体中心: an organisation right before a place-named one is the parent of a branch. */
function mergeAdjacent(mentions: EntityMention[], ctx: Context): EntityMention[] {
  const { text } = ctx
  const merged: EntityMention[] = []
  for (const m of mentions) {
    const last = merged[merged.length - 1]
    if (last !== undefined && last.end === m.start && ctx.placeStarts.has(m.start)) {
      last.end = m.end
      last.text = text.slice(last.start, last.end)
    } else merged.push({ ...m })
  }
  return merged
}

/**
 * Organisation mentions in `text`. `places` are the gazetteer's place spans (accepted or not): an
 * organisation's name may start with any of them.
 *
 * @example recognizeOrgs('张店区人民医院检验科', spans)[0].text // '张店区人民医院'
 */
export function recognizeOrgs(text: string, places: readonly PlaceSpan[]): EntityMention[] {
  const ctx: Context = { text, placeStartByEnd: new Map(), placeStarts: new Set() }
  for (const p of places) {
    const known = ctx.placeStartByEnd.get(p.end)
    if (known === undefined || p.start < known) ctx.placeStartByEnd.set(p.end, p.start)
    ctx.placeStarts.add(p.start)
  }
  const trie = headTrie()
  const dateline = datelineOrg(text)
  const found: EntityMention[] = dateline === undefined ? [] : [dateline]
  for (let i = 0; i < text.length; i++) {
    const ordinalStart = ordinalHospitalAt(ctx, i)
    if (ordinalStart >= 0 && (found[found.length - 1]?.end ?? 0) <= ordinalStart) {
      const end = extendRight(ctx, i + 2, false)
      found.push({ type: 'org', text: text.slice(ordinalStart, end), start: ordinalStart, end })
      i = end - 1
      continue
    }
    if (!trie.startsAt(text, i)) continue
    const match = trie.longestAt(text, i)
    if (match === undefined) continue
    const head = text.slice(i, match.end)
    const kind = match.values[0] as HeadKind
    const nameStart = kind === 'standalone' ? i
      : kind === 'free-named' ? freeNamedStart(ctx, i, head)
      : kind === 'tight' ? tightStart(ctx, i, head)
      : placeNamedStart(ctx, i, head)
    if (nameStart < 0) {
      // 股份有限公司 with no name before it: its inner 有限公司 must not take 股份 as a name.
      if (kind === 'free-named') i = match.end - 1
      continue
    }
    const withParent = kind === 'place-named' && head.endsWith('医院') && ctx.placeStarts.has(nameStart) ? parentHospitalStart(text, nameStart) : nameStart
    // 中共淄博市委: the party prefix belongs to the committee's name.
    const start = text.startsWith(PARTY_PREFIX, withParent - PARTY_PREFIX.length) ? withParent - PARTY_PREFIX.length : withParent
    if (start < (found[found.length - 1]?.end ?? 0)) continue
    const end = extendRight(ctx, match.end, kind === 'free-named' || kind === 'standalone')
    found.push({ type: 'org', text: text.slice(start, end), start, end })
    i = end - 1
  }
  return mergeAdjacent(found, ctx)
}
