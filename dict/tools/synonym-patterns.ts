/**
 * Mines equivalences that the laws declare themselves:
 * - short forms: `…（以下简称“X”）`, `（下称X）`, `，简称“X”`;
 * - aliases: `（又称X）`, `（俗称X）`, `也称“X”`;
 * - definitions whose definiens is a short list: `本法所称电梯，是指乘客电梯、自动扶梯…` (each item → the term).
 */
import nodejieba from 'nodejieba'
import type { CorpusText } from './synonym-corpus'
import { clauseBefore, isSubsequence, longFormIn, wordStartsOf } from './synonym-long-form'
import { HAN_RUN, type PairSource, type SynonymPair } from './synonym-pair'

/** Weight of a form the law itself declares equivalent: nearly as good as the user's own word. */
export const DECLARED_WEIGHT = 0.8
/** Weight of a definition item → defined term: a narrower word finding its broader legal category. */
export const DEFINITION_ITEM_WEIGHT = 0.5

const SHORT_FORM_MIN_CHARS = 2
const SHORT_FORM_MAX_CHARS = 8
/** Long forms beyond this are descriptions rather than names. */
const LONG_FORM_MAX_CHARS = 16

const DECLARATION =
  /(?:[（(]\s*|[，,]\s*)(以下简称|以下称|下称|简称|又称|也称|亦称|俗称)[为：:]?\s*[“"「『《]?([\u3400-\u9fff]{2,8})[”"」』》]?\s*(?:[，,]\s*下同\s*)?(?=[)）]|[，,。；])/gu
const DESCRIPTION_CHARS = /[的和或及与]|所称/u
/** A short form starting with a demonstrative (本基金, 原面积) refers to one document's object, not a name. */
const DEMONSTRATIVE_START = /^[本该原此其]/u
const ALIAS_MARKERS = new Set(['又称', '也称', '亦称', '俗称'])

const DEFINITION = /(?:所称|所指)的?[“"]?([\u3400-\u9fff]{2,10})[”"]?[，,]?\s*(?:是指|系指)([^。；\n]{2,60})[。；]/gu
/** Definitions list their members with these separators; `等` ends the list. */
const LIST_SEPARATOR = /、|以及|及|和|或者|或/u
const DEFINITION_ITEM_MAX_CHARS = 6
/** Locality words a definition puts before its items (本市地铁 → 地铁). */
const LOCALITY_PREFIX = /^(?:本市|本省|本区|本县|本自治区|本特区|本经济特区|国家|各类|各种|各级|其他|依法|经|专门)/u

/** A long form declared for a short form, or undefined when the declaration does not name a usable pair. */
function declaredLongForm(text: string, at: number, short: string, marker: string): string | undefined {
  const clause = clauseBefore(text, at)
  let long = longFormIn(clause, short, wordStartsOf(nodejieba.cut(clause)))
  if (long === undefined && ALIAS_MARKERS.has(marker) && clause.length >= SHORT_FORM_MIN_CHARS) long = clause
  if (long === undefined || long.length <= short.length || long.length > LONG_FORM_MAX_CHARS) return undefined
  // `（以下简称企业）` after 全民所有制工业企业 names the category, not an equivalent: drop such hypernyms.
  if (long.endsWith(short)) return undefined
  // 的/和/或 make a description or a list (学校和其他教育教学机构), not a name.
  if (DESCRIPTION_CHARS.test(long)) return undefined
  if (long.includes(short) && !long.startsWith(short)) return undefined
  return HAN_RUN.test(long) ? long : undefined
}

function sourceOf(marker: string): PairSource {
  return ALIAS_MARKERS.has(marker) ? 'alias' : 'short-form'
}

/** Every declared short form and alias in the texts, one pair per declaration. */
export function mineDeclarations(texts: readonly CorpusText[]): SynonymPair[] {
  const pairs: SynonymPair[] = []
  for (const text of texts) {
    for (const match of text.body.matchAll(DECLARATION)) {
      const marker = match[1] ?? ''
      const short = match[2] ?? ''
      if (short.length < SHORT_FORM_MIN_CHARS || short.length > SHORT_FORM_MAX_CHARS || DEMONSTRATIVE_START.test(short)) continue
      const long = declaredLongForm(text.body, match.index, short, marker)
      if (long === undefined) continue
      pairs.push({ term: short, equivalent: long, kind: 'synonym', weight: DECLARED_WEIGHT, source: sourceOf(marker), support: 1, example: text.id })
    }
  }
  return pairs
}

/** A definiens that is a plain list with an optional short `等…` tail: 乘客电梯、自动扶梯、自动人行道等. */
const LIST_DEFINIENS = /^([^等]+?)(?:等([\u3400-\u9fff]{0,8}))?$/u
/** Items holding a preposition or a time word are prose (在生产、流通和消费过程中; 遭敌突然袭击时), not list members. */
const PROSE_CHARS = /[在对从通向由将把经因于其时受的之]/u
/**
 * Before a tail (电力、通讯、排水等管线工程) two-character items are usually modifiers of the tail's head
 * noun, not kinds of the defined term; they are kept only in a list without a tail.
 */
const MIN_ITEM_CHARS_BEFORE_TAIL = 3
/** Terms that scope a regulation (重点行业, 有关单位, 战时) rather than name a category. */
const SCOPE_TERM = /^(?:重点|有关|主要|相关|其他|特定|专业|一般|重大|战时|各项|各类)|的/u

/** The members of a definiens that is a plain list (`乘客电梯、自动扶梯、自动人行道等`), or [] for prose. */
export function definitionItems(definiens: string): string[] {
  const match = LIST_DEFINIENS.exec(definiens.trim())
  const list = match?.[1] ?? ''
  const minChars = (match?.[2] ?? '') === '' ? 2 : MIN_ITEM_CHARS_BEFORE_TAIL
  const items = list.split(LIST_SEPARATOR).map((item) => item.trim().replace(LOCALITY_PREFIX, ''))
  if (items.length < 2) return []
  const usable = items.every((item) => item.length >= minChars && item.length <= DEFINITION_ITEM_MAX_CHARS && HAN_RUN.test(item) && !PROSE_CHARS.test(item))
  return usable ? items : []
}

/** Definition items as one-way expansions item → defined term (自动扶梯 → 电梯). */
export function mineDefinitions(texts: readonly CorpusText[]): SynonymPair[] {
  const pairs: SynonymPair[] = []
  for (const text of texts) {
    for (const match of text.body.matchAll(DEFINITION)) {
      const term = match[1] ?? ''
      if (SCOPE_TERM.test(term)) continue
      for (const item of definitionItems(match[2] ?? '')) {
        // An item that merely contains the term (城市道路 in a definition of 道路) adds nothing.
        if (item === term || item.includes(term) || isSubsequence(item, term)) continue
        pairs.push({ term: item, equivalent: term, kind: 'expansion', weight: DEFINITION_ITEM_WEIGHT, source: 'definition', support: 1, example: text.id })
      }
    }
  }
  return pairs
}
