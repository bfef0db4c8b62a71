/**
 * Organisations: a head word (人民医院, 卫生健康委, 大学 …) found in the text is extended to the
 * left over the name it belongs to, and to the right over continuations (西院区, 教科文卫委) and
 * campuses (北京大学第一医院太原医院). Boundaries follow ENTITIES.md: the span stops at the
 * institution (张店区人民医院检验科 → 张店区人民医院).
 */
import { CharTrie } from './char-trie'
import {
  CONTINUATIONS, FREE_NAMED_HEADS, HOSPITAL_ORDINALS, NAME_STOPS, PLACE_NAMED_HEADS, STANDALONE_ORGS, TIGHT_HEADS,
} from './org-heads'
import { anchorStart, type Context, freeNamedStart, MAX_NAME_GAP, placeNamedStart, tightStart } from './org-name-start'
import { isBoundary, isHan } from './text-classes'
import type { EntityMention } from './types'

type HeadKind = 'place-named' | 'tight' | 'free-named' | 'standalone'

/** Span of a place form in the text, as found by the gazetteer before context decided on it. */
export interface PlaceSpan { start: number; end: number }

/** Length of a short hospital name before a campus (北大医院太原医院). */
const PARENT_HOSPITAL_NAME = 2
const HOSPITAL_CODE = '院'.charCodeAt(0)
const PARTY_PREFIX = '中共'
/** 山大, 北大, 川大: two characters ending in 大 abbreviate a university. */
const UNIVERSITY_ABBREVIATION = 2

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
