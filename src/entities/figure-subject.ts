import { isCommonWord } from './common-words'
import { isHan } from './text-classes'

/**
 * Verbs that link a measured quantity to its value (孕产妇死亡率为5.37/10万, 占比提升至45%).
 * Longer ones first, so 提升至 is taken whole rather than as 至.
 */
const LINKING_VERBS = [
  '分别提高到', '分别达到', '分别为', '提升至', '提升到', '提高到', '提高至', '下降到', '下降至', '降低到', '降低至', '增长到',
  '增加到', '达到', '降至', '约为', '为', '达', '是', '增长', '下降', '提高', '增加', '减少', '超过', '占',
]
/** Subjects are short noun phrases; beyond this many characters the phrase is clause material. */
const MAX_SUBJECT_LENGTH = 10
const MIN_SUBJECT_LENGTH = 2
/** Characters that end a subject phrase on its left: function words and verbs that introduce it. */
const SUBJECT_LEFT_STOPS = '的和及与将使把让对在从由是了已'
/** A subject names a measure: it ends like 死亡率, 占比, 比例, 人数, 支出, 补贴, 投入, 降幅, 满意度. */
const SUBJECT_FINAL_CHARACTERS = '率比例数量额费金幅度出入贴值价资'
/** Money is often named after the amounts: 3000元、5000元一次性生育补贴. */
const PURPOSE_WORDS = ['补贴', '补助', '奖励', '奖金', '津贴', '资金', '经费', '救助金', '慰问金']
/** Modifiers in front of a purpose that are not part of what was paid (一次性生育补贴 → 生育补贴). */
const PURPOSE_MODIFIERS = ['一次性', '一次', '每月', '每年', '的']
const WORD_LENGTH = 2
/** A trimmed subject keeps a measure and what it measures, two characters each at least (村医占比). */
const MIN_TRIMMED_SUBJECT = 4
/** How far after the amounts the purpose may end (一次性生育补贴 is seven characters). */
const MAX_PURPOSE_PHRASE = 10

/**
 * Trims a subject to its last phrase: the text after the last everyday word (two or three characters)
 * that ends before it, where no word runs across the cut (执业医师资格村医占比 → 村医占比;
 * 卫生院标准化建设率 → 标准化建设率; 孕产妇死亡率 stays whole).
 */
function lastPhrase(subject: string): string {
  const wordAt = (from: number, to: number): boolean => from >= 0 && to <= subject.length && isCommonWord(subject.slice(from, to))
  for (let cut = subject.length - MIN_TRIMMED_SUBJECT; cut >= WORD_LENGTH; cut--) {
    const wordEnds = wordAt(cut - 2, cut) || wordAt(cut - 3, cut)
    const wordCrosses = wordAt(cut - 1, cut + 1) || wordAt(cut - 2, cut + 1) || wordAt(cut - 1, cut + 2)
    if (wordEnds && !wordCrosses) return subject.slice(cut)
  }
  return subject
}

/**
 * What was measured, when the text names it just before the figure through a linking verb:
 * 孕产妇死亡率为5.37/10万 → 孕产妇死亡率. Undefined when there is no such phrase.
 */
export function findSubject(text: string, figureStart: number): string | undefined {
  let verbStart = -1
  for (const verb of LINKING_VERBS) {
    if (text.startsWith(verb, figureStart - verb.length)) {
      verbStart = figureStart - verb.length
      break
    }
  }
  if (verbStart < 0) return undefined
  let start = verbStart
  while (start > 0 && verbStart - start < MAX_SUBJECT_LENGTH && isHan(text[start - 1]) && !SUBJECT_LEFT_STOPS.includes(text[start - 1] as string)) {
    start--
  }
  const subject = text.slice(start, verbStart)
  if (subject.length < MIN_SUBJECT_LENGTH || !SUBJECT_FINAL_CHARACTERS.includes(subject[subject.length - 1] as string)) return undefined
  return lastPhrase(subject)
}

/**
 * What an amount of money was for, when the text names it right after the amounts:
 * 分别给予3000元、5000元一次性生育补贴 → 生育补贴 for both. `from` is where the last amount ends.
 */
export function findPurposeAfter(text: string, from: number): string | undefined {
  let end = from
  while (end < text.length && end - from < MAX_PURPOSE_PHRASE && isHan(text[end])) {
    end++
    const purpose = PURPOSE_WORDS.find((w) => text.startsWith(w, end - w.length))
    if (purpose === undefined) continue
    let phrase = text.slice(from, end)
    for (const modifier of PURPOSE_MODIFIERS) if (phrase.startsWith(modifier)) phrase = phrase.slice(modifier.length)
    return phrase.length >= MIN_SUBJECT_LENGTH ? phrase : undefined
  }
  return undefined
}
