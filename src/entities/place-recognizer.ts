/**
 * Place recognition against the generated gazetteer. A form found in the text is tagged when it is
 * strong on its own or when context settles it. The ambiguous cases handled (see README.md here):
 * - Official names (淄博市, 沂源县, 来远镇) and province/prefecture short forms (山西, 淄博) are strong,
 *   unless the form sits inside a non-place word (长治久安, 大同小异, 北京大学; dict/places-blockers.tsv).
 * - County short forms (介休, 榆次) need context: the same place written in full elsewhere, an
 *   enclosing place anywhere in the text, an enclosing place right before (晋中市介休), or a tagged
 *   place next to it in a list (榆次、太谷、平遥).
 * - Common-word forms (合作, 日照, 东方) and one-character stems (祁县, 和县, 城区) need an enclosing
 *   place right before them, or a clause boundary before them plus an enclosing place in the text;
 *   城区/郊区-style names need the enclosing place right before them.
 * - Township short forms (来远 for 来远镇) need their county right before, or the full name elsewhere.
 * - Historic regions that share a name with a district (上党, 中原, 江南) are never tagged by short form.
 * - 东方市场, 区域, 乡村: a full name that runs into such a word is not a place.
 * - A form shared by several places resolves to the one whose ancestors appear in the text, else the
 *   highest level (吉林 → 吉林省).
 */
import { ancestorCodes, ancestorsOf, gazetteerData, type PlaceForm } from './gazetteer'
import { isBoundary, isHan } from './text-classes'
import type { EntityMention, Place, PlaceLevel } from './types'

/** Cultural or historic regions whose name is also the short form of a district (上党区, 中原区 …). */
const HISTORIC_REGIONS = new Set(['上党', '中原', '江南', '江北', '河西', '河东', '岭南', '关中', '三晋', '齐鲁', '燕赵', '巴蜀', '荆楚'])

/** Words that a full name may run into, making it something else: 东方市+场, 城区+域, 城关乡+村. */
const RUN_ON_AFTER: Record<string, string> = { 市: '场民', 区: '域间别', 乡: '村镇土亲', 镇: '化', 县: '委' }

/** Suffixes a renamed or informal mention may add to a short form (太谷县 for today's 太谷区). */
const ADMIN_SUFFIXES = '市县区'
/** …unless the suffix starts another word: 太谷县域, 沿河县级, 长治市场. */
const SUFFIX_RUN_ONS: Record<string, string> = { 市: '场民级值辖属', 县: '域城级乡属', 区: '域间别级属' }

/** Joiners in a list of places: a place next to a tagged place through one of these is in the same list. */
const LIST_JOINERS = new Set(['、', '和', '与', '及', ',', '，'])

interface Candidate {
  start: number
  end: number
  forms: PlaceForm[]
  /** Inside a non-place word (北京大学): never a place mention, but still a possible start of an org name. */
  blocked: boolean
  chosen?: Place
  accepted: boolean
}

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, prefecture: 1, county: 2, township: 3 }

function isBlocked(text: string, start: number, form: string): boolean {
  const words = gazetteerData().blockers.get(form)
  if (words === undefined) return false
  for (const word of words) {
    for (let at = word.indexOf(form); at >= 0; at = word.indexOf(form, at + 1)) {
      if (start - at >= 0 && text.startsWith(word, start - at)) return true
    }
  }
  return false
}

function runsOn(text: string, end: number, form: PlaceForm): boolean {
  if (form.kind !== 'full') return false
  const last = form.place.name[form.place.name.length - 1] as string
  const next = text[end]
  return next !== undefined && (RUN_ON_AFTER[last]?.includes(next) ?? false)
}

/** All place forms in the text, longest at each position, before context decides. */
function collectCandidates(text: string): Candidate[] {
  const { forms } = gazetteerData()
  const candidates: Candidate[] = []
  for (let i = 0; i < text.length; i++) {
    if (!forms.startsAt(text, i)) continue
    for (const match of forms.matchesAt(text, i)) {
      const surface = text.slice(i, match.end)
      const usable = match.values.filter((f) => !runsOn(text, match.end, f) && !(f.kind === 'short' && HISTORIC_REGIONS.has(surface)))
      if (usable.length === 0) continue
      let end = match.end
      let forms = usable
      // A short form plus 市/县/区 that is no official name: an old or informal name of the same place (太谷县).
      const suffix = text[end] ?? ''
      if (usable.every((f) => f.kind === 'short') && ADMIN_SUFFIXES.includes(suffix) && !(SUFFIX_RUN_ONS[suffix] ?? '').includes(text[end + 1] ?? '\0')) {
        // The suffix must be the place's own (介休市) or the 县 of a district that was a county (太谷县): 上城 + 市 is no 上城区.
        const matching = usable.filter((f) => f.place.level !== 'township' && f.place.level !== 'province' &&
          (f.place.name.endsWith(suffix) || (suffix === '县' && f.place.name.endsWith('区'))))
        if (matching.length > 0) {
          forms = matching
          end += 1
        }
      }
      candidates.push({ start: i, end, forms, accepted: false, blocked: isBlocked(text, i, surface) })
      // Only a strong form consumes its characters: 广福 (a township short form) must not hide 福建省 in 推广福建省.
      if (forms.some(isStrong)) i = end - 1
      break
    }
  }
  return candidates
}

/** Weights for choosing among places that share a form: being named elsewhere, each enclosing place named, an official name. */
const SELF_NAMED_WEIGHT = 100
const ANCESTOR_WEIGHT = 10
const FULL_NAME_WEIGHT = 5

function pickPlace(forms: PlaceForm[], contextCodes: Set<string>): PlaceForm {
  // Most forms name one place; the ancestor lookups below are for the rest, once per candidate per round.
  if (forms.length === 1) return forms[0] as PlaceForm
  let best = forms[0] as PlaceForm
  let bestScore = -Infinity
  for (const form of forms) {
    let ancestorHits = 0
    for (const c of ancestorCodes(form.place.code)) if (contextCodes.has(c)) ancestorHits++
    // 新乡 after 新乡市 is the city again, not 新乡县 inside it: a place named elsewhere beats its namesakes.
    const named = contextCodes.has(form.place.code) ? SELF_NAMED_WEIGHT : 0
    const score = named + ancestorHits * ANCESTOR_WEIGHT + (form.kind === 'full' ? FULL_NAME_WEIGHT : 0) - LEVEL_RANK[form.place.level]
    if (score > bestScore) {
      best = form
      bestScore = score
    }
  }
  return best
}

function isStrong(form: PlaceForm): boolean {
  if (form.weak) return false
  if (form.kind === 'full') return true
  return form.place.level === 'province' || form.place.level === 'prefecture'
}

function hasAncestorIn(place: Place, codes: Set<string>): boolean {
  return ancestorCodes(place.code).some((c) => codes.has(c))
}

/**
 * The enclosing place written right before (晋中市介休). A township needs its own county there: 山东省地方
 * (in 山东省地方立法) and 上海建设 are no address.
 */
function precededByAncestor(candidate: Candidate, previous: Candidate | undefined, place: Place): boolean {
  if (previous?.accepted !== true || previous.end !== candidate.start || previous.chosen === undefined) return false
  return place.level === 'township' ? place.parent === previous.chosen.code : ancestorCodes(place.code).includes(previous.chosen.code)
}

function inListWithAccepted(text: string, candidate: Candidate, previous: Candidate | undefined, next: Candidate | undefined): boolean {
  const joinedBefore = previous?.accepted === true && previous.end + 1 === candidate.start && LIST_JOINERS.has(text[previous.end] ?? '')
  const joinedAfter = next?.accepted === true && candidate.end + 1 === next.start && LIST_JOINERS.has(text[candidate.end] ?? '')
  return joinedBefore || joinedAfter
}

/** Decides one candidate given what else the text says; returns true when it is a place mention. */
function decide(text: string, candidates: Candidate[], index: number, context: { codes: Set<string>; fullNamed: Set<string> }): boolean {
  const candidate = candidates[index] as Candidate
  const previous = candidates[index - 1]
  const next = candidates[index + 1]
  const form = pickPlace(candidate.forms, context.codes)
  const place = form.place
  candidate.chosen = place
  if (candidate.blocked) return false
  if (isStrong(form)) return true
  const ancestorBefore = precededByAncestor(candidate, previous, place)
  if (ancestorBefore) return true
  const inList = inListWithAccepted(text, candidate, previous, next)
  const ancestorInText = hasAncestorIn(place, context.codes)
  if (place.level === 'township') {
    if (form.kind === 'short') return context.fullNamed.has(place.code) || (!form.weak && countyJustBefore(text, candidates, index, place))
    return !form.weak && (ancestorInText || inList)
  }
  if (form.kind === 'full') {
    const oneCharDistrict = place.name.length === 2 && place.name.endsWith('区')
    return !oneCharDistrict && isBoundary(text[candidate.start - 1]) && (ancestorInText || inList)
  }
  if (form.weak) return inList && ancestorInText
  return context.fullNamed.has(place.code) || ancestorInText || inList
}

/** Characters within which a county settles a township short form after it in the same clause (榆次区整合重组郭家堡). */
const TOWNSHIP_CONTEXT_WINDOW = 12

function countyJustBefore(text: string, candidates: Candidate[], index: number, place: Place): boolean {
  const { start, end } = candidates[index] as Candidate
  // The short form must stand alone (郭家堡、), not open a longer word (康城 in 健康城市).
  if (!isBoundary(text[end]) && !LIST_JOINERS.has(text[end] ?? '')) return false
  for (let k = index - 1; k >= 0; k--) {
    const before = candidates[k] as Candidate
    if (start - before.end > TOWNSHIP_CONTEXT_WINDOW) return false
    if (before.accepted && before.chosen?.code === place.parent) return !/[。！？!?；;]/.test(text.slice(before.end, start))
  }
  return false
}

function toMention(text: string, candidate: Candidate): EntityMention {
  const place = candidate.chosen as Place
  return {
    type: 'city', text: text.slice(candidate.start, candidate.end), start: candidate.start, end: candidate.end,
    canonical: place.name, code: place.code, level: place.level, ancestors: ancestorsOf(place.code),
  }
}

/** Context rounds: a place accepted in one round can settle a list neighbour in the next. */
const MAX_CONTEXT_ROUNDS = 3

/**
 * Place mentions in `text` (type `city`), before overlap with organisations and other entities is settled.
 *
 * @example recognizePlaces('晋中市介休召开')[1] // { text: '介休', canonical: '介休市', code: '140781', … }
 */
export function recognizePlaces(text: string): EntityMention[] {
  return analyzePlaces(text).mentions
}

/**
 * Place mentions plus the span of every place form seen, accepted or not: organisation names start
 * with such forms even where the form alone would not count as a place (左权人民医院).
 */
export function analyzePlaces(text: string): { mentions: EntityMention[]; formSpans: { start: number; end: number }[] } {
  const candidates = collectCandidates(text)
  const context = { codes: new Set<string>(), fullNamed: new Set<string>() }
  for (const c of candidates) {
    const strong = c.blocked ? [] : c.forms.filter(isStrong)
    if (strong.length === 1) {
      const place = (strong[0] as PlaceForm).place
      context.codes.add(place.code)
      if (strong[0]?.kind === 'full') context.fullNamed.add(place.code)
      // A county named in full puts its prefecture in context: 介休市 and 寿阳县 settle 祁县 and 灵石 nearby.
      if (place.level !== 'township') for (const code of ancestorCodes(place.code)) context.codes.add(code)
    }
  }
  for (let round = 0; round < MAX_CONTEXT_ROUNDS; round++) {
    let changed = false
    candidates.forEach((c, index) => {
      if (c.accepted || !decide(text, candidates, index, context)) return
      c.accepted = true
      context.codes.add((c.chosen as Place).code)
      changed = true
    })
    if (!changed) break
  }
  const mentions = candidates.filter((c) => c.accepted).map((c) => toMention(text, c))
  // Township short forms (人民, 发展 are township names too) and common words do not start org names.
  const nameLike = candidates.filter((c) => c.accepted || c.forms.some((f) => !f.weak && (f.kind === 'full' || f.place.level !== 'township')))
  return { mentions, formSpans: nameLike.map((c) => ({ start: c.start, end: c.end })) }
}
