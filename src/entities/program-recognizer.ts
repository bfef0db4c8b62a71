/**
 * Programme names: dictionary wordings (dict/programs.tsv), quoted names that name a programme, and
 * unquoted names ending in a head word after a verb that introduces a programme (实施…行动).
 * Boundaries follow ENTITIES.md: quotes and a head word outside them are not in the span.
 */
import { programTrie } from './program-dictionary'
import { CLOSE_QUOTE_OF, isHan, isLatin, isOpenQuoteCode } from './text-classes'
import type { EntityMention } from './types'

/** Head words that make a name a programme when they end it or follow its closing quote. */
const QUOTED_HEADS = ['行动计划', '行动', '工程', '计划', '项目', '活动', '模式', '机制', '战略', '政策', '运动']
/** Head words of unquoted names; 活动/模式/机制 are too generic without quotes (管理模式, 长效机制). */
const UNQUOTED_HEADS = ['行动计划', '行动', '工程', '计划', '战略', '项目']
const HEAD_FIRST_CODES = new Set(UNQUOTED_HEADS.map((h) => h.charCodeAt(0)))
/** A quoted name ending like a facility or a platform names a unit, not a programme (“名医基层工作站”). */
const FACILITY_ENDINGS = /(中心|站|室|院|馆|平台|系统|网|热线|窗口|基地)$/
/** Inside quotes, clause punctuation means a quoted sentence, not a name (“小病不出村，大病不出县”). */
const SENTENCE_MARKS = /[，,。；;：:！!？?]/
const MAX_QUOTED_LENGTH = 24
const MIN_QUOTED_LENGTH = 2
/** How far after the closing quote a head word may come: “县招镇管村用”村医招录模式 has four characters between. */
const MAX_HEAD_DISTANCE = 8
/** Numbered slogans: 四个一, 五个提升, 两个允许, 四不摘, 六统一; and names of several numerals (一兼两管三统一, 十百千). */
const NUMERAL = '一二两三四五六七八九十百千万'
const COUNTED_SLOGAN = new RegExp(`^[${NUMERAL}]个[\\u4e00-\\u9fff]{1,3}$|^[${NUMERAL}]不[\\u4e00-\\u9fff]{1,2}$|^[${NUMERAL}]统一$`)
/**
 * 一老一小, 一人一策 (target groups, idioms), 四位一体 and the five-year plans (十四五) have numerals
 * but are not programme names.
 */
const NUMERAL_IDIOM = /^一.一.$|位一体$|^十[一二三四五六七八九]?五$|^[一二三四五六七八九十百千万两]+[日月年天个项次号时分]$/

/** Verbs after which an unquoted name ending in a head word is a programme (实施…工程, 开展…行动). */
const TRIGGERS = ['组织实施', '深入实施', '全面实施', '持续实施', '谋划推进', '实施', '开展', '推进', '启动', '落实', '推动', '深化', '参与', '入选', '纳入', '列入', '打好', '完成', '建立']
/** Modifiers between the verb and the name are left out of the span (实施新一轮改善医疗服务行动计划). */
const LEFT_MODIFIERS = ['了', '新一轮', '新一批', '进一步', '好', '完善', '健全', '加快', '加强', '积极', '大力', '深入', '全面', '持续', '继续', '扎实', '认真', '组织']
/** Coordinators: after a programme, 和/及/与/、 introduce another (实施中医药强市战略和创新发展示范项目). */
const COORDINATORS = '和及与、'
/** Characters allowed between a programme and the coordinator after it (“千县工程”和: the quote; “优质服务基层行”活动和: quote and head). */
const MAX_COORDINATION_GAP = 3
const MIN_UNQUOTED_STEM = 4
/** A programme name does not run across these (…服务项目规范化运行和服务项目 is two phrases). */
const STEM_STOPS = '的和及与并等'
/** 项目 is common in plain prose (医养结合项目), so a longer stem is required before it. */
const MIN_PROJECT_STEM = 6
const MAX_UNQUOTED_STEM = 18
/** Stems that end in these make a generic expression, not a name (重大改革项目, 建设项目). */
const GENERIC_STEM_ENDINGS =
  /(重大|重点|改革|建设|试点|各类|相关|有关|年度|工作|代表性|立法|投资|献血|教育|训练|动员|推广|转化|开发|治理|水利|承包|供应|采购|招生|用地)$/
/**
 * 计划 and 项目 end so many ordinary plans (教学计划, 投资项目) that an unquoted name with them counts only
 * in the health-policy domain this recogniser serves.
 */
const HEALTH_DOMAIN = /医|卫生|健康|人才|乡村|基层|养老|托育|中医|药|疾病|妇幼|儿童|老年|扶贫|护理|康复|疫|防控|保健/

/** A head word that runs on into another word is no head: 计划生育, 项目部. */
const HEAD_RUN_ONS: Readonly<Record<string, string>> = { 计划: '生', 项目: '部组库' }

function headAt(text: string, at: number, heads: readonly string[]): string | undefined {
  const head = heads.find((h) => text.startsWith(h, at))
  if (head === undefined) return undefined
  const next = text[at + head.length]
  return next !== undefined && (HEAD_RUN_ONS[head]?.includes(next) ?? false) ? undefined : head
}

function dictionaryMentions(text: string): EntityMention[] {
  const trie = programTrie()
  const mentions: EntityMention[] = []
  for (let i = 0; i < text.length; i++) {
    if (!trie.startsAt(text, i)) continue
    const match = trie.longestAt(text, i)
    if (match === undefined) continue
    // A Latin name must not be cut out of a longer Latin word (DIP, not part of DIPX).
    if (isLatin(text[i]) && isLatin(text[i - 1])) continue
    mentions.push({ type: 'program', text: text.slice(i, match.end), start: i, end: match.end, canonical: match.values[0] as string })
    i = match.end - 1
  }
  return mentions
}

function isNumberedSlogan(name: string): boolean {
  if (NUMERAL_IDIOM.test(name)) return false
  if (COUNTED_SLOGAN.test(name)) return true
  let numerals = 0
  for (const unit of name) if (NUMERAL.includes(unit)) numerals++
  return numerals >= 2 && name.length >= 3
}

function headFollows(text: string, from: number): boolean {
  for (let k = 0; k <= MAX_HEAD_DISTANCE; k++) {
    if (headAt(text, from + k, QUOTED_HEADS) !== undefined) return true
    const unit = text[from + k]
    if (!isHan(unit) || unit === '的') return false
  }
  return false
}

/**
 * A quoted name in a list that the sentence sums up as campaigns: “一人一策”健康帮扶、…、“冲刺清零”8项专项行动.
 * The list must be 、-separated and end in a count of 行动/工程/活动 within the same sentence.
 */
const CAMPAIGN_LIST_END = /^[^。；;！？!?]{0,80}?(?:\d+|[一二三四五六七八九十两]+)(?:项|大|个)[\u4e00-\u9fff]{0,4}(?:行动|工程|活动)/

function listOfCampaigns(text: string, from: number): boolean {
  const rest = text.slice(from, from + 100)
  const match = CAMPAIGN_LIST_END.exec(rest)
  if (match === null) return false
  const between = match[0]
  return between.includes('、') || /^[\u4e00-\u9fff]{0,6}(?:\d+|[一二三四五六七八九十两]+)(?:项|大|个)/.test(between)
}

function quotedMentions(text: string): EntityMention[] {
  const mentions: EntityMention[] = []
  for (let i = 0; i < text.length; i++) {
    if (!isOpenQuoteCode(text.charCodeAt(i))) continue
    const open = text[i] as string
    const close = text.slice(i + 1, i + 2 + MAX_QUOTED_LENGTH).indexOf(CLOSE_QUOTE_OF[open] as string) + i + 1
    if (close <= i) continue
    const name = text.slice(i + 1, close)
    i = close
    if (name.length < MIN_QUOTED_LENGTH || SENTENCE_MARKS.test(name)) continue
    // A two-part slogan (行走的医生 流动的医院) may end like a facility; a single name ending so is one.
    if (FACILITY_ENDINGS.test(name) && !/[ 、\u3000]/.test(name)) continue
    const endsWithHead = QUOTED_HEADS.some((h) => name.endsWith(h) && name.length > h.length)
    if (!endsWithHead && !isNumberedSlogan(name) && !headFollows(text, close + 1) && !listOfCampaigns(text, close + 1)) continue
    mentions.push({ type: 'program', text: name, start: i - name.length, end: close })
  }
  return mentions
}

/** Where a programme name may start on the left of `headStart`, or -1 when nothing introduces one. */
function nameStart(text: string, headStart: number, programEnds: ReadonlySet<number>): number {
  let start = headStart
  while (start > 0 && headStart - start < MAX_UNQUOTED_STEM) {
    const unit = text[start - 1] as string
    if (!(isHan(unit) || isLatin(unit)) || STEM_STOPS.includes(unit)) break
    start--
    if (TRIGGERS.some((t) => start - t.length >= 0 && text.startsWith(t, start - t.length))) return skipModifiers(text, start)
  }
  return COORDINATORS.includes(text[start - 1] ?? '\0') && endsShortlyBefore(programEnds, start - 1) ? skipModifiers(text, start) : -1
}

function endsShortlyBefore(programEnds: ReadonlySet<number>, at: number): boolean {
  for (let gap = 0; gap <= MAX_COORDINATION_GAP; gap++) if (programEnds.has(at - gap)) return true
  return false
}

function skipModifiers(text: string, start: number): number {
  let at = start
  for (let changed = true; changed; ) {
    changed = false
    const modifier = LEFT_MODIFIERS.find((m) => text.startsWith(m, at))
    if (modifier !== undefined) {
      at += modifier.length
      changed = true
    }
  }
  return at
}

function unquotedMentions(text: string, known: EntityMention[]): EntityMention[] {
  const mentions: EntityMention[] = []
  const programEnds = new Set(known.map((m) => m.end))
  for (let i = 1; i < text.length; i++) {
    if (!HEAD_FIRST_CODES.has(text.charCodeAt(i))) continue
    const head = headAt(text, i, UNQUOTED_HEADS)
    if (head === undefined || !isHan(text[i - 1])) continue
    const start = nameStart(text, i, programEnds)
    const stem = start < 0 ? '' : text.slice(start, i)
    const minStem = head === '项目' ? MIN_PROJECT_STEM : MIN_UNQUOTED_STEM
    const domainNeeded = head === '计划' || head === '项目'
    if (stem.length >= minStem && !GENERIC_STEM_ENDINGS.test(stem) && (!domainNeeded || HEALTH_DOMAIN.test(stem))) {
      mentions.push({ type: 'program', text: text.slice(start, i + head.length), start, end: i + head.length })
      programEnds.add(i + head.length)
    }
    i += head.length - 1
  }
  return mentions
}

/**
 * Programme mentions in `text`, before overlap with other entity types is settled.
 *
 * @example recognizePrograms('持续开展“千名医师下基层”行动')[0] // { text: '千名医师下基层', canonical: '千名医师下基层', … }
 */
export function recognizePrograms(text: string): EntityMention[] {
  const known = [...dictionaryMentions(text), ...quotedMentions(text)]
  return [...known, ...unquotedMentions(text, known)].sort((a, b) => a.start - b.start)
}
