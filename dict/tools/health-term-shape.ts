import type { JiebaLexicon } from './health-jieba'

/**
 * Rules that decide whether a string looks like a health-policy term, judged on the tokens plain
 * jieba cuts it into and on the part-of-speech tags of jieba's own dictionary.
 */

/** A term must name something in health policy: it contains at least one of these morphemes. */
const HEALTH_MORPHEME = new RegExp(
  [
    '医', '药', '疫', '病', '卫生', '卫健', '健康', '诊', '疗', '护理', '保健', '孕', '产妇', '产前', '产后', '分娩',
    '妇幼', '婴', '养老', '托育', '托位', '康复', '残疾', '血', '癌', '艾滋', '结核', '精神', '心理', '急救', '疾',
    '生育', '计生', '接种', '防控', '检验', '手术', '临床', '麻醉', '处方', '参保', '保险', '门诊', '住院', '病房',
    '床位', '患者', '老年', '消毒', '器械', '体检', '营养', '传染', '避孕', '哺乳', '戒毒', '殡', '失能', '长护',
  ].join('|'),
)

/** Whether `text` names something in health policy (contains 医, 药, 疫, 卫生, 养老…). */
export function hasHealthMorpheme(text: string): boolean {
  return HEALTH_MORPHEME.test(text)
}

/**
 * Single characters that never start, end or sit alone inside a term: particles, prepositions,
 * conjunctions and pronouns (的 in 医院的, 和 in 医疗和, 对 in 对医疗机构).
 */
export const FUNCTION_CHARS: ReadonlySet<string> = new Set('的地得了着过和与及或并且而在对为从向于把被将由以经之其该此各每本这那等是有也都就才所即凡如若但又还再更很最让使给叫令'.split(''))

/** jieba tags of words that do not occur inside a term: conjunctions, particles, pronouns, adverbs, numerals, measure words, modal particles. */
export const NON_TERM_TAGS: ReadonlySet<string> = new Set(['c', 'u', 'uj', 'ul', 'ud', 'ug', 'uv', 'uz', 'p', 'r', 'rr', 'rz', 'd', 'df', 'm', 'mq', 'q', 'y', 'e', 'o', 'f'])

/** Verbs that do end health terms (医防融合, 产前诊断, 无偿献血): they name a service or a practice. */
const TERM_FINAL_VERBS = new Set([
  '治疗', '诊疗', '诊断', '融合', '结合', '献血', '接种', '筛查', '监测', '救治', '护理', '康复', '保健', '防控', '防治',
  '警戒', '转诊', '签约', '随访', '干预', '戒毒', '消毒', '急救', '体检', '托育', '养老', '医疗', '服务', '管理', '改革',
  '试点', '报销', '结算', '支付', '付费', '保障', '救助', '补助', '预防', '检测', '检查', '检验', '登记', '备案', '审批',
  '许可', '认证', '评审', '评价', '考核', '督导', '采购', '集采', '配送', '储备', '调剂', '处方', '咨询', '教育', '培训',
  '规划', '联动', '协同', '共享', '互认', '分娩', '哺乳', '扶贫', '兜底', '帮扶', '巡诊', '义诊', '查房', '会诊', '手术',
  '麻醉', '抢救', '转运', '隔离', '留观', '复诊', '随诊', '健康', '卫生', '统筹', '缴费', '参保', '赔付', '理赔',
])

/** Single-character heads that close a term (就诊率, 妇幼保健院, 老年病科, 医共体). */
const TERM_FINAL_CHARS = new Set('率院科站所室病药费金证卡库网点员师医体症剂苗械房床位区类方案'.split(''))

/**
 * Verbs that govern an object in policy prose (推行计划生育, 设置艾滋病防治…). jieba tags several of
 * them as nouns (规范, 办理, 面向), so the tag alone does not catch them at the start of a phrase.
 */
const GOVERNING_VERBS = new Set([
  '推行', '减轻', '面向', '建设', '设置', '办理', '查验', '规范', '提供', '组织', '实行', '鼓励', '支持', '发展', '设立',
  '开设', '参加', '接受', '加强', '建立', '开展', '完善', '推进', '推动', '落实', '实施', '提高', '促进', '健全', '做好',
  '依法', '负责', '会同', '应当', '可以', '不得', '需要', '要求', '根据', '按照', '通过', '利用', '享受', '享有', '取得', '具有',
  '纳入', '列入', '引导', '扶持', '指导', '协助', '配合', '制定', '执行', '遵守', '违反', '报告', '发现', '给予', '予以',
  '从事', '进行', '开办', '举办', '创建', '打造', '构建', '深化', '优化', '扩大', '增加', '减少', '降低', '改善', '保护',
  '达到', '改为', '实现', '提升', '成立', '着力', '拓宽', '缴纳', '吊销', '责令', '协商',
])

/** Heads too general to close a term: 病媒生物预防控制工作 names an activity of the law, not a thing. */
const WEAK_FINAL_WORDS = new Set([
  '工作', '活动', '情况', '问题', '方面', '要求', '行为', '事项', '内容', '意见', '原则', '条件', '范围', '程序', '措施',
  '办法', '规定', '决定', '职责', '义务', '权利', '责任', '能力', '水平', '作用', '需要', '需求', '过程', '期间', '方式',
  '全部', '所有', '相关', '有关',
])

/** 省/市/县/区 cut off as a first token name whose level a phrase is (省中医药, 市卫生健康部门), not a term. */
const ADMINISTRATIVE_LEVEL_CHARS = new Set(['省', '市', '县', '区'])

/**
 * Frequent verbs in jieba's dictionary are general governing verbs (加强, 建立, 享受, 开展), which
 * start a verb phrase, not a term; rarer verbs (出生, 介入, 巡回) do start terms. 2,500 separates the
 * two groups in jieba's frequency list (享受 2,791 vs 出生 1,979, 预防 2,016).
 */
const GOVERNING_VERB_MIN_FREQ = 2500

function tagOf(word: string, lexicon: JiebaLexicon): string {
  return lexicon.entries.get(word)?.tag ?? 'x'
}

function freqOf(word: string, lexicon: JiebaLexicon): number {
  return lexicon.entries.get(word)?.freq ?? 0
}

function isVerbTag(tag: string): boolean {
  return tag === 'v' || tag === 'vd' || tag === 'vg'
}

/**
 * Why a candidate was rejected, or `null` when its shape is that of a term. Whether it belongs to
 * health policy is decided separately ({@link hasHealthMorpheme} or how specific it is to health text).
 */
export function termShapeProblem(term: string, tokens: readonly string[], lexicon: JiebaLexicon): string | null {
  const first = tokens[0]
  const last = tokens[tokens.length - 1]
  if (first === undefined || last === undefined || tokens.length < 2) return 'single jieba token'
  for (const token of tokens) {
    if (token.length === 1 && FUNCTION_CHARS.has(token)) return `function character ${token}`
    if (NON_TERM_TAGS.has(tagOf(token, lexicon)) && !TERM_FINAL_VERBS.has(token)) return `function word ${token}`
  }
  for (const token of tokens) {
    if (GOVERNING_VERBS.has(token)) return `governing verb ${token}`
  }
  // Only a multi-character first word is judged by frequency: the frequencies jieba gives single
  // characters (起 in 起付标准, 率) say nothing about how they are used inside a compound.
  const frequentFirstVerb = first.length > 1 && isVerbTag(tagOf(first, lexicon)) && freqOf(first, lexicon) >= GOVERNING_VERB_MIN_FREQ
  if (frequentFirstVerb && !TERM_FINAL_VERBS.has(first)) return `governing verb ${first}`
  if (ADMINISTRATIVE_LEVEL_CHARS.has(first)) return `administrative level ${first}`
  if (tagOf(first, lexicon) === 'k') return `suffix first ${first}`
  const lastTag = tagOf(last, lexicon)
  if (last.length === 1) return TERM_FINAL_CHARS.has(last) ? null : `weak final character ${last}`
  if (WEAK_FINAL_WORDS.has(last)) return `weak final word ${last}`
  if ((isVerbTag(lastTag) || lastTag === 'vn') && !TERM_FINAL_VERBS.has(last)) return `final verb ${last}`
  if (lastTag === 'a' || lastTag === 'ad') return `final adjective ${last}`
  return null
}

/**
 * A verb before a health phrase that mostly occurs without it is the verb of a clause (处置医疗废物,
 * 询问患者), not the first part of a term; 巡回医疗 keeps its verb because 巡回 is rare in general
 * text, 出生缺陷 because 缺陷 is not a health phrase of its own.
 */
const VERB_PHRASE_MAX_SHARE = 0.3
/** Verbs rarer than this in jieba's dictionary (巡回 187) are mostly used as modifiers inside terms. */
const MODIFIER_VERB_MAX_FREQ = 300

/** Why a verb-first candidate is a clause rather than a term, or `null`. */
export function verbPhraseProblem(
  term: string,
  tokens: readonly string[],
  context: { lexicon: JiebaLexicon; counts: ReadonlyMap<string, number> },
): string | null {
  const first = tokens[0]
  if (first === undefined || tokens.length < 2) return null
  const entry = context.lexicon.entries.get(first)
  if (!entry || !(isVerbTag(entry.tag) || entry.tag === 'vn') || entry.freq < MODIFIER_VERB_MAX_FREQ) return null
  const rest = term.slice(first.length)
  // Only a health phrase can be the object of such a clause; 出生缺陷's rest (缺陷) is not one.
  if (!hasHealthMorpheme(rest)) return null
  const restCount = context.counts.get(rest) ?? 0
  const termCount = context.counts.get(term) ?? 0
  if (restCount > 0 && termCount < VERB_PHRASE_MAX_SHARE * restCount) return `clause verb ${first}`
  return null
}

