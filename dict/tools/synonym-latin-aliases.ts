/**
 * Mines the Latin and Latin/digit forms that the texts declare for Chinese terms, so that a query typed
 * with the everyday Latin form (LPR, IP地址, U盘) also finds laws that only use the Chinese wording:
 * - parenthesised acronym after the Chinese term: `贷款市场报价利率（LPR）`, `互联网协议地址（IP地址）`;
 * - parenthesised Chinese term after the acronym: `PPP（政府和社会资本合作）`;
 * - declared short forms with Latin letters: `…（以下简称ETC）`, `（英文缩写：MQI）`, `，简称P2P`;
 * - enumerations ending in a category: `光盘、U盘、储存卡、移动硬盘等移动存储介质` (each Latin item → the category).
 *
 * The Chinese long form before a parenthesis is the longest word-aligned suffix of its clause that reads as a
 * name: it follows a verb, preposition, numeral, demonstrative or punctuation (公布的一年期|贷款市场报价利率)
 * and holds no pronoun, preposition, conjunction or particle.
 */
import nodejieba from 'nodejieba'
import type { CorpusText } from './synonym-corpus'
import { clauseBefore } from './synonym-long-form'
import { HAN_RUN, type SynonymPair } from './synonym-pair'
import { DECLARED_WEIGHT, DEFINITION_ITEM_WEIGHT } from './synonym-patterns'

/**
 * A Latin/digit form as the patterns capture it: a letter or digit, up to 11 more letters, digits or joiners
 * (PM2.5, N+1, R&D), then an optional Han tail (IP地址, U盘). The regex is generous so that a longer code
 * (GB3838-2002) is captured whole and then rejected by {@link isLatinAcronym}, not cut into a false acronym.
 */
const LATIN_FORM = '[A-Za-z0-9][A-Za-z0-9.+&\\-]{0,11}[\\u3400-\\u9fff]{0,4}'
/** Acronyms people type are short; a longer Latin run is a word, a code or a chemical name. */
const LATIN_MAX_CHARS = 10
const HAN_TAIL = /[\u3400-\u9fff]+$/u

/** `中文（ABC）`: the acronym alone in the parenthesis, right after the Chinese term. */
const ACRONYM_AFTER = new RegExp(`[\\u3400-\\u9fff][（(]\\s*(${LATIN_FORM})\\s*[)）]`, 'gu')
/** `ABC（中文）`: the Chinese term alone in the parenthesis, right after an acronym that starts a word. */
const ACRONYM_BEFORE = /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9.+&-]{1,9})[（(]\s*([\u3400-\u9fff]{3,16})\s*[)）]/gu
/** `（以下简称ETC）`, `（英文缩写：MQI）`, `，简称P2P`: a declared Latin short form. */
const LATIN_DECLARATION = new RegExp(
  `(?:[（(]\\s*|[，,]\\s*)(?:以下简称|以下称|下称|简称|英文缩写|英文简称|缩写|又称|俗称)[为是：:]?\\s*[“"「]?(${LATIN_FORM})[”"」]?\\s*(?=[)），,。；])`,
  'gu',
)
/** `A、B、C等D`: an enumeration closed by `等` (not 等级 "grade"); the category D is read from the text after it. */
const ENUMERATION = /((?:[^、，。；：（）()\s]{1,12}、)+[^、，。；：（）()\s]{1,12})等(?!级)/gu
/** An enumeration item holding a Latin form, with at most four Han characters before it (涉密U盘). */
const ENUMERATION_ITEM = /^[\u3400-\u9fff]{0,4}([A-Za-z0-9][A-Za-z0-9.+-]*[\u3400-\u9fff]{0,4})$/u
/** How much text after `等` may hold the category. */
const CATEGORY_WINDOW_CHARS = 12
const CATEGORY_MIN_CHARS = 2
const CATEGORY_MAX_CHARS = 8

/** Roman numerals (II级, IIIo), which grade things rather than name them. */
const ROMAN_NUMERAL = /^[IVX]+o?$/u
/** Standard and code numbers (GB3838-2002, T18005): three digits in a row or a year after a hyphen. */
const CODE_NUMBER = /\d{3}|-\d/u
/** Units written in Latin letters (cm, dB, MPa): lower case, or a unit with a capital only after its first letter. */
const UNIT_LIKE = /^[a-z]{1,3}$|^[a-z]+[A-Z][a-z]?$/u

const LONG_FORM_MIN_CHARS = 4
const LONG_FORM_MAX_CHARS = 16
/** Categories after `等` that name a manner or a role, not a kind of thing (等名义, 等方式). */
const VAGUE_CATEGORY = /^(?:名义|方式|形式|手段|情形|情况|行为|活动|内容|事项|方面|领域|单位|场所|途径|渠道|措施|物品|用品|设备|设施|工具|材料|产品|信息|部门|机构)$/u
/**
 * jieba tags of words that end a name before them and cannot start one: verbs, prepositions, conjunctions,
 * pronouns, adverbs, numerals, time words, localisers, classifiers and particles (公布的|一年期|贷款市场报价利率).
 */
const BREAK_TAGS = new Set(['v', 'p', 'c', 'r', 'd', 'm', 't', 'f', 'q', 'u', 'uj', 'ul', 'uz', 'ug', 'ud', 'uv', 'y', 'e', 'o', 'zg'])
/** Tags that never occur inside a name: a suffix holding one is a clause (北京这边给我介绍工作的我也乐意). */
const CLAUSE_TAGS = new Set(['p', 'c', 'r', 'u', 'uj', 'ul', 'uz', 'ug', 'ud', 'uv', 'y', 'e', 'o'])
/** Characters that end a name before them whatever jieba tags them (本行政区域|内|互联网协议地址). */
const BREAK_WORD_START = /^[本该原此其各每内外中上下对在于为由将把被从向与和及或的所]/u
/** Words that never occur inside a name: one-character function words and 所称/所指 (本办法所称网络借贷信息中介机构). */
const CLAUSE_WORD = /^(?:[本该此其内外中上下对在于为由将把被从向与和及或的]|所.+)$/u
/** Categories that scope rather than name a kind (智能终端、5G、智能汽车等重点市场). */
const SCOPE_CATEGORY = /^(?:重点|有关|主要|相关|其他|特定|一般|重大|各类|各种|新)/u

/** Noun-like jieba tags: a category is a run of these (移动存储介质 in 等移动存储介质一百个以上). */
function isNounTag(tag: string): boolean {
  return tag.startsWith('n') || tag === 'vn' || tag === 'b' || tag === 'l'
}

/** The category named right after `等`: its leading noun-like words, or undefined when there are none. */
export function categoryAfter(text: string): string | undefined {
  let category = ''
  for (const { word, tag } of nodejieba.tag(text.slice(0, CATEGORY_WINDOW_CHARS))) {
    if (!isNounTag(tag) || !HAN_RUN.test(word) || category.length + word.length > CATEGORY_MAX_CHARS) break
    category += word
  }
  return category.length >= CATEGORY_MIN_CHARS ? category : undefined
}

/** True when a captured form holds a usable Latin acronym (not a numeral, code or unit). */
export function isLatinAcronym(form: string): boolean {
  const latin = form.replace(HAN_TAIL, '')
  if (!/[A-Za-z]/u.test(latin) || latin.length > LATIN_MAX_CHARS) return false
  // One letter alone (A类) is a label; with a Han tail (U盘) it is a word.
  if (latin.length < 2 && latin.length === form.length) return false
  if (ROMAN_NUMERAL.test(latin) || CODE_NUMBER.test(latin)) return false
  return !UNIT_LIKE.test(latin)
}

interface TaggedWord {
  readonly word: string
  readonly tag: string
}

/** True when a word ends a name before it: a break tag, a break character, or punctuation. */
function isBreak(word: TaggedWord): boolean {
  if (!/[\u3400-\u9fff]/u.test(word.word)) return true
  return BREAK_TAGS.has(word.tag) || BREAK_WORD_START.test(word.word)
}

/**
 * Name-like suffixes of the clause, longest first, aligned to jieba's words: each starts the clause or follows
 * a break (so that a suffix never cuts a noun compound: 亚甲二氧基|甲基苯丙胺 stays whole), starts with a
 * word that can start a name, and holds no word of a clause.
 */
export function nameSuffixes(clause: string): string[] {
  const words: TaggedWord[] = nodejieba.tag(clause)
  const suffixes: string[] = []
  for (let start = 0; start < words.length; start++) {
    const first = words[start]
    const previous = words[start - 1]
    if (first === undefined || isBreak(first) || (previous !== undefined && !isBreak(previous))) continue
    const rest = words.slice(start)
    if (rest.some((word) => CLAUSE_TAGS.has(word.tag) || CLAUSE_WORD.test(word.word))) continue
    const suffix = rest.map((word) => word.word).join('')
    if (suffix.length < LONG_FORM_MIN_CHARS || suffix.length > LONG_FORM_MAX_CHARS || !HAN_RUN.test(suffix)) continue
    suffixes.push(suffix)
  }
  return suffixes
}

interface Found {
  readonly short: string
  /** The long form the Latin form stands for. */
  readonly long: string
  readonly kind: 'declared' | 'item'
  readonly example: string
}

/** Every Latin form declared in one text, with the Chinese long form it stands for. */
function foundIn(text: CorpusText): Found[] {
  const found: Found[] = []
  // NFKC: full-width Latin (ＬＰＲ) is captured as the ASCII form users type and the dictionary looks up.
  const body = text.body.normalize('NFKC')
  const declare = (short: string, before: number): void => {
    if (!isLatinAcronym(short)) return
    // The longest name-like suffix: 等级公路技术状况指数 rather than 技术状况指数.
    const long = nameSuffixes(clauseBefore(body, before))[0]
    if (long !== undefined) found.push({ short, long, kind: 'declared', example: text.id })
  }
  for (const match of body.matchAll(ACRONYM_AFTER)) declare(match[1] ?? '', match.index + 1)
  for (const match of body.matchAll(LATIN_DECLARATION)) declare(match[1] ?? '', match.index)
  for (const match of body.matchAll(ACRONYM_BEFORE)) {
    const short = match[1] ?? ''
    const long = match[2] ?? ''
    if (isLatinAcronym(short)) found.push({ short, long, kind: 'declared', example: text.id })
  }
  for (const match of body.matchAll(ENUMERATION)) {
    const items = match[1] ?? ''
    if (!/[A-Za-z]/u.test(items)) continue
    const category = categoryAfter(body.slice(match.index + match[0].length))
    if (category === undefined || VAGUE_CATEGORY.test(category) || SCOPE_CATEGORY.test(category)) continue
    for (const item of items.split('、')) {
      // 涉密U盘 keeps its Han head: the category (涉密载体) may hold only for that kind of U盘.
      const core = ENUMERATION_ITEM.exec(item)?.[1]
      if (core !== undefined && isLatinAcronym(core)) {
        found.push({ short: item, long: category, kind: 'item', example: text.id })
      }
    }
  }
  return found
}

/**
 * Latin ↔ Chinese pairs declared in the texts: acronyms and short forms as two-way synonyms (weight of a
 * declared form), Latin enumeration items as one-way expansions to their category (weight of a definition item).
 */
export function mineLatinAliases(texts: readonly CorpusText[]): SynonymPair[] {
  const pairs: SynonymPair[] = []
  for (const entry of texts.flatMap(foundIn)) {
    const long = entry.long
    if (long === entry.short) continue
    if (entry.kind === 'item') {
      pairs.push({ term: entry.short, equivalent: long, kind: 'expansion', weight: DEFINITION_ITEM_WEIGHT, source: 'latin-alias', support: 1, example: entry.example })
    } else {
      pairs.push({ term: entry.short, equivalent: long, kind: 'synonym', weight: DECLARED_WEIGHT, source: 'latin-alias', support: 1, example: entry.example })
    }
  }
  return pairs
}
