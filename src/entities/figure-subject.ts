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
const MAX_SUBJECT_LENGTH = 8
const MIN_SUBJECT_LENGTH = 2
/** Characters that end a subject phrase on its left: function words and verbs that introduce it. */
const SUBJECT_LEFT_STOPS = '的和及与将使把让对在从由是了已'
/** A subject names a measure: it ends like 死亡率, 占比, 比例, 人数, 支出, 补贴, 投入, 降幅, 满意度. */
const SUBJECT_FINAL_CHARACTERS = '率比例数量额费金幅度出入贴值价资'

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
  return subject.length >= MIN_SUBJECT_LENGTH && SUBJECT_FINAL_CHARACTERS.includes(subject[subject.length - 1] as string) ? subject : undefined
}
