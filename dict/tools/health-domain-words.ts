import { plainJiebaTokens } from './health-jieba'

/**
 * Words of jieba's vocabulary that are typical of health text: far more frequent in the health part
 * of the corpus than in the rest of the laws. They extend the hand-written morpheme list with what
 * the corpus itself says is health vocabulary (生殖, 围产, 报销, 梅毒…), so that 人类辅助生殖技术
 * counts as a health term although it contains no 医/药/病.
 */

/** A word must be seen this often in health text before its share means anything. */
const MIN_HEALTH_COUNT = 8
/**
 * Share of a word's occurrences that lie in health text. Health text is about 11% of the laws'
 * characters, so 0.6 means over ten times more frequent there than elsewhere.
 */
const MIN_HEALTH_SHARE = 0.8

function countTokens(runs: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const run of runs) {
    for (const token of plainJiebaTokens(run)) {
      if (token.length >= 2) counts.set(token, (counts.get(token) ?? 0) + 1)
    }
  }
  return counts
}

/** The multi-character jieba words over-represented in health text compared with the background. */
export function healthDomainWords(healthRuns: readonly string[], backgroundRuns: readonly string[]): Set<string> {
  const health = countTokens(healthRuns)
  const background = countTokens(backgroundRuns)
  const words = new Set<string>()
  for (const [word, count] of health) {
    if (count < MIN_HEALTH_COUNT) continue
    if (count / (count + (background.get(word) ?? 0)) >= MIN_HEALTH_SHARE) words.add(word)
  }
  return words
}
