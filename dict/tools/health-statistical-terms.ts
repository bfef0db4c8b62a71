import type { HealthCorpus } from './health-corpus'
import type { JiebaLexicon } from './health-jieba'
import { plainJiebaBoundaries, plainJiebaTokens } from './health-jieba'
import type { NgramCounts } from './health-ngram-stats'
import { boundaryStats, cohesion, countNgrams } from './health-ngram-stats'
import { healthDomainWords } from './health-domain-words'
import { hasHealthMorpheme, termShapeProblem, verbPhraseProblem } from './health-term-shape'

/** Thresholds of the statistical miner; each is explained where it is defined. */
export interface MinerThresholds {
  maxLength: number
  minCount: number
  minAligned: number
  minCohesion: number
  maxEntropyNeeded: number
}

export const DEFAULT_MINER_THRESHOLDS: MinerThresholds = {
  /** The range: 2–10 Han characters (人类辅助生殖技术 has 8). */
  maxLength: 10,
  /** Three independent uses is the least that lets branching entropy mean anything. */
  minCount: 3,
  /** Most occurrences must start and end on jieba's own boundaries, else the string cuts through a word (务院 of 国务院). */
  minAligned: 0.6,
  /** e^2.5 ≈ 12: the weakest split must co-occur twelve times more often than chance. */
  minCohesion: 2.5,
  /**
   * Branching entropy needed on both sides, in nats (1.0 ≈ three equally likely neighbours). A string
   * seen n times can reach at most log(n), so rare strings need 3/4 of that instead.
   */
  maxEntropyNeeded: 1.0,
}

const LOW_COUNT_ENTROPY_SHARE = 0.75

/** A mined term with the evidence that admitted it. */
export interface MinedTerm {
  word: string
  tokens: string[]
  count: number
}

/**
 * Mines the health corpus for n-grams that behave like words, have a term's shape and jieba splits.
 * A term belongs to health when it contains a health morpheme or a word typical of health text.
 */
export function mineStatisticalTerms(corpus: HealthCorpus, lexicon: JiebaLexicon, thresholds = DEFAULT_MINER_THRESHOLDS): { terms: MinedTerm[]; ngrams: NgramCounts } {
  const ngrams = countNgrams(corpus.hanRuns, thresholds)
  const candidates = new Set<string>()
  for (const gram of ngrams.counts.keys()) {
    if (gram.length >= 2 && !lexicon.entries.has(gram)) candidates.add(gram)
  }
  const stats = boundaryStats({ runs: corpus.hanRuns, boundaries: corpus.hanRuns.map(plainJiebaBoundaries) }, candidates, thresholds.maxLength)
  const wordLike: MinedTerm[] = []
  for (const word of candidates) {
    const count = ngrams.counts.get(word) ?? 0
    const boundary = stats.get(word)
    if (!boundary || boundary.aligned < thresholds.minAligned) continue
    const entropyNeeded = Math.min(thresholds.maxEntropyNeeded, LOW_COUNT_ENTROPY_SHARE * Math.log(count))
    if (Math.min(boundary.left, boundary.right) < entropyNeeded) continue
    if (cohesion(word, ngrams) < thresholds.minCohesion) continue
    const tokens = plainJiebaTokens(word)
    if (termShapeProblem(word, tokens, lexicon) !== null) continue
    if (verbPhraseProblem(word, tokens, { lexicon, counts: ngrams.counts }) !== null) continue
    wordLike.push({ word, tokens, count })
  }
  const domainWords = healthDomainWords(corpus.hanRuns, corpus.backgroundRuns)
  const terms = wordLike.filter((term) => hasHealthMorpheme(term.word) || term.tokens.some((token) => domainWords.has(token)))
  return { terms, ngrams }
}
