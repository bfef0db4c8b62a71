/**
 * Named people: a surname plus one or two given-name characters in a context that marks a person —
 * a title before (主任程勤), a title or speech verb after (王广发教授, 杜春胜表示), a byline
 * (记者 高阳 通讯员 巨荣俊 张灿, （记者秦洋）). A name found once is tagged wherever it recurs.
 * Titles are never part of the span (ENTITIES.md).
 */
import { isCommonWord } from './common-words'
import { surnameLengthAt } from './surnames'
import { isBoundary, isHan, OPEN_QUOTES } from './text-classes'
import type { EntityMention } from './types'

/** Titles and roles written right before a name. */
const TITLES_BEFORE = [
  '书记', '主任', '局长', '院长', '园长', '校长', '部长', '主席', '市长', '县长', '省长', '区长', '镇长', '乡长', '秘书长', '处长',
  '科长', '所长', '站长', '会长', '理事长', '董事长', '总经理', '主任医师', '护士长', '教授', '专家', '记者', '通讯员', '厅长', '司长',
  '馆长', '研究员', '院士', '社长', '主编',
]
/** Titles and verbs written right after a name. */
const FOLLOWERS = [
  '表示', '介绍', '说', '告诉', '指出', '强调', '主持', '谈', '解读', '认为', '接受', '带领', '一行', '同志', '先生', '女士',
  '教授', '院士', '博士', '医生', '大夫', '主任', '书记', '院长', '局长', '担任', '出席', '参加', '宣布', '回答', '称', '坦言', '透露',
  '提出', '要求', '希望', '陪同', '毕业', '报道', '发自', '采写', '摄', '就', '及', '和', '与', '等',
]
/** Byline roles followed by names separated by spaces. */
const BYLINE_ROLES = ['记者', '通讯员', '编辑', '摄影', '实习生', '特约记者']
const SPACES = /[ \u3000\u00a0]/
const MAX_GIVEN_NAME = 2
/** Characters that never appear in a given name in running text: function words, measure words. */
const NOT_IN_GIVEN_NAME = '的了在和与及是为对把被从向等个们这那也都就而市省县区局委院'

function isNameCharacter(unit: string | undefined): boolean {
  return isHan(unit) && !NOT_IN_GIVEN_NAME.includes(unit as string)
}

function followedByMarker(text: string, at: number): boolean {
  return isBoundary(text[at]) || FOLLOWERS.some((f) => text.startsWith(f, at))
}

/** Length of a name at `at` that is followed by a boundary or a follower, trying 3 characters then 2; 0 if none. */
function nameLengthAt(text: string, at: number, needsSurname: boolean): number {
  const surname = surnameLengthAt(text, at)
  if (needsSurname && surname === 0) return 0
  const head = Math.max(surname, 1)
  for (let given = MAX_GIVEN_NAME; given >= 1; given--) {
    let ok = true
    for (let k = head; k < head + given; k++) if (!isNameCharacter(text[at + k])) ok = false
    if (ok && followedByMarker(text, at + head + given)) return head + given
  }
  return 0
}

/** A name found only through a title or a verb must not be an everyday word (单位, 任期). */
function isPlausibleName(text: string, start: number, length: number): boolean {
  const name = text.slice(start, start + length)
  return !isCommonWord(name) && !TITLES_BEFORE.some((t) => name.includes(t))
}

function afterTitles(text: string, found: Map<number, number>): void {
  for (const title of TITLES_BEFORE) {
    for (let at = text.indexOf(title); at >= 0; at = text.indexOf(title, at + 1)) {
      const start = at + title.length
      const length = nameLengthAt(text, start, true)
      if (length > 0 && isPlausibleName(text, start, length)) found.set(start, length)
    }
  }
}

/** Verbs and titles that mark the name before them even without a title in front (杜春胜表示, 王广发教授). */
const SPEECH_FOLLOWERS = ['表示', '介绍', '说', '告诉', '指出', '强调', '教授', '院士', '主持', '坦言', '透露']
/** Full names are tried longest first: three characters (surname + two), then two. */
const FULL_NAME_LENGTHS = [3, 2]
const MIN_FULL_NAME = 2
const MAX_FULL_NAME = 3

function beforeFollowers(text: string, found: Map<number, number>): void {
  for (const follower of SPEECH_FOLLOWERS) {
    for (let at = text.indexOf(follower); at >= 0; at = text.indexOf(follower, at + 1)) {
      for (const length of FULL_NAME_LENGTHS) {
        const start = at - length
        if (start < 0 || !(isBoundary(text[start - 1]) || text[start - 1] === '据')) continue
        if (surnameLengthAt(text, start) === 0) continue
        if ([...text.slice(start + 1, at)].every(isNameCharacter) && isPlausibleName(text, start, length)) {
          found.set(start, length)
          break
        }
      }
    }
  }
}

/**
 * 记者 高阳 通讯员 巨荣俊 张灿, and names alone in brackets after a sentence or a dateline
 * (…展开。（贾志敏）, 廉政中国讯（瞿瑞凤  段宁）, （记者秦洋）).
 */
function bylines(text: string, found: Map<number, number>): void {
  const bracketed = /[（(]((?:记者|通讯员)?[\u4e00-\u9fff]{2,3}(?:[\s、]+[\u4e00-\u9fff]{2,3})*)[）)]/g
  for (const match of text.matchAll(bracketed)) {
    const open = match.index ?? 0
    let at = open + 1
    const role = BYLINE_ROLES.find((r) => text.startsWith(r, at))
    if (role !== undefined) at += role.length
    const afterSentence = /[。！？!?”]$/.test(text.slice(Math.max(0, open - 1), open)) || text.startsWith('讯', open - 1)
    const closesLine = /^\s*$/.test(text.slice(open + match[0].length, open + match[0].length + 1))
    if (!afterSentence || (role === undefined && !closesLine && !text.startsWith('讯', open - 1))) continue
    // Without a role word the brackets could hold anything short: the name must also not be an everyday word.
    const accept = role === undefined ? (start: number, length: number) => hasSurname(text, start) && isPlausibleName(text, start, length) : (start: number) => hasSurname(text, start)
    collectSpacedNames(text, { from: at, to: open + match[0].length - 1 }, found, accept)
  }
  // 文/王某 图/李某: credit lines.
  for (const match of text.matchAll(/(?:文图|文|图|摄影|编辑)[/／|｜]\s*([\u4e00-\u9fff]{2,3})(?![\u4e00-\u9fff])/g)) {
    const nameStart = (match.index ?? 0) + match[0].length - (match[1]?.length ?? 0)
    if (surnameLengthAt(text, nameStart) > 0) found.set(nameStart, match[1]?.length ?? 0)
  }
  for (const role of BYLINE_ROLES) {
    for (let at = text.indexOf(role); at >= 0; at = text.indexOf(role, at + 1)) {
      const after = at + role.length
      if (!SPACES.test(text[after] ?? '')) continue
      let end = after
      while (end < text.length && (isHan(text[end]) || SPACES.test(text[end] as string))) end++
      collectSpacedNames(text, { from: after, to: end }, found, (start) => hasSurname(text, start))
    }
  }
}

function hasSurname(text: string, start: number): boolean {
  return surnameLengthAt(text, start) > 0
}

/** Names of two or three characters separated by spaces or 、 within [from, to), each checked by `accept`. */
function collectSpacedNames(
  text: string, range: { from: number; to: number }, found: Map<number, number>, accept: (start: number, length: number) => boolean,
): void {
  const { from, to } = range
  let at = from
  while (at < to) {
    while (at < to && (SPACES.test(text[at] as string) || text[at] === '、')) at++
    let end = at
    while (end < to && isHan(text[end])) end++
    const word = text.slice(at, end)
    if (BYLINE_ROLES.includes(word) || word.length === 0) { at = end; continue }
    if (word.length >= MIN_FULL_NAME && word.length <= MAX_FULL_NAME && accept(at, word.length)) found.set(at, word.length)
    at = end
  }
}

/** Fields an award is named for after a person (甘肃省皇甫谧中医药科技奖, 李时珍医药创新奖). */
const AWARD_FIELDS = ['中医药', '医药', '医学', '科技', '科学', '卫生', '护理', '药学', '健康', '青年', '杯', '奖']
const MAX_AWARD_NAME = 12

/** A historical name in an award title after its province or city: 甘肃省皇甫谧中医药科技奖 → 皇甫谧 (ENTITIES.md). */
function awardNames(text: string, found: Map<number, number>): void {
  for (let award = text.indexOf('奖'); award >= 0; award = text.indexOf('奖', award + 1)) {
    let start = award
    while (start > 0 && award - start < MAX_AWARD_NAME && isHan(text[start - 1]) && !'省市县区'.includes(text[start - 1] as string)) start--
    if (!'省市县区'.includes(text[start - 1] ?? '\0')) continue
    const surname = surnameLengthAt(text, start)
    if (surname === 0) continue
    for (let given = 1; given <= MAX_GIVEN_NAME; given++) {
      const end = start + surname + given
      if (end < award && AWARD_FIELDS.some((f) => text.startsWith(f, end)) && !isCommonWord(text.slice(start, end))) {
        found.set(start, end - start)
        break
      }
    }
  }
}

/** Every later occurrence of a name already found, outside quoted titles (“王广发呼吸病学山西工作室”). */
function repeats(text: string, found: Map<number, number>): void {
  const names = new Set([...found].map(([start, length]) => text.slice(start, start + length)))
  for (const name of names) {
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const before = text[at - 1]
      // Not inside a quoted title, and not the tail of a longer name (a surname right before it).
      const insideLongerName = isNameCharacter(before) && surnameLengthAt(text, at - 1) > 0
      if (!found.has(at) && !OPEN_QUOTES.has(before ?? '') && !insideLongerName) found.set(at, name.length)
    }
  }
}

/**
 * Person mentions in `text`, before overlap with organisations is settled.
 *
 * @example recognizePersons('党组书记、主任程勤及市卫生健康委')[0].text // '程勤'
 */
export function recognizePersons(text: string): EntityMention[] {
  const found = new Map<number, number>()
  afterTitles(text, found)
  beforeFollowers(text, found)
  bylines(text, found)
  awardNames(text, found)
  repeats(text, found)
  const mentions: EntityMention[] = []
  let lastEnd = 0
  for (const [start, length] of [...found].sort((a, b) => a[0] - b[0])) {
    if (start < lastEnd) continue
    mentions.push({ type: 'person', text: text.slice(start, start + length), start, end: start + length })
    lastEnd = start + length
  }
  return mentions
}
